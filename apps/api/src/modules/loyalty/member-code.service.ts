import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type MemberAtTill, type MemberCodeResponse } from '@glow/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { LoyaltyException } from './loyalty.exception';
import { LoyaltyService } from './loyalty.service';
import { issueMemberCode, MEMBER_CODE_REFRESH_SEC, verifyMemberCode } from './member-code';
import { PointsService } from './points.service';

/** The rotating member code the mini-program shows and the till scans. */
@Injectable()
export class MemberCodeService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loyalty: LoyaltyService,
    private readonly points: PointsService,
    config: AppConfig,
  ) {
    this.key = Buffer.from(config.memberCodeKey, 'base64');
  }

  async issue(memberId: string): Promise<MemberCodeResponse> {
    const [m] = await this.db.query<{ member_no: string }[]>(`SELECT member_no FROM member WHERE id = $1 AND deleted_at IS NULL`, [memberId]);
    if (!m) throw new LoyaltyException(ErrorCode.MemberNotFound);
    const { code, expiresAt } = issueMemberCode(this.key, m.member_no, new Date());
    return { code, expiresAt: expiresAt.toISOString(), refreshAfterSec: MEMBER_CODE_REFRESH_SEC };
  }

  /** The member behind a code, or 400 MEMBER_CODE_INVALID (expired, mistyped, forged or a deleted account). */
  async memberIdOf(code: string): Promise<string> {
    return (await this.member(code)).id;
  }

  async resolve(code: string): Promise<MemberAtTill> {
    const m = await this.member(code);
    const memberId = m.id;
    const [tiers, totals] = await Promise.all([this.loyalty.tiersOf([memberId]), this.points.totals(memberId)]);
    const tier = tiers.get(memberId);
    if (!tier) throw new Error(`no tier for member ${memberId}`);
    return {
      id: memberId,
      memberNo: m.member_no,
      name: m.name,
      nickname: m.nickname,
      phoneMasked: m.phone_masked,
      tier,
      balance: totals.balance,
      pending: totals.pending,
    };
  }

  private async member(code: string): Promise<{ id: string; member_no: string; name: string | null; nickname: string | null; phone_masked: string }> {
    const memberNo = verifyMemberCode(this.key, code, new Date());
    const [m] = memberNo
      ? await this.db.query<{ id: string; member_no: string; name: string | null; nickname: string | null; phone_masked: string }[]>(
          `SELECT id, member_no, name, nickname, phone_masked FROM member WHERE member_no = $1 AND deleted_at IS NULL`,
          [memberNo],
        )
      : [];
    if (!m) throw new LoyaltyException(ErrorCode.MemberCodeInvalid);
    return m;
  }
}
