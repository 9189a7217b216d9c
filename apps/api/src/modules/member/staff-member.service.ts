import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type MemberDetailResponse, type MemberOverviewResponse, type MemberPortraitResponse, type MemberSearchQuery, type MemberSummary, type Paged, type StaffProfile, type StoreSummary } from '@glow/contracts';
import { buildScene, phoneFromQuery } from '@glow/domain';
import { Brackets, In, Repository } from 'typeorm';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { AuditService } from '../../platform/audit/audit.service';
import { PhoneCipher } from '../../platform/crypto/phone-cipher';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { WechatClient } from '../../platform/wechat/wechat.client';
import { MemberDataRegistry } from './member-data.registry';
import { Member } from './member.entity';
import { completenessOf } from './member.service';
import { TagService } from './tag.service';
import { MemberConsent } from './member-consent.entity';
import { MemberException } from './member.exception';
import { Staff } from './staff.entity';
import { Store } from './store.entity';

const ACTION_LABELS: Record<string, string> = {
  'member.view': '查看会员资料',
  'member.portrait': '查看会员画像（含肤质档案）',
  'member.search': '搜索会员',
  'member.tag.add': '添加标签',
  'member.tag.remove': '移除标签',
  'member.export': '会员导出个人数据',
  'member.delete': '会员注销账号',
};

/** What staff may see of members: advisors and store managers their own store's, marketers and admins all. */
@Injectable()
export class StaffMemberService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectRepository(MemberConsent) private readonly consents: Repository<MemberConsent>,
    @InjectRepository(Staff) private readonly staff: Repository<Staff>,
    @InjectRepository(Store) private readonly stores: Repository<Store>,
    private readonly phones: PhoneCipher,
    private readonly audit: AuditService,
    private readonly wechat: WechatClient,
    private readonly tags: TagService,
    private readonly registry: MemberDataRegistry,
  ) {}

  async profile(staffId: string): Promise<Omit<StaffProfile, 'username'> & { code: string; active: boolean }> {
    const s = await this.staff.findOne({ where: { id: staffId }, relations: { store: true } });
    if (!s) throw new MemberException(ErrorCode.TokenInvalid);
    return { id: s.id, name: s.name, role: s.role, storeId: s.storeId, storeName: s.store?.name ?? null, code: s.code, active: s.active };
  }

  async search(who: StaffPrincipal, query: MemberSearchQuery, ip: string | null): Promise<Paged<MemberSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.members.createQueryBuilder('m').leftJoinAndSelect('m.store', 'store').leftJoinAndSelect('m.advisor', 'advisor');
    const scope = storeScopeOf(who);
    if (scope) qb.andWhere('m.store_id = :scope', { scope });
    if (query.storeId) qb.andWhere('m.store_id = :storeId', { storeId: query.storeId });
    if (query.tagId) qb.andWhere('EXISTS (SELECT 1 FROM member_tag mt WHERE mt.member_id = m.id AND mt.tag_id = :tagId)', { tagId: query.tagId });
    qb.andWhere('m.deleted_at IS NULL');
    const q = query.q?.trim();
    const phone = q ? phoneFromQuery(q) : null;
    if (phone) {
      qb.andWhere('m.phone_hash = :hash', { hash: this.phones.blindIndex(phone) });
    } else if (q) {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('m.name ILIKE :like', { like }).orWhere('m.nickname ILIKE :like', { like }).orWhere('m.member_no ILIKE :like', { like })));
    }
    const [rows, total] = await qb.orderBy('m.joined_at', 'DESC').addOrderBy('m.id').skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    if (q) await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'member.search', detail: { by: phone ? 'phone' : 'text', results: total }, ip });
    return {
      items: rows.map((m) => ({
        id: m.id,
        memberNo: m.memberNo,
        name: m.name,
        nickname: m.nickname,
        phoneMasked: m.phoneMasked,
        city: m.city,
        storeName: m.store?.name ?? null,
        advisorName: m.advisor?.name ?? null,
        joinedAt: m.joinedAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }

  /** A member's full record for staff; every read is written to the audit log before it is returned. */
  async detail(who: StaffPrincipal, memberId: string, ip: string | null): Promise<MemberDetailResponse> {
    const m = await this.scopedMember(who, memberId);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'member.view', memberId, detail: { fields: ['profile', 'phone', 'consents'] }, ip });
    return this.toDetail(m);
  }

  /**
   * The member portrait: profile, completeness, tags and each module's section (skin today; purchases and points
   * when loyalty lands). Skin answers are sensitive personal data, so the read is audited before anything is returned.
   */
  async portrait(who: StaffPrincipal, memberId: string, ip: string | null): Promise<MemberPortraitResponse> {
    const m = await this.scopedMember(who, memberId);
    const sections = this.registry.all().filter((c) => c.portrait);
    await this.audit.record({
      actorKind: 'staff',
      actorId: who.staffId,
      action: 'member.portrait',
      memberId,
      detail: { fields: ['profile', 'phone', 'consents', 'tags', ...sections.map((c) => c.section)] },
      ip,
    });
    const filled: MemberPortraitResponse['sections'] = {};
    for (const c of sections) {
      const section = await c.portrait?.(memberId);
      if (section !== undefined) filled[c.section] = section;
    }
    return {
      member: await this.toDetail(m),
      status: m.deletedAt ? 'deleted' : 'active',
      completeness: completenessOf(m),
      tags: await this.tags.forMember(memberId),
      sections: filled,
    };
  }

  /** A member the caller may see: advisors and store managers only their own store's. */
  async scopedMember(who: StaffPrincipal, memberId: string): Promise<Member> {
    const m = await this.members.findOne({ where: { id: memberId }, relations: { store: true, advisor: true } });
    if (!m) throw new MemberException(ErrorCode.MemberNotFound);
    const scope = storeScopeOf(who);
    if (scope && m.storeId !== scope) throw new MemberException(ErrorCode.OutOfScope);
    return m;
  }

  private async toDetail(m: Member): Promise<MemberDetailResponse> {
    const memberId = m.id;
    const [consents, recent] = await Promise.all([
      this.consents.find({ where: { memberId }, order: { grantedAt: 'DESC' } }),
      this.audit.recentForMember(memberId, 10),
    ]);
    const actorIds = [...new Set(recent.filter((r) => r.actorKind === 'staff' && r.actorId).map((r) => r.actorId as string))];
    const names = new Map((actorIds.length ? await this.staff.find({ where: { id: In(actorIds) } }) : []).map((s) => [s.id, s.name]));
    return {
      id: m.id,
      memberNo: m.memberNo,
      name: m.name,
      nickname: m.nickname,
      avatarUrl: m.avatarUrl,
      phone: m.deletedAt ? '' : this.phones.decrypt(m.phoneCipher),
      gender: m.gender,
      birthday: m.birthday,
      city: m.city,
      joinedAt: m.joinedAt.toISOString(),
      channel: m.channel,
      store: m.store ? { id: m.store.id, name: m.store.name } : null,
      advisor: m.advisor ? { id: m.advisor.id, name: m.advisor.name } : null,
      referralCode: m.referralCode,
      consents: consents.map((c) => ({ kind: c.kind, version: c.version, grantedAt: c.grantedAt.toISOString(), revokedAt: c.revokedAt?.toISOString() ?? null })),
      recentAccess: recent.map((r) => ({ staffName: (r.actorId && names.get(r.actorId)) || '系统', action: ACTION_LABELS[r.action] ?? r.action, at: r.createdAt.toISOString() })),
      auditNote: '根据《个人信息保护法》，您本次查看该会员资料（含完整手机号）的行为已记录在审计日志中，请仅为服务会员之目的使用。',
    };
  }

  /** Counts for the overview dashboard; months are business months in Asia/Shanghai. */
  async overview(who: StaffPrincipal, now = new Date()): Promise<MemberOverviewResponse> {
    const scope = storeScopeOf(who);
    const where = scope ? 'WHERE m.store_id = $2' : '';
    const params: unknown[] = scope ? [now, scope] : [now];
    const [totals] = await this.members.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE m.joined_at > $1::timestamptz - interval '30 days')::int AS recent,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM member_wechat w WHERE w.member_id = m.id))::int AS wechat
         FROM member m ${where}`,
      params,
    );
    const byStore: { store_id: string; store_name: string; members: number }[] = await this.members.query(
      `SELECT s.id AS store_id, s.name AS store_name, count(m.id)::int AS members
         FROM store s LEFT JOIN member m ON m.store_id = s.id
        WHERE s.active ${scope ? 'AND s.id = $1' : ''}
        GROUP BY s.id, s.name, s.code ORDER BY s.code`,
      scope ? [scope] : [],
    );
    const months: { month: string; wechat: number; store: number }[] = await this.members.query(
      `WITH months AS (
         SELECT to_char(generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'Asia/Shanghai') - interval '11 months',
                                        date_trunc('month', $1::timestamptz AT TIME ZONE 'Asia/Shanghai'), interval '1 month'), 'YYYY-MM') AS month)
       SELECT months.month,
              count(m.id) FILTER (WHERE m.channel = 'wechat')::int AS wechat,
              count(m.id) FILTER (WHERE m.channel = 'store')::int AS store
         FROM months
         LEFT JOIN member m ON to_char(m.joined_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = months.month ${scope ? 'AND m.store_id = $2' : ''}
        GROUP BY months.month ORDER BY months.month`,
      params,
    );
    return {
      total: totals.total,
      joinedLast30Days: totals.recent,
      wechatLinked: totals.wechat,
      byStore: byStore.map((r) => ({ storeId: r.store_id, storeName: r.store_name, members: r.members })),
      joinsByMonth: months,
    };
  }

  async listStores(who: StaffPrincipal): Promise<StoreSummary[]> {
    const scope = storeScopeOf(who);
    const rows = await this.stores.find({ where: scope ? { id: scope, active: true } : { active: true }, order: { code: 'ASC' } });
    return rows.map((s) => ({ id: s.id, code: s.code, name: s.name, city: s.city, address: s.address }));
  }

  /** The store's mini-program code; an advisor's code also binds new members to that advisor. */
  async storeQrCode(who: StaffPrincipal, storeId: string): Promise<Buffer> {
    const scope = storeScopeOf(who);
    if (scope && scope !== storeId) throw new MemberException(ErrorCode.OutOfScope);
    const store = await this.stores.findOne({ where: { id: storeId, active: true } });
    if (!store) throw new MemberException(ErrorCode.StoreNotFound);
    const advisor = who.role === 'advisor' ? await this.staff.findOne({ where: { id: who.staffId } }) : null;
    try {
      return await this.wechat.getUnlimitedQrCode({ scene: buildScene({ storeCode: store.code, advisorCode: advisor?.code }), page: 'pages/index/index', checkPath: false });
    } catch (e) {
      if (e instanceof WechatApiError) throw new MemberException(ErrorCode.WechatUnavailable, e.message);
      throw e;
    }
  }
}
