import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessClock, businessDate } from '@glow/domain';
import { CampaignRunner } from './campaign-runner';
import { MemberMetricsService } from './member-metrics.service';

/**
 * Automated journeys: every hour each active journey gets one run for that hour (occurrence `YYYY-MM-DDTHH`,
 * business time), whose audience is whoever the trigger reaches at that moment and has not had that occurrence.
 * `now` is a parameter so tests (and back-fills) move the clock instead of waiting.
 */
@Injectable()
export class CampaignJourneys {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: CampaignRunner,
    private readonly metrics: MemberMetricsService,
  ) {}

  async runDue(now = new Date()): Promise<{ journeys: number; ended: number }> {
    const [, ended] = await this.db.query<[unknown[], number]>(
      `UPDATE campaign SET status = 'ended', updated_at = now() WHERE kind = 'journey' AND status IN ('active', 'paused') AND ends_at <= $1`,
      [now],
    );
    const due = await this.db.query<{ id: string }[]>(`SELECT id FROM campaign WHERE kind = 'journey' AND status = 'active' ORDER BY created_at`);
    if (due.length === 0) return { journeys: 0, ended };
    // Dormancy reads the last purchase from member metrics: bring changed members up to date first.
    await this.metrics.refreshAggregates(now);
    const occurrence = `${businessDate(now)}T${businessClock(now).slice(0, 2)}`;
    for (const c of due) await this.runner.start(c.id, occurrence, now);
    return { journeys: due.length, ended };
  }
}
