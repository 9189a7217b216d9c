import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type MemberSessionResponse, type StaffSessionResponse, type TokenPair } from '@glow/contracts';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../../platform/auth/access-token.service';
import type { Principal } from '../../platform/auth/principal';
import { AppConfig } from '../../platform/config/app-config';
import { MemberService } from '../member/member.service';
import { StaffMemberService } from '../member/staff-member.service';
import { IdentityException } from './identity.exception';
import type { RefreshSubjectKind } from './refresh-token.entity';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sessions are a short-lived access token plus a rotating refresh token. Each refresh consumes the presented
 * token (a conditional update, so two racing refreshes cannot both win) and issues its successor in the same
 * family; a token presented a second time means it was stolen or replayed, and the whole family is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessTokenService,
    private readonly config: AppConfig,
    private readonly members: MemberService,
    private readonly staff: StaffMemberService,
  ) {}

  async startWechatSession(openid: string): Promise<MemberSessionResponse> {
    const memberId = await this.members.memberIdForOpenid(openid);
    return this.memberSession(openid, memberId, await this.issueRefresh('wechat', openid, randomUUID()));
  }

  async startStaffSession(staffId: string, username: string): Promise<StaffSessionResponse> {
    return this.staffSession(staffId, username, await this.issueRefresh('staff', staffId, randomUUID()));
  }

  async refresh(presented: string, username: (staffId: string) => Promise<string>): Promise<MemberSessionResponse | StaffSessionResponse> {
    const hash = sha256(presented);
    // The revocation of a replayed family must commit, so failures are returned from the transaction and thrown after it.
    const outcome = await this.db.transaction(async (tx): Promise<MemberSessionResponse | StaffSessionResponse | ErrorCode> => {
      const consumed = await tx.query<{ family_id: string; subject_kind: RefreshSubjectKind; subject_id: string }[]>(
        // A CTE, because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
        `WITH consumed AS (
           UPDATE refresh_token SET used_at = now()
            WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING family_id, subject_kind, subject_id)
         SELECT family_id, subject_kind, subject_id FROM consumed`,
        [hash],
      );
      const row = consumed[0];
      if (!row) {
        const known = await tx.query<{ family_id: string; used_at: Date | null }[]>('SELECT family_id, used_at FROM refresh_token WHERE token_hash = $1', [hash]);
        if (!known[0]?.used_at) return ErrorCode.RefreshTokenInvalid;
        await tx.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [known[0].family_id]);
        return ErrorCode.RefreshTokenReused;
      }
      const next = await this.issueRefresh(row.subject_kind, row.subject_id, row.family_id, tx.query.bind(tx));
      if (row.subject_kind === 'staff') return this.staffSession(row.subject_id, await username(row.subject_id), next);
      return this.memberSession(row.subject_id, await this.members.memberIdForOpenid(row.subject_id), next);
    });
    if (typeof outcome === 'string') throw new IdentityException(outcome);
    return outcome;
  }

  async logout(presented: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_token SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL`,
      [sha256(presented)],
    );
  }

  private memberSession(openid: string, memberId: string | null, refresh: { token: string }): MemberSessionResponse {
    const principal: Principal = memberId ? { kind: 'member', openid, memberId } : { kind: 'pre_member', openid };
    return { ...this.pair(principal, refresh.token), kind: principal.kind === 'member' ? 'member' : 'pre_member', memberId };
  }

  private async staffSession(staffId: string, username: string, refresh: { token: string }): Promise<StaffSessionResponse> {
    const profile = await this.staff.profile(staffId);
    // Deactivation ends every session at its next refresh, within one access-token lifetime.
    if (!profile.active) throw new IdentityException(ErrorCode.RefreshTokenInvalid);
    const principal: Principal = { kind: 'staff', staffId, role: profile.role, storeId: profile.storeId };
    return { ...this.pair(principal, refresh.token), kind: 'staff', staff: { id: profile.id, username, name: profile.name, role: profile.role, storeId: profile.storeId, storeName: profile.storeName } };
  }

  private pair(principal: Principal, refreshToken: string): TokenPair {
    return { accessToken: this.access.sign(principal), expiresIn: this.access.ttlSeconds, refreshToken };
  }

  private async issueRefresh(
    kind: RefreshSubjectKind,
    subjectId: string,
    familyId: string,
    query: (sql: string, params: unknown[]) => Promise<unknown> = (sql, params) => this.db.query(sql, params),
  ): Promise<{ token: string }> {
    const token = randomBytes(32).toString('base64url');
    await query(
      `INSERT INTO refresh_token (family_id, subject_kind, subject_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [familyId, kind, subjectId, sha256(token), this.config.refreshTokenTtlSeconds],
    );
    return { token };
  }
}
