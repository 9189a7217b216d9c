import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type TaskOutcomeDto, type TaskStatus, type TaskView } from '@glow/contracts';
import { businessDate, followUpTitle, purchaseFollowUps, taskOverdue } from '@glow/domain';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { ServiceException } from './service.exception';

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
 * Follow-up tasks for advisors: created for the member's bound advisor (or their store when none is bound), by key,
 * so a retried job never creates two — by campaigns, and by the daily `service-tasks` job (3-3-3 after purchases,
 * birthdays, dormant members, after visits). Advisors work them day by day and close them with an outcome.
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

  /**
   * An advisor's task list: open tasks due by a day (or on one day), or done/skipped ones. Advisors see theirs (and
   * their store's unassigned ones), store managers their store's, admins and marketers all.
   */
  async list(who: StaffPrincipal, q: { dueBy?: string; day?: string; status?: TaskStatus }, today = businessDate(new Date())): Promise<TaskView[]> {
    const status = q.status ?? 'open';
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT t.id, t.member_id, COALESCE(m.name, m.nickname) AS member_name, t.advisor_id, a.name AS advisor_name, t.kind, t.title, t.due_on::text AS due_on,
              t.status, t.outcome, t.done_at, t.campaign_id, t.created_at
         FROM follow_up_task t JOIN member m ON m.id = t.member_id LEFT JOIN staff a ON a.id = t.advisor_id
        WHERE t.status = $1
          AND ($2::date IS NULL OR t.due_on = $2) AND ($3::date IS NULL OR t.due_on <= $3)
          AND ($4::uuid IS NULL OR t.advisor_id = $4 OR (t.advisor_id IS NULL AND t.store_id = $5))
          AND ($6::uuid IS NULL OR t.store_id = $6)
        ORDER BY t.due_on, t.created_at LIMIT 500`,
      [
        status,
        q.day ?? null,
        q.day ? null : status === 'open' ? (q.dueBy ?? today) : null,
        who.role === 'advisor' ? who.staffId : null,
        who.storeId,
        who.role === 'store_manager' ? who.storeId : null,
      ],
    );
    return rows.map((r) => this.view(r, today));
  }

  /** Done or skipped, with what happened; once (a second answer is refused). */
  async complete(who: StaffPrincipal, id: string, dto: TaskOutcomeDto, now = new Date()): Promise<TaskView> {
    const [rows] = (await this.db.query(
      `UPDATE follow_up_task t SET status = $2, outcome = $3, done_at = $4, done_by = $5
        WHERE t.id = $1 AND t.status = 'open'
          AND ($6::uuid IS NULL OR t.advisor_id = $6 OR (t.advisor_id IS NULL AND t.store_id = $7)) AND ($8::uuid IS NULL OR t.store_id = $8)
        RETURNING id`,
      [id, dto.status, dto.outcome.trim(), now, who.staffId, who.role === 'advisor' ? who.staffId : null, who.storeId, who.role === 'store_manager' ? who.storeId : null],
    )) as [unknown[], number];
    if (rows.length === 0) {
      const [exists] = await this.db.query<{ status: string }[]>(`SELECT status FROM follow_up_task WHERE id = $1`, [id]);
      throw new ServiceException(exists && exists.status !== 'open' ? ErrorCode.TaskStateInvalid : ErrorCode.TaskNotFound);
    }
    const [row] = await this.db.query<Record<string, unknown>[]>(
      `SELECT t.id, t.member_id, COALESCE(m.name, m.nickname) AS member_name, t.advisor_id, a.name AS advisor_name, t.kind, t.title, t.due_on::text AS due_on,
              t.status, t.outcome, t.done_at, t.campaign_id, t.created_at
         FROM follow_up_task t JOIN member m ON m.id = t.member_id LEFT JOIN staff a ON a.id = t.advisor_id WHERE t.id = $1`,
      [id],
    );
    return this.view(row, businessDate(now));
  }

  /**
   * Creates the routine tasks due around `now` (idempotent by key, so the daily job may run any number of times):
   * 3-3-3 after each paid purchase of the last 100 days, birthdays a week ahead, members who turned dormant, and
   * a call after each completed visit.
   */
  async generate(now = new Date()): Promise<{ created: number }> {
    const today = businessDate(now);
    let created = 0;
    await this.db.transaction(async (tx) => {
      const orders = await tx.query<{ id: string; member_id: string; paid_at: Date; product: string | null }[]>(
        `SELECT o.id, o.member_id, o.paid_at,
                (SELECT i.name FROM order_item i WHERE i.order_id = o.id ORDER BY i.paid_fen DESC LIMIT 1) AS product
           FROM sales_order o JOIN member m ON m.id = o.member_id
          WHERE o.status = 'paid' AND o.paid_at > $1::timestamptz - interval '100 days' AND o.paid_at <= $1 AND m.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM follow_up_task t WHERE t.source_key = 'order:' || o.id || ':purchase-3m')`,
        [now],
      );
      const tasks: NewTask[] = [];
      for (const o of orders) {
        for (const f of purchaseFollowUps(new Date(o.paid_at))) {
          if (f.dueOn < today && f.kind !== 'purchase-3m') continue; // a late 3-day call helps nobody; the 3-month one still does
          tasks.push({ memberId: o.member_id, kind: f.kind, title: followUpTitle(f.kind, { productName: o.product ?? undefined }), dueOn: f.dueOn, key: `order:${o.id}:${f.kind}` });
        }
      }
      const birthdays = await tx.query<{ id: string; name: string | null; day: string }[]>(
        `SELECT m.id, m.name, to_char(d.day, 'YYYY-MM-DD') AS day
           FROM member m CROSS JOIN LATERAL (SELECT ($1::date + g) AS day FROM generate_series(0, 7) g) d
          WHERE m.deleted_at IS NULL AND m.birthday IS NOT NULL AND m.advisor_id IS NOT NULL
            AND to_char(m.birthday, 'MM-DD') = to_char(d.day, 'MM-DD')`,
        [today],
      );
      for (const b of birthdays) {
        tasks.push({ memberId: b.id, kind: 'birthday', title: followUpTitle('birthday', { memberName: b.name ?? undefined }), dueOn: shiftDate(b.day, -1) < today ? today : shiftDate(b.day, -1), key: `birthday:${b.id}:${b.day.slice(0, 4)}` });
      }
      // One call-back per dormant spell: the key carries the last purchase the member went quiet after.
      const dormant = await tx.query<{ member_id: string; last: string }[]>(
        `SELECT mm.member_id, to_char(mm.last_purchase_at, 'YYYY-MM-DD') AS last FROM member_metrics mm JOIN member m ON m.id = mm.member_id
          WHERE mm.lifecycle = 'dormant' AND m.deleted_at IS NULL AND m.advisor_id IS NOT NULL AND mm.last_purchase_at IS NOT NULL`,
      );
      for (const d of dormant) tasks.push({ memberId: d.member_id, kind: 'dormant', title: followUpTitle('dormant'), dueOn: today, key: `dormant:${d.member_id}:${d.last}` });
      const visits = await tx.query<{ id: string; member_id: string; due: string }[]>(
        `SELECT b.id, b.member_id, to_char(COALESCE(b.follow_up_due_at, b.completed_at + interval '2 days') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS due
           FROM booking b WHERE b.status = 'completed' AND b.completed_at > $1::timestamptz - interval '30 days' AND b.follow_up_done_at IS NULL`,
        [now],
      );
      for (const v of visits) tasks.push({ memberId: v.member_id, kind: 'post-visit', title: followUpTitle('post-visit'), dueOn: v.due < today ? today : v.due, key: `visit:${v.id}` });
      for (let i = 0; i < tasks.length; i += 2000) created += (await this.createMany(tasks.slice(i, i + 2000), tx)).size;
    });
    return { created };
  }

  private view(r: Record<string, unknown>, today: string): TaskView {
    const status = r['status'] as TaskStatus;
    return {
      id: r['id'] as string,
      memberId: r['member_id'] as string,
      memberName: (r['member_name'] as string | null) ?? null,
      advisorId: (r['advisor_id'] as string | null) ?? null,
      advisorName: (r['advisor_name'] as string | null) ?? null,
      kind: r['kind'] as string,
      title: r['title'] as string,
      dueOn: r['due_on'] as string,
      status,
      outcome: (r['outcome'] as string | null) ?? null,
      doneAt: r['done_at'] ? (r['done_at'] as Date).toISOString() : null,
      campaignId: (r['campaign_id'] as string | null) ?? null,
      overdue: taskOverdue(r['due_on'] as string, status, today),
      createdAt: (r['created_at'] as Date).toISOString(),
    };
  }
}

function shiftDate(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
