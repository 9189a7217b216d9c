import { Check, Column, Entity, UpdateDateColumn } from 'typeorm';
import type { BonusRuleKind } from '@glow/contracts';

/** The brand's earning rules (one row), edited by marketers. */
@Entity('earning_rules')
@Check('ck_earning_rules_singleton', `id = 1`)
export class EarningRules {
  @Column({ type: 'smallint', primary: true, default: 1 })
  id: number;

  @Column({ name: 'points_per_yuan', type: 'integer', default: 1 })
  pointsPerYuan: number;

  @Column({ name: 'birthday_multiplier_pct', type: 'integer', default: 200 })
  birthdayMultiplierPct: number;

  @Column({ name: 'bonus_rules', type: 'jsonb', default: () => `'[]'` })
  bonusRules: { kind: BonusRuleKind; value: string; multiplierPct: number }[];

  @Column({ name: 'monthly_cap', type: 'integer', default: 0 })
  monthlyCap: number;

  @Column({ name: 'return_window_days', type: 'integer', default: 7 })
  returnWindowDays: number;

  @Column({ name: 'validity_days', type: 'integer', default: 365 })
  validityDays: number;

  @Column({ name: 'expiry_reminder_days', type: 'integer', default: 30 })
  expiryReminderDays: number;

  @Column({ name: 'profile_bonus', type: 'integer', default: 50 })
  profileBonus: number;

  @Column({ name: 'skin_test_bonus', type: 'integer', default: 100 })
  skinTestBonus: number;

  @Column({ name: 'referral_bonus', type: 'integer', default: 200 })
  referralBonus: number;

  @Column({ name: 'bonus_monthly_cap', type: 'integer', default: 2000 })
  bonusMonthlyCap: number;

  @Column({ name: 'tier_grace_days', type: 'integer', default: 30 })
  tierGraceDays: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
