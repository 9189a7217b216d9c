import type { CampaignAction, CampaignRunView, CampaignView, JourneyConfig, TouchSkip } from '@glow/contracts';

export interface CampaignRow {
  id: string;
  name: string;
  kind: CampaignView['kind'];
  status: CampaignView['status'];
  segment_id: string | null;
  segment_name: string | null;
  journey: JourneyConfig | null;
  scheduled_at: Date | null;
  actions: CampaignAction[];
  budget_total: number | null;
  budget_per_day: number | null;
  quiet_from: string | null;
  quiet_until: string | null;
  cap_touches: number | null;
  cap_days: number | null;
  holdout_pct: number;
  attribution_days: number;
  ends_at: Date | null;
  launched_at: Date | null;
  touched: number;
  touched_today: number;
  created_at: Date;
  updated_at: Date;
}

export interface RunRow {
  id: string;
  campaign_id: string;
  occurrence: string;
  status: CampaignRunView['status'];
  run_at: Date;
  audience: number;
  holdout: number;
  processed: number;
  touched: number;
  skipped: Partial<Record<TouchSkip, number>>;
  checkpoint: number;
  error: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
}

export const CAMPAIGN_SELECT = `SELECT c.*, s.name AS segment_name,
       COALESCE((SELECT d.touched FROM campaign_day d WHERE d.campaign_id = c.id AND d.day = (now() AT TIME ZONE 'Asia/Shanghai')::date), 0) AS touched_today
  FROM campaign c LEFT JOIN segment s ON s.id = c.segment_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function runView(r: RunRow): CampaignRunView {
  return {
    id: r.id,
    occurrence: r.occurrence,
    status: r.status,
    audience: r.audience,
    holdout: r.holdout,
    processed: r.processed,
    touched: r.touched,
    skipped: r.skipped,
    error: r.error,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function campaignView(c: CampaignRow, lastRun: RunRow | undefined): CampaignView {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    status: c.status,
    segment: c.segment_id ? { id: c.segment_id, name: c.segment_name ?? '' } : null,
    journey: c.journey,
    scheduledAt: iso(c.scheduled_at),
    actions: c.actions,
    budgetTotal: c.budget_total,
    budgetPerDay: c.budget_per_day,
    quietFrom: c.quiet_from,
    quietUntil: c.quiet_until,
    frequencyCap: c.cap_touches !== null && c.cap_days !== null ? { touches: c.cap_touches, days: c.cap_days } : null,
    holdoutPct: c.holdout_pct,
    attributionDays: c.attribution_days,
    endsAt: iso(c.ends_at),
    launchedAt: iso(c.launched_at),
    touched: c.touched,
    touchedToday: Number(c.touched_today),
    lastRun: lastRun ? runView(lastRun) : null,
    createdAt: new Date(c.created_at).toISOString(),
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}
