import type { JourneyConfig } from '@glow/contracts';
import { addDays, businessDate } from '@glow/domain';

/** A trigger that happened up to this many days ago still reaches a member who was not reached yet (catch-up). */
export const JOURNEY_CATCH_UP_DAYS = 7;

/**
 * The members a journey reaches at `now`, each with the occurrence key that makes "at most once per occurrence"
 * hold: `SELECT member_id, key …` over `member m` / `member_metrics mm`, parameters numbered after `offset`.
 * `filter` is an optional segment condition over the same aliases (its parameters come before ours).
 */
export function journeyAudience(j: JourneyConfig, now: Date, offset: number, filter: string | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown, cast: string) => {
    params.push(value);
    return `$${offset + params.length}::${cast}`;
  };
  // Bound only by the triggers that use it: an unused parameter has no type PostgreSQL can infer.
  let atParam: string | null = null;
  const atRef = () => (atParam ??= p(now.toISOString(), 'timestamptz'));
  const live = `m.deleted_at IS NULL${filter ? ` AND (${filter})` : ''}`;
  const from = `member m LEFT JOIN member_metrics mm ON mm.member_id = m.id`;
  const catchUp = `${JOURNEY_CATCH_UP_DAYS}`;
  switch (j.trigger) {
    case 'welcome':
      return {
        sql: `SELECT m.id AS member_id, 'welcome'::text AS key FROM ${from}
               WHERE ${live} AND m.joined_at <= ${atRef()} AND m.joined_at > ${atRef()} - interval '${catchUp} days'`,
        params,
      };
    case 'birthday': {
      // Birthdays from today to N days ahead; the key is the year of that birthday. 29 February is celebrated on
      // the 28th in other years.
      const today = businessDate(now);
      const days = Array.from({ length: (j.daysBefore ?? 0) + 1 }, (_, i) => addDays(today, i));
      const mmdd: string[] = [];
      const years: number[] = [];
      for (const d of days) {
        mmdd.push(d.slice(5));
        years.push(Number(d.slice(0, 4)));
        const year = Number(d.slice(0, 4));
        if (d.slice(5) === '02-28' && !isLeap(year)) {
          mmdd.push('02-29');
          years.push(year);
        }
      }
      const md = p(mmdd, 'text[]');
      const yr = p(years, 'int[]');
      return {
        sql: `SELECT m.id AS member_id, 'birthday:' || d.yr AS key FROM ${from}
                JOIN unnest(${md}, ${yr}) AS d(mmdd, yr) ON to_char(m.birthday, 'MM-DD') = d.mmdd
               WHERE ${live} AND m.birthday IS NOT NULL`,
        params,
      };
    }
    case 'anniversary': {
      const today = businessDate(now);
      const md = p(today.slice(5), 'text');
      const year = Number(today.slice(0, 4));
      return {
        sql: `SELECT m.id AS member_id, 'anniversary:${year}' AS key FROM ${from}
               WHERE ${live} AND to_char(m.joined_at AT TIME ZONE 'Asia/Shanghai', 'MM-DD') = ${md}
                 AND extract(year FROM m.joined_at AT TIME ZONE 'Asia/Shanghai') < ${year}`,
        params,
      };
    }
    case 'dormant': {
      const days = p(j.days ?? 60, 'int');
      return {
        sql: `SELECT m.id AS member_id, 'dormant:' || ${days} || ':' || to_char(mm.last_purchase_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS key FROM ${from}
               WHERE ${live} AND mm.last_purchase_at <= ${atRef()} - make_interval(days => ${days})
                 AND mm.last_purchase_at > ${atRef()} - make_interval(days => ${days} + ${catchUp})`,
        params,
      };
    }
    case 'repurchase': {
      const lead = p(j.leadDays ?? 0, 'int');
      return {
        sql: `SELECT m.id AS member_id, 'repurchase:' || oi.id AS key
                FROM order_item oi JOIN sales_order o ON o.id = oi.order_id
                JOIN product pr ON pr.sku = oi.sku
                JOIN (${from}) ON m.id = o.member_id
               WHERE ${live} AND o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL AND pr.usage_days IS NOT NULL
                 AND oi.refunded_quantity < oi.quantity
                 AND o.paid_at + make_interval(days => pr.usage_days - ${lead}) <= ${atRef()}
                 AND o.paid_at + make_interval(days => pr.usage_days - ${lead}) > ${atRef()} - interval '${catchUp} days'
                 AND NOT EXISTS (SELECT 1 FROM order_item oi2 JOIN sales_order o2 ON o2.id = oi2.order_id
                                  WHERE o2.member_id = o.member_id AND oi2.sku = oi.sku AND o2.paid_at > o.paid_at
                                    AND o2.status IN ('paid', 'partially_refunded'))`,
        params,
      };
    }
    case 'tier-up':
      return {
        sql: `SELECT m.id AS member_id, 'tier-up:' || tc.id AS key
                FROM tier_change tc JOIN tier tf ON tf.code = tc.from_code JOIN tier tt ON tt.code = tc.to_code
                JOIN (${from}) ON m.id = tc.member_id
               WHERE ${live} AND tt.rank > tf.rank AND tc.created_at <= ${atRef()} AND tc.created_at > ${atRef()} - interval '${catchUp} days'`,
        params,
      };
    case 'post-visit': {
      const days = p(j.days ?? 1, 'int');
      return {
        sql: `SELECT m.id AS member_id, 'post-visit:' || b.id AS key
                FROM booking b JOIN (${from}) ON m.id = b.member_id
               WHERE ${live} AND b.status = 'completed' AND b.completed_at <= ${atRef()} - make_interval(days => ${days})
                 AND b.completed_at > ${atRef()} - make_interval(days => ${days} + ${catchUp})`,
        params,
      };
    }
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
