import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type CampaignRunView,
  type CampaignStatus,
  type CampaignStatusAction,
  type CampaignView,
  ErrorCode,
  type SaveCampaignDto,
  type SubscribeTemplateKey,
} from '@glow/contracts';
import { validateCampaignShape } from '@glow/domain';
import { CampaignException } from './campaign.exception';
import { CAMPAIGN_SELECT, type CampaignRow, campaignView, type RunRow, runView } from './campaign-rows';
import { CampaignRunner } from './campaign-runner';

/** Subscribe messages a campaign may send, and whether their fields need the campaign's coupon. */
const CAMPAIGN_MESSAGES: Partial<Record<SubscribeTemplateKey, { needsCoupon: boolean }>> = {
  'coupon-arrival': { needsCoupon: true },
  'coupon-expiring': { needsCoupon: true },
  'tier-change': { needsCoupon: false },
};

/** What each action may move a campaign from, and to. */
const TRANSITIONS: Record<CampaignStatusAction, CampaignStatus[]> = {
  launch: ['draft'],
  pause: ['scheduled', 'running', 'active'],
  resume: ['paused'],
  end: ['draft', 'scheduled', 'running', 'active', 'paused'],
};

/**
 * Campaigns: one-off sends to a segment (now or at a time) and automated journeys. Status moves by compare-and-set:
 * draft → scheduled / running (one-off) or active (journey) ⇄ paused → completed / ended.
 */
@Injectable()
export class CampaignService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: CampaignRunner,
  ) {}

  async list(): Promise<CampaignView[]> {
    const rows = await this.db.query<CampaignRow[]>(`${CAMPAIGN_SELECT} ORDER BY c.created_at DESC`);
    const runs = await this.db.query<RunRow[]>(
      `SELECT DISTINCT ON (campaign_id) * FROM campaign_run WHERE campaign_id = ANY($1::uuid[]) ORDER BY campaign_id, created_at DESC`,
      [rows.map((r) => r.id)],
    );
    const last = new Map(runs.map((r) => [r.campaign_id, r]));
    return rows.map((r) => campaignView(r, last.get(r.id)));
  }

  async get(id: string): Promise<CampaignView> {
    const [row] = await this.db.query<CampaignRow[]>(`${CAMPAIGN_SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw new CampaignException(ErrorCode.CampaignNotFound);
    const [run] = await this.db.query<RunRow[]>(`SELECT * FROM campaign_run WHERE campaign_id = $1 ORDER BY created_at DESC LIMIT 1`, [id]);
    return campaignView(row, run);
  }

  async runs(id: string): Promise<CampaignRunView[]> {
    await this.get(id);
    const rows = await this.db.query<RunRow[]>(`SELECT * FROM campaign_run WHERE campaign_id = $1 ORDER BY created_at DESC LIMIT 100`, [id]);
    return rows.map(runView);
  }

  async create(dto: SaveCampaignDto, staffId: string | null): Promise<CampaignView> {
    await this.check(dto);
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO campaign (name, kind, segment_id, journey, scheduled_at, actions, budget_total, budget_per_day, quiet_from, quiet_until,
                             cap_touches, cap_days, holdout_pct, attribution_days, ends_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [...columns(dto), staffId],
    );
    return this.get(row.id);
  }

  /** A draft changes freely; a launched campaign only its name, budgets and end (the budget never below what was spent); anything else is 409. */
  async update(id: string, dto: SaveCampaignDto): Promise<CampaignView> {
    const current = await this.get(id);
    await this.check(dto);
    if (current.status === 'draft') {
      const [, n] = await this.db.query<[unknown[], number]>(
        `UPDATE campaign SET name = $2, kind = $3, segment_id = $4, journey = $5, scheduled_at = $6, actions = $7, budget_total = $8, budget_per_day = $9,
                quiet_from = $10, quiet_until = $11, cap_touches = $12, cap_days = $13, holdout_pct = $14, attribution_days = $15, ends_at = $16, updated_at = now()
          WHERE id = $1 AND status = 'draft'`,
        [id, ...columns(dto)],
      );
      if (n === 0) throw new CampaignException(ErrorCode.CampaignLocked);
      return this.get(id);
    }
    if (current.status === 'ended' || current.status === 'completed') throw new CampaignException(ErrorCode.CampaignLocked);
    const proposed = lockedShape({ ...dto, segmentId: dto.segmentId ?? null });
    const existing = lockedShape({
      ...current,
      segmentId: current.segment?.id ?? null,
      frequencyCap: current.frequencyCap,
    } as unknown as SaveCampaignDto);
    if (JSON.stringify(proposed) !== JSON.stringify(existing)) {
      throw new CampaignException(ErrorCode.CampaignLocked, 'locked fields changed');
    }
    try {
      await this.db.query(`UPDATE campaign SET name = $2, budget_total = $3, budget_per_day = $4, ends_at = $5, updated_at = now() WHERE id = $1`, [
        id,
        dto.name.trim(),
        dto.budgetTotal ?? null,
        dto.budgetPerDay ?? null,
        dto.endsAt ?? null,
      ]);
    } catch (e) {
      if ((e as { driverError?: { constraint?: string } }).driverError?.constraint === 'ck_campaign_budget') {
        throw new CampaignException(ErrorCode.CampaignInvalid, 'budget below spent', { message: `总预算不能低于已触达人数（${current.touched}）` });
      }
      throw e;
    }
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const [, n] = await this.db.query<[unknown[], number]>(`DELETE FROM campaign WHERE id = $1 AND status = 'draft'`, [id]);
    if (n === 0) {
      await this.get(id);
      throw new CampaignException(ErrorCode.CampaignStatusInvalid, 'only drafts are deleted', { message: '只有草稿可以删除；已启动的活动请结束' });
    }
  }

  async changeStatus(id: string, action: CampaignStatusAction, now = new Date()): Promise<CampaignView> {
    const c = await this.get(id);
    if (!TRANSITIONS[action].includes(c.status)) throw new CampaignException(ErrorCode.CampaignStatusInvalid);
    if (action === 'launch' || action === 'resume') await this.checkLaunchable(c);
    const target = this.targetOf(action, c, now);
    const [, n] = await this.db.query<[unknown[], number]>(
      `UPDATE campaign SET status = $3, launched_at = CASE WHEN $4 THEN now() ELSE launched_at END, updated_at = now() WHERE id = $1 AND status = $2`,
      [id, c.status, target, action === 'launch'],
    );
    if (n === 0) throw new CampaignException(ErrorCode.CampaignStatusInvalid);
    if (target === 'running') await this.runner.startOneOff(id, now);
    return this.get(id);
  }

  /** Scheduled one-off campaigns whose time has come start running (every minute). */
  async startScheduled(now = new Date()): Promise<{ started: number }> {
    const due = await this.db.query<{ id: string }[][]>(
      `UPDATE campaign SET status = 'running', updated_at = now() WHERE status = 'scheduled' AND scheduled_at <= $1 RETURNING id`,
      [now],
    );
    const ids = due[0] ?? [];
    for (const { id } of ids) await this.runner.startOneOff(id, now);
    return { started: ids.length };
  }

  private targetOf(action: CampaignStatusAction, c: CampaignView, now: Date): CampaignStatus {
    switch (action) {
      case 'pause':
        return 'paused';
      case 'end':
        return 'ended';
      default:
        if (c.kind === 'journey') return 'active';
        if (c.scheduledAt && new Date(c.scheduledAt) > now) return 'scheduled';
        return 'running';
    }
  }

  /** Cross-field rules, and that what the campaign names exists. */
  private async check(dto: SaveCampaignDto): Promise<void> {
    const problems = validateCampaignShape(dto);
    const coupon = dto.actions.find((a) => a.kind === 'coupon');
    const message = dto.actions.find((a) => a.kind === 'message');
    if (message?.messageTemplate) {
      const rule = CAMPAIGN_MESSAGES[message.messageTemplate];
      if (!rule) problems.push('活动只能发送优惠券到账、优惠券过期或会员等级类消息');
      else if (rule.needsCoupon && !coupon) problems.push('优惠券类消息须同时发放优惠券');
    }
    if (dto.segmentId) {
      const [s] = await this.db.query<unknown[]>(`SELECT 1 FROM segment WHERE id = $1`, [dto.segmentId]);
      if (!s) problems.push('人群不存在');
    }
    if (coupon?.couponTemplateCode) {
      const [t] = await this.db.query<{ status: string }[]>(`SELECT status FROM coupon_template WHERE code = $1`, [coupon.couponTemplateCode]);
      if (!t) problems.push(`券模板 ${coupon.couponTemplateCode} 不存在`);
      else if (t.status === 'ended') problems.push(`券模板 ${coupon.couponTemplateCode} 已结束`);
    }
    if (problems.length > 0) throw new CampaignException(ErrorCode.CampaignInvalid, problems.join('; '), { message: problems[0], details: [{ field: 'campaign', problems }] });
  }

  /** A campaign starts only with an issuing coupon template. */
  private async checkLaunchable(c: CampaignView): Promise<void> {
    const coupon = c.actions.find((a) => a.kind === 'coupon');
    if (!coupon?.couponTemplateCode) return;
    const [t] = await this.db.query<{ status: string }[]>(`SELECT status FROM coupon_template WHERE code = $1`, [coupon.couponTemplateCode]);
    if (t?.status !== 'active') {
      throw new CampaignException(ErrorCode.CampaignInvalid, 'coupon template not active', { message: `券模板 ${coupon.couponTemplateCode} 未在发放中，请先启用` });
    }
  }
}

function columns(dto: SaveCampaignDto): unknown[] {
  return [
    dto.name.trim(),
    dto.kind,
    dto.segmentId ?? null,
    dto.journey ? JSON.stringify(dto.journey) : null,
    dto.scheduledAt ?? null,
    JSON.stringify(dto.actions.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== null)))),
    dto.budgetTotal ?? null,
    dto.budgetPerDay ?? null,
    dto.quietFrom ?? null,
    dto.quietUntil ?? null,
    dto.frequencyCap?.touches ?? null,
    dto.frequencyCap?.days ?? null,
    dto.holdoutPct,
    dto.attributionDays,
    dto.endsAt ?? null,
  ];
}

/** The fields a launched campaign may not change, normalised for comparison. */
function lockedShape(d: SaveCampaignDto): unknown {
  const journey = d.journey ? { trigger: d.journey.trigger, daysBefore: d.journey.daysBefore ?? null, days: d.journey.days ?? null, leadDays: d.journey.leadDays ?? null } : null;
  return {
    kind: d.kind,
    segmentId: d.segmentId ?? null,
    journey,
    scheduledAt: d.scheduledAt ? new Date(d.scheduledAt).toISOString() : null,
    actions: (d.actions ?? []).map((a) => ({
      kind: a.kind,
      couponTemplateCode: a.couponTemplateCode ?? null,
      messageTemplate: a.messageTemplate ?? null,
      messageText: a.messageText ?? null,
      taskTitle: a.taskTitle ?? null,
      taskDueDays: a.taskDueDays ?? null,
    })),
    quietFrom: d.quietFrom ?? null,
    quietUntil: d.quietUntil ?? null,
    frequencyCap: d.frequencyCap ? { touches: d.frequencyCap.touches, days: d.frequencyCap.days } : null,
    holdoutPct: d.holdoutPct,
    attributionDays: d.attributionDays,
  };
}
