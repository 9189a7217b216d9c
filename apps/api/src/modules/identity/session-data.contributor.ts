import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberDataRegistry } from '../member/member-data.registry';

/** The member's login sessions: listed in their export, revoked when they delete their account. */
@Injectable()
export class SessionDataContributor implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: MemberDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'sessions',
      export: (memberId) => this.export(memberId),
      erase: (memberId, tx) => this.erase(memberId, tx),
    });
  }

  private async export(memberId: string): Promise<{ startedAt: string; lastUsedAt: string; active: boolean }[]> {
    const rows = await this.db.query<{ started_at: Date; last_used_at: Date; active: boolean }[]>(
      `SELECT min(r.created_at) AS started_at, max(r.created_at) AS last_used_at,
              bool_or(r.revoked_at IS NULL AND r.used_at IS NULL AND r.expires_at > now()) AS active
         FROM refresh_token r JOIN member_wechat w ON r.subject_kind = 'wechat' AND r.subject_id = w.openid
        WHERE w.member_id = $1 GROUP BY r.family_id ORDER BY started_at DESC LIMIT 200`,
      [memberId],
    );
    return rows.map((r) => ({ startedAt: new Date(r.started_at).toISOString(), lastUsedAt: new Date(r.last_used_at).toISOString(), active: r.active }));
  }

  private async erase(memberId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE refresh_token SET revoked_at = now()
        WHERE subject_kind = 'wechat' AND revoked_at IS NULL AND subject_id IN (SELECT openid FROM member_wechat WHERE member_id = $1)`,
      [memberId],
    );
  }
}
