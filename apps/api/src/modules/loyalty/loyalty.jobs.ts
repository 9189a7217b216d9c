import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessDate } from '@glow/domain';
import { DataSource } from 'typeorm';
import { JobRunner } from '../../platform/jobs/job-runner';
import { NotificationService } from '../notification/notification.service';
import { LoyaltyService } from './loyalty.service';
import { PointsService } from './points.service';
import { CouponService } from '../coupon/coupon.service';

const BATCH = 200;

/**
 * Scheduled work of the loyalty module: pending points activate after the return window, points expire (with a
 * reminder before), one-off bonuses are granted, and tiers are reviewed daily. Each member is handled in its own
 * transaction holding that member's account lock, so a job never races a purchase or a redemption.
 */
@Injectable()
export class LoyaltyJobs implements OnModuleInit {
  static readonly ACTIVATE = 'points-activate';
  static readonly EXPIRE = 'points-expire';
  static readonly EXPIRY_REMINDERS = 'points-expiry-reminders';
  static readonly BONUSES = 'points-bonuses';
  static readonly TIER_REVIEW = 'tier-review';
  static readonly BIRTHDAY_COUPONS = 'birthday-coupons';
  private readonly log = new Logger(LoyaltyJobs.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly points: PointsService,
    private readonly loyalty: LoyaltyService,
    private readonly notifications: NotificationService,
    private readonly coupons: CouponService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(LoyaltyJobs.ACTIVATE, () => this.activate());
    this.jobs.register(LoyaltyJobs.EXPIRE, () => this.expire());
    this.jobs.register(LoyaltyJobs.EXPIRY_REMINDERS, () => this.expiryReminders());
    this.jobs.register(LoyaltyJobs.BONUSES, () => this.bonuses());
    this.jobs.register(LoyaltyJobs.TIER_REVIEW, () => this.reviewTiers());
    this.jobs.register(LoyaltyJobs.BIRTHDAY_COUPONS, () => this.birthdayCoupons());
  }

  @Cron('0 5 * * * *', { name: LoyaltyJobs.ACTIVATE })
  async hourly(): Promise<void> {
    await this.jobs.run(LoyaltyJobs.ACTIVATE);
    await this.jobs.run(LoyaltyJobs.EXPIRE);
  }

  @Cron('0 */10 * * * *', { name: LoyaltyJobs.BONUSES })
  async everyTenMinutes(): Promise<void> {
    await this.jobs.run(LoyaltyJobs.BONUSES);
  }

  // 03:30 and 10:00 in Asia/Shanghai: the review at night, the reminders when people are awake.
  @Cron('0 30 3 * * *', { name: LoyaltyJobs.TIER_REVIEW, timeZone: 'Asia/Shanghai' })
  async nightly(): Promise<void> {
    await this.jobs.run(LoyaltyJobs.TIER_REVIEW);
    await this.jobs.run(LoyaltyJobs.BIRTHDAY_COUPONS);
  }

  @Cron('0 0 10 * * *', { name: LoyaltyJobs.EXPIRY_REMINDERS, timeZone: 'Asia/Shanghai' })
  async morning(): Promise<void> {
    await this.jobs.run(LoyaltyJobs.EXPIRY_REMINDERS);
  }

  async activate(): Promise<{ members: number; lots: number }> {
    let members = 0;
    let lots = 0;
    for (;;) {
      const due = await this.points.membersDue('activate', BATCH);
      if (due.length === 0) break;
      for (const memberId of due) lots += await this.db.transaction((tx) => this.points.activateMember(tx, memberId));
      members += due.length;
    }
    return { members, lots };
  }

  async expire(): Promise<{ members: number; points: number }> {
    let members = 0;
    let points = 0;
    for (;;) {
      const due = await this.points.membersDue('expire', BATCH);
      if (due.length === 0) break;
      for (const memberId of due) {
        points += await this.db.transaction(async (tx) => {
          await this.points.lock(tx, memberId);
          return this.points.expireMember(tx, memberId);
        });
      }
      members += due.length;
    }
    return { members, points };
  }

  /**
   * Tells members, once per lot, that points will expire within the reminder period. Lots are claimed by a
   * conditional update first, so two instances never remind twice; the notification outbox sends the message with
   * the member's credit and retries if WeChat fails.
   */
  async expiryReminders(): Promise<{ queued: number }> {
    const rules = await this.loyalty.rules();
    const due = await this.db.query<{ member_id: string; points: number; expires_at: Date }[]>(
      `WITH claimed AS (
         UPDATE points_lot SET expiry_reminded_at = now()
          WHERE status = 'active' AND remaining > 0 AND expiry_reminded_at IS NULL
            AND expires_at > now() AND expires_at <= now() + make_interval(days => $1)
          RETURNING member_id, remaining, expires_at)
       SELECT c.member_id, SUM(c.remaining)::int AS points, MIN(c.expires_at) AS expires_at
         FROM claimed c GROUP BY c.member_id`,
      [rules.expiryReminderDays],
    );
    let queued = 0;
    for (const r of due) {
      const totals = await this.points.totals(r.member_id);
      const expires = businessDate(new Date(r.expires_at));
      const id = await this.notifications.enqueue({
        memberId: r.member_id,
        template: 'points-expiring',
        page: 'pages/points/index',
        data: { number1: String(r.points), date2: expires, number3: String(totals.balance), thing4: '积分可在积分商城兑换好礼' },
        key: `points-expiring:${r.member_id}:${expires}:${r.points}`,
        source: 'points-expiry',
      });
      if (id) queued++;
    }
    return { queued };
  }

  async bonuses(): Promise<{ members: number; points: number }> {
    const candidates = await this.loyalty.bonusCandidates(2000);
    let points = 0;
    for (const memberId of candidates) points += await this.loyalty.grantBonuses(memberId);
    return { members: candidates.length, points };
  }

  /** Daily tier review of every member not yet reviewed today (members without a tier row get the lowest first). */
  async reviewTiers(): Promise<{ reviewed: number; up: number; down: number }> {
    const ladder = await this.loyalty.ladder();
    await this.db.query(
      `INSERT INTO member_tier (member_id, tier_code) SELECT id, $1 FROM member WHERE deleted_at IS NULL ON CONFLICT (member_id) DO NOTHING`,
      [ladder[0].code],
    );
    const today = businessDate(new Date());
    let reviewed = 0;
    let up = 0;
    let down = 0;
    for (;;) {
      const batch = await this.db.query<{ member_id: string }[]>(
        `SELECT member_id FROM member_tier WHERE reviewed_on IS DISTINCT FROM $1::date ORDER BY member_id LIMIT $2`,
        [today, BATCH],
      );
      if (batch.length === 0) break;
      for (const { member_id } of batch) {
        const outcome = await this.db.transaction((tx) => this.loyalty.evaluateTier(tx, member_id, 'review'));
        if (outcome.change === 'up') up++;
        if (outcome.change === 'down') down++;
      }
      reviewed += batch.length;
    }
    return { reviewed, up, down };
  }

  /**
   * The tier's birthday coupon, for members whose birthday month it is: issued once per member and year (the key
   * `birthday:{member}:{year}`), so running the job every night of the month gives each member one coupon.
   */
  async birthdayCoupons(): Promise<{ issued: number; skipped: number }> {
    const today = businessDate(new Date());
    const [year, month] = today.split('-');
    const due = await this.db.query<{ member_id: string; code: string }[]>(
      `SELECT m.id AS member_id, t.birthday_coupon_code AS code
         FROM member m JOIN member_tier mt ON mt.member_id = m.id JOIN tier t ON t.code = mt.tier_code
        WHERE m.deleted_at IS NULL AND m.birthday IS NOT NULL AND to_char(m.birthday::date, 'MM') = $1 AND t.birthday_coupon_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM member_coupon c WHERE c.issue_key = 'birthday:' || m.id || ':' || $2)`,
      [month, year],
    );
    let issued = 0;
    let skipped = 0;
    for (const r of due) {
      try {
        const { created } = await this.coupons.issue({ templateCode: r.code, memberId: r.member_id, key: `birthday:${r.member_id}:${year}`, source: 'tier', reason: '生日礼券' });
        if (created) issued++;
      } catch (e) {
        skipped++;
        this.log.warn(`birthday coupon ${r.code} for ${r.member_id} not issued: ${String(e)}`);
      }
    }
    return { issued, skipped };
  }
}
