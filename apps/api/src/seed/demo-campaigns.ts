import { DEFAULT_METRICS_SETTINGS, type SegmentNode } from '@glow/domain';
import type { DataSource } from 'typeorm';
import { AnalyticsService } from '../modules/campaign/analytics.service';
import { MemberMetricsService } from '../modules/campaign/member-metrics.service';
import { SegmentService } from '../modules/campaign/segment.service';

interface DemoSegment {
  name: string;
  description: string;
  rule: SegmentNode;
}

const currentMonth = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 7));

const DEMO_SEGMENTS: DemoSegment[] = [
  {
    name: '沉睡高价值会员',
    description: '三个月以上没来、近一年消费较高的会员',
    rule: { op: 'and', children: [{ field: 'lifecycle', values: ['at-risk', 'dormant'] }, { field: 'rfm', m: { min: 3 } }] },
  },
  {
    name: '上海护肤爱好者',
    description: '上海、近半年买过护肤品',
    rule: { op: 'and', children: [{ field: 'city', values: ['上海'] }, { field: 'bought', kind: 'category', values: ['skincare'], windowDays: 180 }] },
  },
  { name: '本月生日会员', description: '生日在本月的会员', rule: { field: 'birthdayMonth', values: [currentMonth()] } },
  { name: '新入会会员', description: '近 30 天入会或首次购买', rule: { field: 'lifecycle', values: ['new'] } },
];

/** The demo's campaigns: a win-back send ready to launch and three journeys already running. */
const DEMO_CAMPAIGNS = [
  {
    name: '沉睡会员唤醒礼',
    kind: 'one-off',
    segment: '沉睡高价值会员',
    journey: null,
    actions: [
      { kind: 'coupon', couponTemplateCode: 'WINBACK-50' },
      { kind: 'message', messageTemplate: 'coupon-arrival', messageText: '好久不见，回归礼券已到账' },
      { kind: 'task', taskTitle: '电话回访沉睡会员', taskDueDays: 3 },
    ],
    holdoutPct: 10,
    status: 'draft',
  },
  { name: '生日关怀', kind: 'journey', segment: null, journey: { trigger: 'birthday', daysBefore: 7 }, actions: [{ kind: 'task', taskTitle: '生日前致电祝福', taskDueDays: 2 }], holdoutPct: 0, status: 'active' },
  { name: '沉睡60天唤醒', kind: 'journey', segment: null, journey: { trigger: 'dormant', days: 60 }, actions: [{ kind: 'task', taskTitle: '沉睡会员关怀回访', taskDueDays: 3 }], holdoutPct: 0, status: 'active' },
  { name: '入会欢迎', kind: 'journey', segment: null, journey: { trigger: 'welcome' }, actions: [{ kind: 'task', taskTitle: '新会员欢迎回访', taskDueDays: 1 }], holdoutPct: 0, status: 'active' },
] as const;

/**
 * Member metrics (incrementally) and the analytics rollup, then demo segments and campaigns (by name, so it can run
 * at every start). Journeys are active; the one-off win-back campaign waits as a draft (`startDemoCampaign` launches
 * it for `npm start`).
 */
export async function seedCampaigns(db: DataSource, log: (line: string) => void): Promise<void> {
  await db.query(`INSERT INTO metrics_settings (id, settings) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [JSON.stringify(DEFAULT_METRICS_SETTINGS)]);
  const metrics = await new MemberMetricsService(db).compute();
  log(`member metrics: ${metrics.refreshed} members refreshed, ${metrics.scored} scored`);
  await new AnalyticsService(db).refresh();
  const segments = new Map<string, string>();
  for (const s of DEMO_SEGMENTS) {
    const [found] = await db.query<{ id: string }[]>(`SELECT id FROM segment WHERE name = $1`, [s.name]);
    const [row] = found
      ? [found]
      : await db.query<{ id: string }[]>(`INSERT INTO segment (name, description, rule) VALUES ($1, $2, $3) RETURNING id`, [s.name, s.description, JSON.stringify(s.rule)]);
    segments.set(s.name, row.id);
    await db.query(`UPDATE segment SET last_count = $2, counted_at = now() WHERE id = $1`, [row.id, await new SegmentService(db).count(s.rule)]);
  }
  let created = 0;
  for (const c of DEMO_CAMPAIGNS) {
    const [found] = await db.query<unknown[]>(`SELECT 1 FROM campaign WHERE name = $1`, [c.name]);
    if (found) continue;
    await db.query(
      `INSERT INTO campaign (name, kind, status, segment_id, journey, actions, holdout_pct, attribution_days, quiet_from, quiet_until, launched_at)
       VALUES ($1, $2, $3::text, $4, $5, $6, $7, 14, '21:00', '09:00', CASE WHEN $3::text = 'active' THEN now() END)`,
      [c.name, c.kind, c.status, c.segment ? segments.get(c.segment) : null, c.journey ? JSON.stringify(c.journey) : null, JSON.stringify(c.actions), c.holdoutPct],
    );
    created++;
  }
  log(`${DEMO_SEGMENTS.length} segments and ${DEMO_CAMPAIGNS.length} campaigns ready${created ? ` (${created} new)` : ''}`);
}

/**
 * For `npm start`: launches the win-back campaign if it is still a draft, as a marketer would. The API runs it
 * when it starts (pending runs are picked up at boot), so the demo opens with a campaign that has results.
 */
export async function startDemoCampaign(db: DataSource, log: (line: string) => void): Promise<void> {
  const [c] = await db.query<{ id: string }[][]>(
    `UPDATE campaign SET status = 'running', launched_at = now(), updated_at = now() WHERE name = $1 AND status = 'draft' RETURNING id`,
    [DEMO_CAMPAIGNS[0].name],
  );
  const launched = c[0];
  if (!launched) return;
  await db.query(`INSERT INTO campaign_run (campaign_id, occurrence, run_at) VALUES ($1, 'once', now()) ON CONFLICT DO NOTHING`, [launched.id]);
  log(`campaign「${DEMO_CAMPAIGNS[0].name}」launched; the API runs it when it starts`);
}
