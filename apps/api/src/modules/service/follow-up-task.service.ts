import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FollowUpTaskView } from '@glow/contracts';
import type { StaffPrincipal } from '../../platform/auth/principal';

export interface NewTask {
  memberId: string;
  kind: string;
  title: string;
  dueOn: string;
  /** Idempotency: the same key never creates a second task (e.g. `campaign:{id}:{occurrence}:{member}`). */
  key: string;
  campaignId?: string | null;
}

/**
 * Follow-up tasks for advisors: created for the member's bound advisor (or their store when none is bound).
 * Other modules create them by key, so a retried job never creates two. The advisor's task list, outcomes and
 * the 3-3-3 rules arrive with advisor service; this is the record they will work from.
 */
@Injectable()
export class FollowUpTaskService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates tasks in one statement inside the caller's transaction; returns task ids by key (new ones only). */
  async createMany(tasks: NewTask[], tx: EntityManager): Promise<Map<string, string>> {
    if (tasks.length === 0) return new Map();
    const rows = await tx.query<{ id: string; source_key: string }[]>(
      `INSERT INTO follow_up_task (member_id, advisor_id, store_id, kind, title, due_on, source_key, campaign_id)
       SELECT t.member_id, m.advisor_id, m.store_id, t.kind, t.title, t.due_on, t.key, t.campaign_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[], $6::uuid[]) AS t(member_id, kind, title, due_on, key, campaign_id)
         JOIN member m ON m.id = t.member_id
       ON CONFLICT (source_key) DO NOTHING
       RETURNING id, source_key`,
      [tasks.map((t) => t.memberId), tasks.map((t) => t.kind), tasks.map((t) => t.title), tasks.map((t) => t.dueOn), tasks.map((t) => t.key), tasks.map((t) => t.campaignId ?? null)],
    );
    return new Map(rows.map((r) => [r.source_key, r.id]));
  }

  /** Open tasks due by a day: an advisor sees theirs, a store manager their store's, admins and marketers all. */
  async open(who: StaffPrincipal, dueBy: string): Promise<FollowUpTaskView[]> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT t.id, t.member_id, COALESCE(m.name, m.nickname) AS member_name, t.advisor_id, t.kind, t.title, t.due_on::text AS due_on, t.status, t.campaign_id, t.created_at
         FROM follow_up_task t JOIN member m ON m.id = t.member_id
        WHERE t.status = 'open' AND t.due_on <= $1::date
          AND ($2::uuid IS NULL OR t.advisor_id = $2) AND ($3::uuid IS NULL OR t.store_id = $3)
        ORDER BY t.due_on, t.created_at LIMIT 500`,
      [dueBy, who.role === 'advisor' ? who.staffId : null, who.role === 'store_manager' ? who.storeId : null],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      memberId: r['member_id'] as string,
      memberName: (r['member_name'] as string | null) ?? null,
      advisorId: (r['advisor_id'] as string | null) ?? null,
      kind: r['kind'] as string,
      title: r['title'] as string,
      dueOn: r['due_on'] as string,
      status: r['status'] as FollowUpTaskView['status'],
      campaignId: (r['campaign_id'] as string | null) ?? null,
      createdAt: (r['created_at'] as Date).toISOString(),
    }));
  }
}
