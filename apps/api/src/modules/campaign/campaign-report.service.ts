import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CampaignDailyPoint, CampaignReport } from '@glow/contracts';
import { incrementalSales, rate, roi } from '@glow/domain';
import { CampaignService } from './campaign.service';

const PURCHASE = `o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL`;

/**
 * What a campaign earned. Touches are the members it reached (and the holdout it kept back); coupons are those it
 * issued plus claims of its template from the claim center by touched members within the attribution window;
 * attributed orders are purchases by touched members within the window after their touch, or orders that used
 * the campaign's coupon. With a holdout, the incremental sales are what touched members bought above the holdout's
 * rate per member.
 */
@Injectable()
export class CampaignReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignService,
  ) {}

  async report(id: string): Promise<CampaignReport> {
    const campaign = await this.campaigns.get(id);
    const code = campaign.actions.find((a) => a.kind === 'coupon')?.couponTemplateCode ?? null;
    const days = campaign.attributionDays;
    const [f] = await this.db.query<Record<string, number>[]>(
      `WITH t AS (SELECT * FROM campaign_touch WHERE campaign_id = $1),
            cp AS (
              SELECT c.id, c.status, c.member_id, tp.cost_fen FROM member_coupon c JOIN t ON t.coupon_id = c.id JOIN coupon_template tp ON tp.id = c.template_id
              UNION
              SELECT c.id, c.status, c.member_id, tp.cost_fen FROM member_coupon c JOIN coupon_template tp ON tp.id = c.template_id
                JOIN t ON t.member_id = c.member_id AND NOT t.holdout
               WHERE tp.code = $2 AND c.source = 'claim' AND c.created_at > t.touched_at AND c.created_at <= t.touched_at + make_interval(days => $3))
       SELECT (SELECT COALESCE(sum(audience), 0)::int FROM campaign_run WHERE campaign_id = $1) AS audience,
              (SELECT count(*)::int FROM t WHERE holdout) AS holdout,
              (SELECT count(*)::int FROM t WHERE NOT holdout) AS touched,
              (SELECT count(*)::int FROM notification_outbox WHERE source = 'campaign:' || $1 AND status = 'sent') AS messaged,
              (SELECT count(*)::int FROM t WHERE coupon_id IS NOT NULL) AS issued,
              (SELECT count(*)::int FROM cp) AS claimed,
              (SELECT count(*)::int FROM cp WHERE status = 'used') AS redeemed,
              (SELECT COALESCE(sum(cost_fen), 0)::bigint FROM cp WHERE status = 'used') AS cost_fen`,
      [id, code, days],
    );
    const groups = await this.db.query<{ holdout: boolean; orders: number; sales_fen: string; buyers: number }[]>(
      `WITH t AS (SELECT * FROM campaign_touch WHERE campaign_id = $1),
            attributed AS (
              SELECT DISTINCT ON (o.id) o.id, o.member_id, o.total_fen - o.refunded_fen AS net, t.holdout
                FROM t JOIN sales_order o ON o.member_id = t.member_id AND ${PURCHASE}
                     AND (o.paid_at > t.touched_at AND o.paid_at <= t.touched_at + make_interval(days => $2)
                          OR (t.coupon_id IS NOT NULL AND EXISTS (SELECT 1 FROM member_coupon c WHERE c.id = t.coupon_id AND c.order_id = o.id)))
               ORDER BY o.id, t.holdout)
       SELECT holdout, count(*)::int AS orders, COALESCE(sum(net), 0)::bigint AS sales_fen, count(DISTINCT member_id)::int AS buyers
         FROM attributed GROUP BY holdout`,
      [id, days],
    );
    const touchedGroup = groups.find((g) => !g.holdout);
    const holdoutGroup = groups.find((g) => g.holdout);
    const salesFen = Number(touchedGroup?.sales_fen ?? 0);
    const holdoutSalesFen = Number(holdoutGroup?.sales_fen ?? 0);
    const costFen = Number(f['cost_fen']);
    const daily = await this.daily(id, days);
    return {
      campaign,
      funnel: {
        audience: f['audience'],
        holdout: f['holdout'],
        touched: f['touched'],
        messaged: f['messaged'],
        issued: f['issued'],
        claimed: f['claimed'],
        redeemed: f['redeemed'],
        ordered: touchedGroup?.buyers ?? 0,
      },
      claimRate: rate(f['claimed'], f['touched']),
      redemptionRate: rate(f['redeemed'], f['claimed']),
      conversionRate: rate(touchedGroup?.buyers ?? 0, f['touched']),
      holdoutConversionRate: rate(holdoutGroup?.buyers ?? 0, f['holdout']),
      orders: touchedGroup?.orders ?? 0,
      salesFen,
      holdoutOrders: holdoutGroup?.orders ?? 0,
      holdoutSalesFen,
      incrementalSalesFen: incrementalSales({
        touched: f['touched'],
        buyersTouched: touchedGroup?.buyers ?? 0,
        salesTouchedFen: salesFen,
        holdout: f['holdout'],
        buyersHoldout: holdoutGroup?.buyers ?? 0,
        salesHoldoutFen: holdoutSalesFen,
      }),
      costFen,
      roi: roi(salesFen, costFen),
      daily,
    };
  }

  /** Per business day: members touched, coupons of the campaign redeemed, attributed orders and sales. */
  private async daily(id: string, days: number): Promise<CampaignDailyPoint[]> {
    const rows = await this.db.query<{ date: string; touched: number; redeemed: number; orders: number; sales_fen: string }[]>(
      `WITH t AS (SELECT * FROM campaign_touch WHERE campaign_id = $1 AND NOT holdout),
            touches AS (SELECT (touched_at AT TIME ZONE 'Asia/Shanghai')::date AS d, count(*)::int AS n FROM t GROUP BY 1),
            redeemed AS (SELECT (c.used_at AT TIME ZONE 'Asia/Shanghai')::date AS d, count(*)::int AS n
                           FROM t JOIN member_coupon c ON c.id = t.coupon_id WHERE c.status = 'used' GROUP BY 1),
            orders AS (SELECT (o.paid_at AT TIME ZONE 'Asia/Shanghai')::date AS d, count(*)::int AS n, sum(o.net)::bigint AS sales
                         FROM (SELECT DISTINCT ON (o.id) o.id, o.paid_at, o.total_fen - o.refunded_fen AS net
                                 FROM t JOIN sales_order o ON o.member_id = t.member_id AND ${PURCHASE}
                                  AND o.paid_at > t.touched_at AND o.paid_at <= t.touched_at + make_interval(days => $2)) o
                        GROUP BY 1),
            days AS (SELECT d FROM touches UNION SELECT d FROM redeemed UNION SELECT d FROM orders)
       SELECT to_char(days.d, 'YYYY-MM-DD') AS date, COALESCE(touches.n, 0) AS touched, COALESCE(redeemed.n, 0) AS redeemed,
              COALESCE(orders.n, 0) AS orders, COALESCE(orders.sales, 0) AS sales_fen
         FROM days LEFT JOIN touches USING (d) LEFT JOIN redeemed USING (d) LEFT JOIN orders USING (d)
        ORDER BY days.d`,
      [id, days],
    );
    return rows.map((r) => ({ date: r.date, touched: r.touched, redeemed: r.redeemed, orders: r.orders, salesFen: Number(r.sales_fen) }));
  }
}
