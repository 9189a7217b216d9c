import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberDataRegistry } from '../member/member-data.registry';
import { LoyaltyService } from './loyalty.service';
import { PointsService } from './points.service';
import { RewardService } from './reward.service';

/**
 * Points, tier and redemptions on the member portrait and in the member's export. At account deletion the ledger
 * stays as it is (it must keep balancing) and unclaimed redemptions are cancelled, giving their stock back.
 */
@Injectable()
export class LoyaltyDataContributor implements OnModuleInit {
  constructor(
    private readonly registry: MemberDataRegistry,
    private readonly loyalty: LoyaltyService,
    private readonly points: PointsService,
    private readonly rewards: RewardService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'loyalty',
      portrait: async (memberId) => ({ ...(await this.points.totals(memberId)), tier: await this.loyalty.tierProgressOf(memberId) }),
      export: async (memberId) => ({
        ...(await this.points.totals(memberId)),
        tier: await this.loyalty.tierProgressOf(memberId),
        history: (await this.loyalty.history(memberId, 1, 10_000)).items,
        redemptions: await this.rewards.mine(memberId),
      }),
      erase: (memberId, tx) => this.erase(memberId, tx),
    });
  }

  private async erase(memberId: string, tx: EntityManager): Promise<void> {
    const [open] = await tx.query<[{ reward_id: string }[], number]>(
      `UPDATE redemption SET status = 'cancelled', cancelled_at = now(), cancel_reason = '会员注销' WHERE member_id = $1 AND status = 'issued' RETURNING reward_id`,
      [memberId],
    );
    for (const r of open) {
      await tx.query(`UPDATE reward SET stock_left = stock_left + 1 WHERE id = $1`, [r.reward_id]);
      await tx.query(`UPDATE reward_member_count SET count = count - 1 WHERE reward_id = $1 AND member_id = $2`, [r.reward_id, memberId]);
    }
  }
}
