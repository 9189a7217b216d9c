import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MemberDataRegistry } from '../member/member-data.registry';

/**
 * What campaigns keep about a member — metrics and the campaigns that reached them — in the member's export; at
 * deletion the metrics and the run snapshots go, and touches lose nothing personal beyond the member id they count.
 */
@Injectable()
export class CampaignDataContributor implements OnModuleInit {
  constructor(
    private readonly registry: MemberDataRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'campaigns',
      export: async (memberId) => ({
        metrics: (await this.db.query(`SELECT * FROM member_metrics WHERE member_id = $1`, [memberId]))[0] ?? null,
        touches: await this.db.query(
          `SELECT c.name AS campaign, t.occurrence_key, t.holdout, t.touched_at FROM campaign_touch t JOIN campaign c ON c.id = t.campaign_id WHERE t.member_id = $1 ORDER BY t.touched_at`,
          [memberId],
        ),
        tasks: await this.db.query(`SELECT kind, title, due_on, status, outcome FROM follow_up_task WHERE member_id = $1 ORDER BY created_at`, [memberId]),
      }),
      erase: async (memberId, tx) => {
        await tx.query(`DELETE FROM member_metrics WHERE member_id = $1`, [memberId]);
        await tx.query(`DELETE FROM campaign_run_member WHERE member_id = $1`, [memberId]);
        await tx.query(`UPDATE follow_up_task SET status = 'skipped', outcome = '会员已注销' WHERE member_id = $1 AND status = 'open'`, [memberId]);
      },
    });
  }
}
