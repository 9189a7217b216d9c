import { unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DeleteAccountResponse, ErrorCode } from '@glow/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { AppConfig } from '../../platform/config/app-config';
import { PhoneCipher } from '../../platform/crypto/phone-cipher';
import { MemberDataRegistry } from './member-data.registry';
import { Member } from './member.entity';
import { MemberException } from './member.exception';
import { TagService } from './tag.service';

/** The member's PIPL rights: a copy of all their data, and deletion of their account. */
@Injectable()
export class PrivacyService {
  private readonly log = new Logger(PrivacyService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: MemberDataRegistry,
    private readonly tags: TagService,
    private readonly phones: PhoneCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Everything Glow holds about the member, as one JSON document. */
  async export(memberId: string, ip: string | null): Promise<{ fileName: string; body: Record<string, unknown> }> {
    const m = await this.db.getRepository(Member).findOne({ where: { id: memberId }, relations: { store: true, advisor: true } });
    if (!m) throw new MemberException(ErrorCode.MemberNotFound);
    if (m.deletedAt) throw new MemberException(ErrorCode.MemberDeleted);
    await this.audit.record({ actorKind: 'member', actorId: memberId, action: 'member.export', memberId, ip });
    const [wechat, consents, tags, reads] = await Promise.all([
      this.db.query<{ openid: string; linked_at: Date; last_login_at: Date | null }[]>(`SELECT openid, created_at AS linked_at, last_login_at FROM member_wechat WHERE member_id = $1 ORDER BY linked_at`, [memberId]),
      this.db.query<{ kind: string; version: string; granted_at: Date; revoked_at: Date | null }[]>(
        `SELECT kind, version, granted_at, revoked_at FROM member_consent WHERE member_id = $1 ORDER BY granted_at`,
        [memberId],
      ),
      this.tags.forMember(memberId),
      this.db.query<{ action: string; at: Date; actor: string | null }[]>(
        `SELECT a.action, a.created_at AS at, s.name AS actor FROM audit_log a LEFT JOIN staff s ON a.actor_kind = 'staff' AND s.id::text = a.actor_id
          WHERE a.member_id = $1 AND a.actor_kind = 'staff' ORDER BY a.created_at DESC LIMIT 500`,
        [memberId],
      ),
    ]);
    const sections: Record<string, unknown> = {};
    for (const c of this.registry.all()) sections[c.section] = await c.export(memberId);
    return {
      fileName: `glow-my-data-${m.memberNo}.json`,
      body: {
        exportedAt: new Date().toISOString(),
        note: '这是 Glow 保存的关于您的全部个人信息（依据《个人信息保护法》第四十五条）。',
        profile: {
          memberNo: m.memberNo,
          name: m.name,
          nickname: m.nickname,
          avatarUrl: m.avatarUrl,
          phone: this.phones.decrypt(m.phoneCipher),
          gender: m.gender,
          birthday: m.birthday,
          city: m.city,
          channel: m.channel,
          joinedAt: m.joinedAt.toISOString(),
          referralCode: m.referralCode,
          store: m.store ? { name: m.store.name } : null,
          advisor: m.advisor ? { name: m.advisor.name } : null,
        },
        wechatAccounts: wechat.map((w) => ({ openid: w.openid, linkedAt: new Date(w.linked_at).toISOString(), lastLoginAt: w.last_login_at ? new Date(w.last_login_at).toISOString() : null })),
        consents: consents.map((c) => ({ kind: c.kind, version: c.version, grantedAt: new Date(c.granted_at).toISOString(), revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null })),
        tags: tags.map((t) => ({ label: t.label, kind: t.kind, addedAt: t.addedAt })),
        staffAccess: reads.map((r) => ({ action: r.action, by: r.actor ?? '系统', at: new Date(r.at).toISOString() })),
        ...sections,
      },
    };
  }

  /**
   * Deletes the account: personal data is anonymised, sensitive data erased by each module, WeChat links and
   * sessions removed (so the same WeChat user or phone joining again becomes a new member), consents withdrawn.
   * Ledgers keep their rows against the anonymised member, so balances still add up.
   */
  async deleteAccount(memberId: string, ip: string | null): Promise<DeleteAccountResponse> {
    const { deletedAt, avatarUrl } = await this.db.transaction(async (tx) => {
      const [m] = await tx.query<{ deleted_at: Date | null; avatar_url: string | null }[]>(`SELECT deleted_at, avatar_url FROM member WHERE id = $1 FOR UPDATE`, [memberId]);
      if (!m) throw new MemberException(ErrorCode.MemberNotFound);
      if (m.deleted_at) throw new MemberException(ErrorCode.MemberDeleted);
      // Contributors run first, while the WeChat links still exist (identity revokes the sessions of those openids).
      for (const c of this.registry.all()) await c.erase(memberId, tx);
      await tx.query(`DELETE FROM member_wechat WHERE member_id = $1`, [memberId]);
      await tx.query(`DELETE FROM member_tag WHERE member_id = $1`, [memberId]);
      await tx.query(`UPDATE member_consent SET revoked_at = now() WHERE member_id = $1 AND revoked_at IS NULL`, [memberId]);
      const [row] = await tx.query<{ deleted_at: Date }[]>(
        `WITH gone AS (
           UPDATE member SET name = NULL, nickname = NULL, avatar_url = NULL, gender = 'unknown', birthday = NULL, city = NULL,
                  phone_cipher = '', phone_hash = encode(sha256(convert_to('deleted:' || id::text, 'UTF8')), 'hex'), phone_masked = '已注销',
                  skin_profile_at = NULL, deleted_at = now()
            WHERE id = $1 RETURNING deleted_at)
         SELECT deleted_at FROM gone`,
        [memberId],
      );
      await this.audit.record({ actorKind: 'member', actorId: memberId, action: 'member.delete', memberId, ip }, tx);
      return { deletedAt: new Date(row.deleted_at), avatarUrl: m.avatar_url };
    });
    if (avatarUrl) await this.removeAvatar(avatarUrl);
    return { deletedAt: deletedAt.toISOString() };
  }

  private async removeAvatar(url: string): Promise<void> {
    const path = join(resolve(this.config.mediaDir, 'avatars'), basename(url));
    await unlink(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') this.log.warn(`could not remove avatar file: ${e.message}`);
    });
  }
}
