import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type ServiceMetricsQuery, type ServiceMetricsResponse, type ServiceMetricsRow } from '@glow/contracts';
import { median } from '@glow/domain';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { ServiceException } from './service.exception';

interface Acc {
  id: string;
  name: string;
  storeName: string | null;
  conversations: number;
  first: number[];
  responses: number[];
  resolutions: number[];
  csat: number[];
  ticketsResolved: number;
  tasksDone: number;
  tasksOpen: number;
  salesFen: number;
}

function row(a: Acc): ServiceMetricsRow {
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    id: a.id,
    name: a.name,
    storeName: a.storeName,
    conversations: a.conversations,
    firstResponseSeconds: round(median(a.first)),
    avgResponseSeconds: a.responses.length ? Math.round(a.responses.reduce((s, v) => s + v, 0) / a.responses.length) : null,
    resolutionSeconds: round(median(a.resolutions)),
    csatAverage: a.csat.length ? Math.round((a.csat.reduce((s, v) => s + v, 0) / a.csat.length) * 100) / 100 : null,
    csatCount: a.csat.length,
    ticketsResolved: a.ticketsResolved,
    tasksDone: a.tasksDone,
    tasksOpen: a.tasksOpen,
    attributedSalesFen: a.salesFen,
  };
}

/**
 * Advisor metrics over a range of business days (Asia/Shanghai): first response (median, per reply cycle), average
 * response (member's question → the next human answer), resolution time, CSAT, tickets resolved, tasks, and sales
 * of the advisor's members; per advisor, per store and per day.
 */
@Injectable()
export class ServiceMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async metrics(who: StaffPrincipal, q: ServiceMetricsQuery): Promise<ServiceMetricsResponse> {
    if (Number.isNaN(Date.parse(q.from)) || Number.isNaN(Date.parse(q.to)) || q.from > q.to || Date.parse(q.to) - Date.parse(q.from) > 366 * 86400_000) {
      throw new ServiceException(ErrorCode.AnalyticsRangeInvalid);
    }
    const scope = storeScopeOf(who) ?? q.storeId ?? null;
    const range = [q.from, q.to, scope];
    const bounds = `($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const end = `(($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const advisors = await this.db.query<{ id: string; name: string; store_id: string | null; store_name: string | null }[]>(
      `SELECT s.id, s.name, s.store_id, st.name AS store_name FROM staff s LEFT JOIN store st ON st.id = s.store_id
        WHERE s.role = 'advisor' AND s.active AND ($3::uuid IS NULL OR s.store_id = $3) AND $1::date <= $2::date ORDER BY st.code, s.name`,
      range,
    );
    const byAdvisor = new Map<string, Acc>();
    const byStore = new Map<string, Acc>();
    const fresh = (id: string, name: string, storeName: string | null): Acc => ({
      id,
      name,
      storeName,
      conversations: 0,
      first: [],
      responses: [],
      resolutions: [],
      csat: [],
      ticketsResolved: 0,
      tasksDone: 0,
      tasksOpen: 0,
      salesFen: 0,
    });
    const storeOf = new Map<string, string>();
    for (const a of advisors) {
      byAdvisor.set(a.id, fresh(a.id, a.name, a.store_name));
      if (a.store_id) {
        storeOf.set(a.id, a.store_id);
        if (!byStore.has(a.store_id)) byStore.set(a.store_id, fresh(a.store_id, a.store_name ?? '', null));
      }
    }
    const both = (advisorId: string | null, f: (acc: Acc) => void) => {
      if (!advisorId) return;
      const a = byAdvisor.get(advisorId);
      if (!a) return;
      f(a);
      const store = storeOf.get(advisorId);
      if (store) f(byStore.get(store) as Acc);
    };

    const cycles = await this.db.query<{ advisor_id: string | null; day: string; first: number | null; resolution: number | null }[]>(
      `SELECT y.advisor_id, to_char(y.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
              extract(epoch FROM y.first_response_at - y.started_at)::float8 AS first, extract(epoch FROM y.resolved_at - y.started_at)::float8 AS resolution
         FROM conversation_cycle y JOIN conversation c ON c.id = y.conversation_id
        WHERE y.started_at >= ${bounds} AND y.started_at < ${end} AND ($3::uuid IS NULL OR c.store_id = $3)`,
      range,
    );
    const daily = new Map<string, { conversations: number; first: number[]; csat: number[] }>();
    const dayAcc = (day: string) => {
      if (!daily.has(day)) daily.set(day, { conversations: 0, first: [], csat: [] });
      return daily.get(day) as { conversations: number; first: number[]; csat: number[] };
    };
    for (const c of cycles) {
      const d = dayAcc(c.day);
      d.conversations += 1;
      if (c.first !== null) d.first.push(c.first);
      both(c.advisor_id, (a) => {
        a.conversations += 1;
        if (c.first !== null) a.first.push(c.first);
        if (c.resolution !== null) a.resolutions.push(c.resolution);
      });
    }

    // Each run of member messages and the first advisor message after it: one question, one response time.
    const responses = await this.db.query<{ advisor: string; seconds: number }[]>(
      `WITH m AS (
         SELECT x.conversation_id, x.seq, x.sender_kind, x.sender_id, x.created_at, lag(x.sender_kind) OVER (PARTITION BY x.conversation_id ORDER BY x.seq) AS prev
           FROM chat_message x JOIN conversation c ON c.id = x.conversation_id
          WHERE x.created_at >= ${bounds} AND x.created_at < ${end} AND x.sender_kind IN ('member', 'advisor') AND ($3::uuid IS NULL OR c.store_id = $3)
       ), r AS (
         SELECT *, sum(CASE WHEN sender_kind = 'member' AND prev IS DISTINCT FROM 'member' THEN 1 ELSE 0 END) OVER (PARTITION BY conversation_id ORDER BY seq) AS run FROM m
       ), q AS (
         SELECT min(created_at) FILTER (WHERE sender_kind = 'member') AS asked, min(created_at) FILTER (WHERE sender_kind = 'advisor') AS answered,
                (array_agg(sender_id ORDER BY seq) FILTER (WHERE sender_kind = 'advisor'))[1] AS advisor
           FROM r WHERE run > 0 GROUP BY conversation_id, run
       )
       SELECT advisor::text AS advisor, extract(epoch FROM answered - asked)::float8 AS seconds FROM q WHERE answered IS NOT NULL AND asked IS NOT NULL`,
      range,
    );
    for (const r of responses) both(r.advisor, (a) => a.responses.push(r.seconds));

    const csat = await this.db.query<{ advisor_id: string | null; score: number; day: string }[]>(
      `SELECT advisor_id, score, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM csat_response WHERE created_at >= ${bounds} AND created_at < ${end} AND $3::text IS NOT DISTINCT FROM $3::text`,
      range,
    );
    for (const c of csat) {
      dayAcc(c.day).csat.push(c.score);
      both(c.advisor_id, (a) => a.csat.push(c.score));
    }
    const tickets = await this.db.query<{ assignee_id: string; n: number }[]>(
      `SELECT assignee_id, count(*)::int AS n FROM ticket WHERE resolved_at >= ${bounds} AND resolved_at < ${end} AND assignee_id IS NOT NULL AND ($3::uuid IS NULL OR store_id = $3) GROUP BY assignee_id`,
      range,
    );
    for (const t of tickets) both(t.assignee_id, (a) => (a.ticketsResolved += t.n));
    const tasks = await this.db.query<{ advisor: string; done: number; open: number }[]>(
      `SELECT COALESCE(done_by, advisor_id) AS advisor,
              count(*) FILTER (WHERE status = 'done' AND done_at >= ${bounds} AND done_at < ${end})::int AS done,
              count(*) FILTER (WHERE status = 'open' AND due_on <= $2::date)::int AS open
         FROM follow_up_task WHERE COALESCE(done_by, advisor_id) IS NOT NULL AND ($3::uuid IS NULL OR store_id = $3) GROUP BY 1`,
      range,
    );
    for (const t of tasks) both(t.advisor, (a) => ((a.tasksDone += t.done), (a.tasksOpen += t.open)));
    const sales = await this.db.query<{ advisor: string; fen: string }[]>(
      `SELECT COALESCE(o.advisor_id, m.advisor_id) AS advisor, sum(o.total_fen - o.refunded_fen)::bigint AS fen
         FROM sales_order o JOIN member m ON m.id = o.member_id
        WHERE o.paid_at >= ${bounds} AND o.paid_at < ${end} AND COALESCE(o.advisor_id, m.advisor_id) IS NOT NULL AND ($3::uuid IS NULL OR o.store_id = $3 OR m.store_id = $3)
        GROUP BY 1`,
      range,
    );
    for (const s of sales) both(s.advisor, (a) => (a.salesFen += Number(s.fen)));

    return {
      from: q.from,
      to: q.to,
      advisors: [...byAdvisor.values()].map(row),
      stores: [...byStore.values()].map(row),
      daily: [...daily.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, d]) => ({
          day,
          conversations: d.conversations,
          firstResponseSeconds: d.first.length ? Math.round(median(d.first) as number) : null,
          csatAverage: d.csat.length ? Math.round((d.csat.reduce((s, v) => s + v, 0) / d.csat.length) * 100) / 100 : null,
        })),
    };
  }
}
