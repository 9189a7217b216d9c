import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type JoinDto, type MemberHomeResponse, type MemberProfile, type PrivacyPolicyResponse, type ProfileCompletenessView, type UpdateProfileDto } from '@glow/contracts';
import { maskPhone, normalizePhone, parseScene, profileCompleteness, toReadableCode } from '@glow/domain';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { PhoneCipher } from '../../platform/crypto/phone-cipher';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { WechatClient } from '../../platform/wechat/wechat.client';
import { Member } from './member.entity';
import { type ConsentKind, MemberConsent } from './member-consent.entity';
import { MemberException } from './member.exception';
import { MemberWechat } from './member-wechat.entity';
import { PrivacyPolicy } from './privacy-policy.entity';
import { Staff } from './staff.entity';
import { Store } from './store.entity';

export interface JoinOutcome {
  memberId: string;
  linkedExisting: boolean;
}

@Injectable()
export class MemberService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectRepository(MemberWechat) private readonly wechatAccounts: Repository<MemberWechat>,
    @InjectRepository(PrivacyPolicy) private readonly policies: Repository<PrivacyPolicy>,
    @InjectRepository(MemberConsent) private readonly consents: Repository<MemberConsent>,
    private readonly phones: PhoneCipher,
    private readonly wechat: WechatClient,
  ) {}

  /** The member a WeChat user joined as, recording the login; null for a WeChat user who has not joined. */
  async memberIdForOpenid(openid: string): Promise<string | null> {
    const rows = await this.db.query<{ member_id: string }[]>(
      // Wrapped in a CTE because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH touched AS (UPDATE member_wechat SET last_login_at = now() WHERE openid = $1 RETURNING member_id)
       SELECT member_id FROM touched`,
      [openid],
    );
    return rows[0]?.member_id ?? null;
  }

  async currentPolicy(): Promise<PrivacyPolicy> {
    const [policy] = await this.policies.find({ order: { publishedAt: 'DESC' }, take: 1 });
    if (!policy) throw new MemberException(ErrorCode.NotFound, 'no privacy policy published');
    return policy;
  }

  async privacyPolicy(): Promise<PrivacyPolicyResponse> {
    const p = await this.currentPolicy();
    return { version: p.version, title: p.title, content: p.content, publishedAt: p.publishedAt.toISOString() };
  }

  /**
   * Joins a WeChat user as a member: consent to the current policy, a phone proven by WeChat, an optional profile
   * and a store/advisor/referrer binding. A phone that already belongs to a member (a store customer, or the same
   * person on another WeChat account) links to that member instead of creating a second one.
   */
  async join(openid: string, unionid: string | null, dto: JoinDto): Promise<JoinOutcome> {
    const policy = await this.currentPolicy();
    if (dto.consentVersion !== policy.version) throw new MemberException(ErrorCode.ConsentOutdated);
    if (await this.wechatAccounts.exists({ where: { openid } })) throw new MemberException(ErrorCode.MemberAlreadyJoined);
    const binding = await this.resolveBinding(dto);
    const phone = await this.phoneFromCode(dto.phoneCode, openid);

    return this.db.transaction(async (tx) => {
      const phoneHash = this.phones.blindIndex(phone);
      const now = new Date();
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Member)
        .values({
          memberNo: await this.newCode(tx, 'member_no', 10),
          referralCode: await this.newCode(tx, 'referral_code', 8),
          nickname: dto.nickname ?? null,
          gender: dto.gender ?? 'unknown',
          birthday: dto.birthday ?? null,
          city: dto.city ?? null,
          phoneCipher: this.phones.encrypt(phone),
          phoneHash,
          phoneMasked: maskPhone(phone),
          channel: 'wechat',
          storeId: binding.storeId,
          advisorId: binding.advisorId,
          referredById: binding.referrerId,
          joinedAt: now,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      let memberId = (inserted.raw as { id: string }[])[0]?.id;
      const linkedExisting = !memberId;
      if (!memberId) {
        // Same phone, same person: fill in what the existing record lacks, never overwrite it.
        const existing = await tx.getRepository(Member).findOneOrFail({ where: { phoneHash }, lock: { mode: 'pessimistic_write' } });
        memberId = existing.id;
        await tx.getRepository(Member).update(existing.id, {
          nickname: existing.nickname ?? dto.nickname ?? null,
          gender: existing.gender !== 'unknown' ? existing.gender : (dto.gender ?? 'unknown'),
          birthday: existing.birthday ?? dto.birthday ?? null,
          city: existing.city ?? dto.city ?? null,
          storeId: existing.storeId ?? binding.storeId,
          advisorId: existing.advisorId ?? binding.advisorId,
        });
      }
      const linked = await tx.createQueryBuilder().insert().into(MemberWechat).values({ openid, unionid, memberId, lastLoginAt: now }).orIgnore().returning(['openid']).execute();
      if ((linked.raw as unknown[]).length === 0) throw new MemberException(ErrorCode.MemberAlreadyJoined);
      await tx.createQueryBuilder().insert().into(MemberConsent).values({ memberId, kind: 'privacy', version: policy.version, grantedAt: now, revokedAt: null }).orIgnore().execute();
      return { memberId, linkedExisting };
    });
  }

  async home(memberId: string): Promise<MemberHomeResponse> {
    const member = await this.members.findOne({ where: { id: memberId }, relations: { store: true, advisor: true } });
    if (!member) throw new MemberException(ErrorCode.MemberNotFound);
    if (member.deletedAt) throw new MemberException(ErrorCode.MemberDeleted);
    const [consent] = await this.consents.find({ where: { memberId, kind: 'privacy' }, order: { grantedAt: 'DESC' }, take: 1 });
    return {
      profile: toProfile(member),
      tier: { code: 'standard', name: '普通会员' },
      points: { balance: 0 },
      consent: { version: consent?.version ?? '', grantedAt: (consent?.grantedAt ?? member.joinedAt).toISOString() },
      completeness: completenessOf(member),
    };
  }

  /** Throws unless the member exists and has not deleted their account (access tokens outlive a deletion by minutes). */
  async requireActive(memberId: string): Promise<void> {
    const m = await this.members.findOne({ where: { id: memberId }, select: { id: true, deletedAt: true } });
    if (!m) throw new MemberException(ErrorCode.MemberNotFound);
    if (m.deletedAt) throw new MemberException(ErrorCode.MemberDeleted);
  }

  /** The member's latest consent of a kind (granted or withdrawn), or null if never asked. */
  async consentOf(memberId: string, kind: ConsentKind): Promise<{ version: string; grantedAt: Date; revokedAt: Date | null } | null> {
    const [c] = await this.consents.find({ where: { memberId, kind }, order: { grantedAt: 'DESC' }, take: 1 });
    return c ? { version: c.version, grantedAt: c.grantedAt, revokedAt: c.revokedAt } : null;
  }

  /** Records consent to a version; agreeing again after withdrawing renews it. */
  async grantConsent(memberId: string, kind: ConsentKind, version: string): Promise<Date> {
    const [row] = await this.db.query<{ granted_at: Date }[]>(
      `INSERT INTO member_consent (member_id, kind, version, granted_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (member_id, kind, version) DO UPDATE SET granted_at = CASE WHEN member_consent.revoked_at IS NULL THEN member_consent.granted_at ELSE now() END, revoked_at = NULL
       RETURNING granted_at`,
      [memberId, kind, version],
    );
    return new Date(row.granted_at);
  }

  async withdrawConsent(memberId: string, kind: ConsentKind, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db.manager).query(`UPDATE member_consent SET revoked_at = now() WHERE member_id = $1 AND kind = $2 AND revoked_at IS NULL`, [memberId, kind]);
  }

  /** The skin module reports when the member's current skin profile was set (null when erased). */
  async setSkinProfileAt(memberId: string, at: Date | null, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db.manager).query(`UPDATE member SET skin_profile_at = $2 WHERE id = $1`, [memberId, at]);
  }

  async updateProfile(memberId: string, dto: UpdateProfileDto): Promise<MemberHomeResponse> {
    await this.requireActive(memberId);
    const changes: Partial<Member> = {};
    if (dto.nickname !== undefined) changes.nickname = dto.nickname;
    if (dto.birthday !== undefined) changes.birthday = dto.birthday;
    if (dto.gender !== undefined) changes.gender = dto.gender;
    if (dto.city !== undefined) changes.city = dto.city;
    if (Object.keys(changes).length > 0) await this.members.update(memberId, changes);
    return this.home(memberId);
  }

  async setAvatar(memberId: string, avatarUrl: string): Promise<void> {
    await this.requireActive(memberId);
    await this.members.update(memberId, { avatarUrl });
  }

  private async phoneFromCode(code: string, openid: string): Promise<string> {
    let info;
    try {
      info = await this.wechat.getPhoneNumber(code, openid);
    } catch (e) {
      if (e instanceof WechatApiError && (e.errcode === 40029 || e.errcode === 40163)) throw new MemberException(ErrorCode.PhoneCodeInvalid);
      if (e instanceof WechatApiError && e.errcode === 45011) throw new MemberException(ErrorCode.WechatRateLimited);
      throw new MemberException(ErrorCode.WechatUnavailable, e instanceof Error ? e.message : undefined);
    }
    const phone = normalizePhone(info.purePhoneNumber, info.countryCode);
    if (!phone) throw new MemberException(ErrorCode.PhoneCodeInvalid, 'WeChat returned an unusable phone number');
    return phone;
  }

  /** Store and advisor from a QR scene, or inherited from the member whose referral code was used. */
  private async resolveBinding(dto: JoinDto): Promise<{ storeId: string | null; advisorId: string | null; referrerId: string | null }> {
    let storeId: string | null = null;
    let advisorId: string | null = null;
    let referralCode = dto.referralCode ?? null;
    if (dto.scene) {
      const parsed = parseScene(dto.scene);
      if (!parsed.ok) throw new MemberException(ErrorCode.InvalidScene);
      const { storeCode, advisorCode } = parsed.binding;
      referralCode ??= parsed.binding.referralCode;
      if (storeCode) {
        const store = await this.db.getRepository(Store).findOne({ where: { code: storeCode, active: true } });
        if (!store) throw new MemberException(ErrorCode.InvalidScene);
        storeId = store.id;
      }
      if (advisorCode) {
        const advisor = await this.db.getRepository(Staff).findOne({ where: { code: advisorCode, active: true, role: 'advisor' } });
        if (!advisor || (storeId && advisor.storeId !== storeId)) throw new MemberException(ErrorCode.InvalidScene);
        advisorId = advisor.id;
        storeId ??= advisor.storeId;
      }
    }
    let referrerId: string | null = null;
    if (referralCode) {
      const referrer = await this.members.findOne({ where: { referralCode } });
      if (!referrer) throw new MemberException(ErrorCode.ReferralInvalid);
      referrerId = referrer.id;
      storeId ??= referrer.storeId;
      advisorId ??= referrer.advisorId;
    }
    return { storeId, advisorId, referrerId };
  }

  /** A random readable code not yet used in `column`; collisions are rare and simply retried. */
  private async newCode(tx: EntityManager, column: 'member_no' | 'referral_code', length: number): Promise<string> {
    for (;;) {
      const code = toReadableCode(randomBytes(length), length);
      const taken = await tx.query<unknown[]>(`SELECT 1 FROM member WHERE ${column} = $1`, [code]);
      if (taken.length === 0) return code;
    }
  }
}

export function toProfile(m: Member): MemberProfile {
  return {
    id: m.id,
    memberNo: m.memberNo,
    nickname: m.nickname,
    avatarUrl: m.avatarUrl,
    phoneMasked: m.phoneMasked,
    gender: m.gender,
    birthday: m.birthday,
    city: m.city,
    referralCode: m.referralCode,
    joinedAt: m.joinedAt.toISOString(),
    store: m.store ? { id: m.store.id, name: m.store.name } : null,
    advisor: m.advisor ? { id: m.advisor.id, name: m.advisor.name } : null,
  };
}

/** How complete the member's profile is, and what to ask for next. */
export function completenessOf(m: Member): ProfileCompletenessView {
  return profileCompleteness({ nickname: m.nickname, avatarUrl: m.avatarUrl, gender: m.gender, birthday: m.birthday, city: m.city, hasSkinProfile: m.skinProfileAt !== null });
}
