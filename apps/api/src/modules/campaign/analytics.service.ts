import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { type AnalyticsQueryDto, type CampaignReport, ErrorCode, type StoreAnalyticsView } from '@glow/contracts';
import { addDays, atBusinessTime, formatYuan, rate } from '@glow/domain';
import { CampaignException } from './campaign.exception';

const PURCHASE = `o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL`;
const MAX_RANGE_DAYS = 731;
const COHORT_MONTHS = 12;

/**
 * Store-wide analytics for marketers and store managers, over business dates (Asia/Shanghai) and optionally one
 * store. Daily sales come from the `analytics_daily` rollup (a materialised view refreshed hourly); the measures
 * that need distinct members read orders through the paid-time index, and member measures read `member_metrics`.
 */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The hourly refresh: rebuilds the daily rollup (concurrently once it exists, so readers never wait), then
   * recomputes the dashboards someone asked for in the last day and forgets the others.
   */
  async refresh(): Promise<{ rows: number; dashboards: number }> {
    const [done] = await this.db.query<unknown[]>(`SELECT 1 FROM analytics_refresh WHERE id = 1`);
    await this.db.query(done ? `REFRESH MATERIALIZED VIEW CONCURRENTLY analytics_daily` : `REFRESH MATERIALIZED VIEW analytics_daily`);
    await this.db.query(`INSERT INTO analytics_refresh (id, refreshed_at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET refreshed_at = now()`);
    const [{ rows }] = await this.db.query<{ rows: number }[]>(`SELECT count(*)::int AS rows FROM analytics_daily`);
    await this.db.query(`DELETE FROM analytics_snapshot WHERE requested_at < now() - interval '1 day'`);
    const wanted = await this.db.query<{ query: { from: string; to: string; storeId: string | null } }[]>(`SELECT query FROM analytics_snapshot`);
    for (const w of wanted) await this.compute(w.query.from, w.query.to, w.query.storeId);
    return { rows, dashboards: wanted.length };
  }

  /**
   * Store-wide analytics: served from the last computation when it is under an hour old (at scale a dashboard
   * reads millions of orders), otherwise computed now and kept for the next viewer and the hourly refresh.
   */
  async overview(q: AnalyticsQueryDto, scopeStoreId: string | null): Promise<StoreAnalyticsView> {
    const storeId = scopeStoreId ?? q.storeId ?? null;
    const days = Math.round((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000) + 1;
    if (!(days >= 1 && days <= MAX_RANGE_DAYS) || Number.isNaN(Date.parse(q.from)) || Number.isNaN(Date.parse(q.to))) {
      throw new CampaignException(ErrorCode.AnalyticsRangeInvalid);
    }
    const [fresh] = await this.db.query<{ view: StoreAnalyticsView }[][]>(
      `UPDATE analytics_snapshot SET requested_at = now() WHERE key = $1 AND computed_at > now() - interval '1 hour' RETURNING view`,
      [snapshotKey(q.from, q.to, storeId)],
    );
    if (fresh[0]) return fresh[0].view;
    return this.compute(q.from, q.to, storeId);
  }

  private async compute(from: string, to: string, storeId: string | null): Promise<StoreAnalyticsView> {
    const view = await this.live({ from, to }, storeId);
    await this.db.query(
      `INSERT INTO analytics_snapshot (key, query, view, computed_at, requested_at) VALUES ($1, $2, $3, now(), now())
       ON CONFLICT (key) DO UPDATE SET view = EXCLUDED.view, computed_at = EXCLUDED.computed_at`,
      [snapshotKey(from, to, storeId), JSON.stringify({ from, to, storeId }), JSON.stringify(view)],
    );
    return view;
  }

  private async live(q: { from: string; to: string }, storeId: string | null): Promise<StoreAnalyticsView> {
    const days = Math.round((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000) + 1;
    const [refreshed] = await this.db.query<{ refreshed_at: Date }[]>(`SELECT refreshed_at FROM analytics_refresh WHERE id = 1`);
    if (!refreshed) await this.refresh();
    const fromTs = atBusinessTime(q.from, '00:00');
    const toTs = atBusinessTime(addDays(q.to, 1), '00:00');
    const prevFromTs = atBusinessTime(addDays(q.from, -days), '00:00');
    const range = [fromTs, toTs, storeId];

    const [k] = await this.db.query<Record<string, string | number | null>[]>(
      `WITH buyers AS (SELECT DISTINCT o.member_id FROM sales_order o WHERE ${PURCHASE} AND o.paid_at >= $1 AND o.paid_at < $2 AND ($3::uuid IS NULL OR o.store_id = $3)),
            prev AS (SELECT DISTINCT o.member_id FROM sales_order o WHERE ${PURCHASE} AND o.paid_at >= $4 AND o.paid_at < $1 AND ($3::uuid IS NULL OR o.store_id = $3)),
            firsts AS (SELECT mm.member_id, mm.first_purchase_at FROM member_metrics mm JOIN member m ON m.id = mm.member_id
                        WHERE mm.first_purchase_at >= $1 AND mm.first_purchase_at < $2 AND ($3::uuid IS NULL OR m.store_id = $3)),
            -- Repurchase in one pass: the orders that can count (up to 180 days after the range) joined to the first
            -- buyers by hash, rather than an index probe (and a heap read for the status) per buyer and window.
            later AS MATERIALIZED (SELECT o.member_id, o.paid_at FROM sales_order o WHERE ${PURCHASE} AND o.paid_at > $1 AND o.paid_at < $2::timestamptz + interval '180 days'),
            rep AS (SELECT f.member_id,
                           bool_or(l.paid_at <= f.first_purchase_at + interval '30 days') AS r30,
                           bool_or(l.paid_at <= f.first_purchase_at + interval '90 days') AS r90
                      FROM firsts f JOIN later l ON l.member_id = f.member_id AND l.paid_at > f.first_purchase_at AND l.paid_at <= f.first_purchase_at + interval '180 days'
                     GROUP BY f.member_id)
       SELECT (SELECT count(*)::int FROM member m WHERE m.deleted_at IS NULL AND m.joined_at < $2 AND ($3::uuid IS NULL OR m.store_id = $3)) AS members,
              (SELECT count(*)::int FROM buyers) AS buyers,
              (SELECT COALESCE(sum(orders), 0)::int FROM analytics_daily WHERE day >= $5::date AND day <= $6::date AND ($3::uuid IS NULL OR store_id = $3)) AS orders,
              (SELECT COALESCE(sum(sales_fen), 0)::bigint FROM analytics_daily WHERE day >= $5::date AND day <= $6::date AND ($3::uuid IS NULL OR store_id = $3)) AS sales_fen,
              (SELECT count(DISTINCT o.member_id)::int FROM sales_order o JOIN member m ON m.id = o.member_id
                WHERE ${PURCHASE} AND o.paid_at >= $2::timestamptz - interval '90 days' AND o.paid_at < $2 AND m.deleted_at IS NULL
                  AND ($3::uuid IS NULL OR m.store_id = $3)) AS active,
              (SELECT count(*)::int FROM prev) AS prev_buyers,
              (SELECT count(*)::int FROM prev p WHERE NOT EXISTS (SELECT 1 FROM buyers b WHERE b.member_id = p.member_id)) AS churned,
              (SELECT avg(mm.spend_fen)::bigint FROM member_metrics mm JOIN member m ON m.id = mm.member_id WHERE mm.orders_count > 0 AND ($3::uuid IS NULL OR m.store_id = $3)) AS clv_fen,
              (SELECT count(*)::int FROM firsts) AS first_buyers,
              (SELECT count(*) FILTER (WHERE r30)::int FROM rep) AS rep30,
              (SELECT count(*) FILTER (WHERE r90)::int FROM rep) AS rep90,
              (SELECT count(*)::int FROM rep) AS rep180,
              (SELECT count(*)::int FROM buyers b JOIN member_metrics mm ON mm.member_id = b.member_id WHERE mm.first_purchase_at >= $1 AND mm.first_purchase_at < $2) AS new_buyers`,
      [...range, prevFromTs, q.from, q.to],
    );
    const n = (key: string) => Number(k[key] ?? 0);
    const salesDaily = await this.db.query<{ date: string; orders: number; sales_fen: string }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, sum(orders)::int AS orders, sum(sales_fen)::bigint AS sales_fen FROM analytics_daily
        WHERE day >= $1::date AND day <= $2::date AND ($3::uuid IS NULL OR store_id = $3) GROUP BY day ORDER BY day`,
      [q.from, q.to, storeId],
    );
    const monthly = await this.db.query<{ month: string; new_buyers: number; returning_buyers: number; new_sales: string; returning_sales: string }[]>(
      `SELECT to_char(date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month,
              count(DISTINCT o.member_id) FILTER (WHERE date_trunc('month', mm.first_purchase_at AT TIME ZONE 'Asia/Shanghai') = date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai'))::int AS new_buyers,
              count(DISTINCT o.member_id) FILTER (WHERE mm.first_purchase_at IS NULL OR date_trunc('month', mm.first_purchase_at AT TIME ZONE 'Asia/Shanghai') < date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai'))::int AS returning_buyers,
              COALESCE(sum(o.total_fen - o.refunded_fen) FILTER (WHERE date_trunc('month', mm.first_purchase_at AT TIME ZONE 'Asia/Shanghai') = date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai')), 0)::bigint AS new_sales,
              COALESCE(sum(o.total_fen - o.refunded_fen) FILTER (WHERE mm.first_purchase_at IS NULL OR date_trunc('month', mm.first_purchase_at AT TIME ZONE 'Asia/Shanghai') < date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai')), 0)::bigint AS returning_sales
         FROM sales_order o LEFT JOIN member_metrics mm ON mm.member_id = o.member_id
        WHERE ${PURCHASE} AND o.paid_at >= $1 AND o.paid_at < $2 AND ($3::uuid IS NULL OR o.store_id = $3)
        GROUP BY 1 ORDER BY 1`,
      range,
    );
    const tiers = await this.db.query<{ code: string; name: string; members: number }[]>(
      `SELECT t.code, t.name, count(m.id)::int AS members
         FROM tier t LEFT JOIN member_tier mt ON mt.tier_code = t.code
         LEFT JOIN member m ON m.id = mt.member_id AND m.deleted_at IS NULL AND ($1::uuid IS NULL OR m.store_id = $1)
        GROUP BY t.code, t.name, t.rank ORDER BY t.rank`,
      [storeId],
    );
    const cohorts = await this.cohorts(q.to, toTs, storeId);
    const advisors = await this.db.query<{ advisor_id: string; name: string; store_name: string | null; orders: number; sales_fen: string; members: number }[]>(
      `SELECT a.advisor_id, s.name, st.name AS store_name, a.orders, a.sales_fen, a.members
         FROM (SELECT COALESCE(o.advisor_id, m.advisor_id) AS advisor_id, count(*)::int AS orders,
                      sum(o.total_fen - o.refunded_fen)::bigint AS sales_fen, count(DISTINCT o.member_id)::int AS members
                 FROM sales_order o JOIN member m ON m.id = o.member_id
                WHERE ${PURCHASE} AND o.paid_at >= $1 AND o.paid_at < $2 AND ($3::uuid IS NULL OR o.store_id = $3)
                GROUP BY 1) a
         JOIN staff s ON s.id = a.advisor_id LEFT JOIN store st ON st.id = s.store_id
        ORDER BY a.sales_fen DESC LIMIT 20`,
      range,
    );
    const orders = n('orders');
    const salesFen = n('sales_fen');
    const buyers = n('buyers');
    return {
      from: q.from,
      to: q.to,
      storeId,
      kpis: {
        members: n('members'),
        buyers,
        orders,
        salesFen,
        aovFen: orders > 0 ? Math.round(salesFen / orders) : null,
        activeShare: rate(n('active'), n('members')),
        churnRate: rate(n('churned'), n('prev_buyers')),
        clvFen: k['clv_fen'] === null ? null : n('clv_fen'),
        repurchase30: rate(n('rep30'), n('first_buyers')),
        repurchase90: rate(n('rep90'), n('first_buyers')),
        repurchase180: rate(n('rep180'), n('first_buyers')),
        newBuyers: n('new_buyers'),
        returningBuyers: buyers - n('new_buyers'),
      },
      salesDaily: salesDaily.map((r) => ({ date: r.date, orders: r.orders, salesFen: Number(r.sales_fen) })),
      newVsReturning: monthly.map((r) => ({
        month: r.month,
        newBuyers: r.new_buyers,
        returningBuyers: r.returning_buyers,
        newSalesFen: Number(r.new_sales),
        returningSalesFen: Number(r.returning_sales),
      })),
      tierDistribution: tiers.map((t) => ({ tierCode: t.code, tierName: t.name, members: t.members })),
      cohorts,
      advisors: advisors.map((a) => ({ advisorId: a.advisor_id, name: a.name, storeName: a.store_name, orders: a.orders, salesFen: Number(a.sales_fen), members: a.members })),
      refreshedAt: new Date().toISOString(),
    };
  }

  /** Members who joined in each of the last 12 months up to `to`, and the share buying in month 0, 1, … after joining. */
  private async cohorts(to: string, toTs: Date, storeId: string | null): Promise<StoreAnalyticsView['cohorts']> {
    const first = `${addMonths(to.slice(0, 7), -(COHORT_MONTHS - 1))}-01`;
    const fromTs = atBusinessTime(first, '00:00');
    const rows = await this.db.query<{ month: string; k: number | null; buyers: number; size: number }[]>(
      `WITH c AS (SELECT m.id, date_trunc('month', m.joined_at AT TIME ZONE 'Asia/Shanghai') AS cm FROM member m
                   WHERE m.deleted_at IS NULL AND m.joined_at >= $1 AND m.joined_at < $2 AND ($3::uuid IS NULL OR m.store_id = $3)),
            sizes AS (SELECT cm, count(*)::int AS size FROM c GROUP BY cm),
            bought AS (SELECT DISTINCT c.id, c.cm,
                              ((extract(year FROM date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai')) - extract(year FROM c.cm)) * 12
                               + extract(month FROM date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Shanghai')) - extract(month FROM c.cm))::int AS k
                         FROM c JOIN sales_order o ON o.member_id = c.id AND ${PURCHASE} AND o.paid_at < $2)
       SELECT to_char(s.cm, 'YYYY-MM') AS month, s.size, b.k, count(b.id)::int AS buyers
         FROM sizes s LEFT JOIN bought b ON b.cm = s.cm AND b.k BETWEEN 0 AND ${COHORT_MONTHS - 1}
        GROUP BY s.cm, s.size, b.k ORDER BY s.cm, b.k`,
      [fromTs, toTs, storeId],
    );
    const byMonth = new Map<string, { size: number; retention: number[] }>();
    for (const r of rows) {
      const c = byMonth.get(r.month) ?? { size: r.size, retention: [] };
      byMonth.set(r.month, c);
      if (r.k !== null) c.retention[r.k] = Math.round((r.buyers / r.size) * 10_000) / 10_000;
    }
    const last = to.slice(0, 7);
    return [...byMonth.entries()].map(([month, c]) => {
      const months = Math.min(COHORT_MONTHS, monthsBetween(month, last) + 1);
      return { month, size: c.size, retention: Array.from({ length: months }, (_, i) => c.retention[i] ?? 0) };
    });
  }

  /** The analytics as a workbook: KPIs, daily sales, new vs returning, tiers, cohorts, advisors. */
  async workbook(v: StoreAnalyticsView): Promise<Buffer> {
    const wb = new Workbook();
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
    const money = (f: number | null) => (f === null ? '—' : formatYuan(f));
    const kpi = wb.addWorksheet('核心指标');
    kpi.columns = [{ header: '指标', width: 18 }, { header: '数值', width: 18 }];
    const k = v.kpis;
    kpi.addRows([
      ['统计区间', `${v.from} 至 ${v.to}`],
      ['会员数', k.members],
      ['购买会员', k.buyers],
      ['订单数', k.orders],
      ['销售额', money(k.salesFen)],
      ['客单价', money(k.aovFen)],
      ['活跃占比（近90天）', pct(k.activeShare)],
      ['流失率', pct(k.churnRate)],
      ['客户终身价值', money(k.clvFen)],
      ['30天复购率', pct(k.repurchase30)],
      ['90天复购率', pct(k.repurchase90)],
      ['180天复购率', pct(k.repurchase180)],
      ['新客', k.newBuyers],
      ['老客', k.returningBuyers],
    ]);
    const daily = wb.addWorksheet('每日销售');
    daily.columns = [{ header: '日期', width: 12 }, { header: '订单数', width: 10 }, { header: '销售额（元）', width: 14 }];
    for (const d of v.salesDaily) daily.addRow([d.date, d.orders, d.salesFen / 100]);
    const nvr = wb.addWorksheet('新老客');
    nvr.columns = [{ header: '月份', width: 10 }, { header: '新客', width: 10 }, { header: '老客', width: 10 }, { header: '新客销售额（元）', width: 16 }, { header: '老客销售额（元）', width: 16 }];
    for (const m of v.newVsReturning) nvr.addRow([m.month, m.newBuyers, m.returningBuyers, m.newSalesFen / 100, m.returningSalesFen / 100]);
    const tiers = wb.addWorksheet('等级分布');
    tiers.columns = [{ header: '等级', width: 10 }, { header: '会员数', width: 10 }];
    for (const t of v.tierDistribution) tiers.addRow([t.tierName, t.members]);
    const cohorts = wb.addWorksheet('同期群留存');
    cohorts.columns = [{ header: '入会月份', width: 10 }, { header: '人数', width: 8 }, ...Array.from({ length: COHORT_MONTHS }, (_, i) => ({ header: `第${i}月`, width: 8 }))];
    for (const c of v.cohorts) cohorts.addRow([c.month, c.size, ...c.retention.map((r) => `${(r * 100).toFixed(1)}%`)]);
    const adv = wb.addWorksheet('导购排行');
    adv.columns = [{ header: '导购', width: 10 }, { header: '门店', width: 16 }, { header: '订单数', width: 10 }, { header: '销售额（元）', width: 14 }, { header: '会员数', width: 10 }];
    for (const a of v.advisors) adv.addRow([a.name, a.storeName ?? '', a.orders, a.salesFen / 100, a.members]);
    for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** A campaign's report as a workbook: the funnel, the rates and money, and the daily series. */
  async campaignWorkbook(r: CampaignReport): Promise<Buffer> {
    const wb = new Workbook();
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
    const s = wb.addWorksheet('活动效果');
    s.columns = [{ header: '指标', width: 16 }, { header: '数值', width: 20 }];
    const f = r.funnel;
    s.addRows([
      ['活动', r.campaign.name],
      ['目标人数', f.audience],
      ['对照组', f.holdout],
      ['触达', f.touched],
      ['消息送达', f.messaged],
      ['发券', f.issued],
      ['领取', f.claimed],
      ['核销', f.redeemed],
      ['下单会员', f.ordered],
      ['领取率', pct(r.claimRate)],
      ['核销率', pct(r.redemptionRate)],
      ['转化率', pct(r.conversionRate)],
      ['对照组转化率', pct(r.holdoutConversionRate)],
      ['归因订单', r.orders],
      ['归因销售额', formatYuan(r.salesFen)],
      ['增量销售额', r.incrementalSalesFen === null ? '—' : formatYuan(r.incrementalSalesFen)],
      ['成本', formatYuan(r.costFen)],
      ['ROI', pct(r.roi)],
    ]);
    const d = wb.addWorksheet('每日数据');
    d.columns = [{ header: '日期', width: 12 }, { header: '触达', width: 8 }, { header: '核销', width: 8 }, { header: '订单', width: 8 }, { header: '销售额（元）', width: 14 }];
    for (const p of r.daily) d.addRow([p.date, p.touched, p.redeemed, p.orders, p.salesFen / 100]);
    for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

function snapshotKey(from: string, to: string, storeId: string | null): string {
  return `${from}|${to}|${storeId ?? 'all'}`;
}

function addMonths(yyyymm: string, n: number): string {
  const [y, m] = yyyymm.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}
