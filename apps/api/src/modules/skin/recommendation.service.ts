import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type RecommendationContext, type RecommendationReport, type SkinRecommendations } from '@glow/contracts';
import { recommendProducts, type SkinProfile } from '@glow/domain';
import { DataSource } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { SkinException } from './skin.exception';

const SHOWN = 8;

/** Ranked products for a skin profile; every list served is recorded as impressions, and clicks refer to it. */
@Injectable()
export class RecommendationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async serve(memberId: string, profile: Pick<SkinProfile, 'skinType' | 'sensitive' | 'concerns' | 'allergens'>, context: RecommendationContext): Promise<SkinRecommendations> {
    const ranked = recommendProducts(profile, await this.catalog.recommendable(), SHOWN);
    const servedId = randomUUID();
    if (ranked.length > 0) {
      await this.db.query(
        `INSERT INTO recommendation_impression (served_id, member_id, product_id, position, context)
         SELECT $1, $2, p.product_id, p.position, $3 FROM unnest($4::uuid[], $5::int[]) AS p(product_id, position)`,
        [servedId, memberId, context, ranked.map((r) => r.productId), ranked.map((r) => r.rank)],
      );
    }
    const cards = await this.catalog.cards(ranked.map((r) => r.productId));
    return {
      servedId,
      items: ranked.flatMap((r) => {
        const product = cards.get(r.productId);
        return product ? [{ product, rank: r.rank, reason: r.reason }] : [];
      }),
    };
  }

  /** Records a click on a product of a list served to this member; repeated clicks count once. */
  async click(memberId: string, servedId: string, productId: string): Promise<void> {
    const inserted = await this.db.query<{ position: number }[]>(
      `WITH shown AS (SELECT position FROM recommendation_impression WHERE served_id = $1 AND product_id = $2 AND member_id = $3),
            ins AS (INSERT INTO recommendation_click (served_id, member_id, product_id, position)
                    SELECT $1, $3, $2, position FROM shown ON CONFLICT DO NOTHING RETURNING position)
       SELECT position FROM shown`,
      [servedId, productId, memberId],
    );
    if (inserted.length === 0) throw new SkinException(ErrorCode.RecommendationUnknown);
  }

  async report(days: number): Promise<RecommendationReport> {
    const since = `now() - make_interval(days => $1)`;
    const byProduct = await this.db.query<{ product_id: string; sku: string; name: string; impressions: number; clicks: number }[]>(
      `SELECT p.id AS product_id, p.sku, p.name, count(*)::int AS impressions, count(c.id)::int AS clicks
         FROM recommendation_impression i
         JOIN product p ON p.id = i.product_id
         LEFT JOIN recommendation_click c ON c.served_id = i.served_id AND c.product_id = i.product_id
        WHERE i.created_at > ${since}
        GROUP BY p.id ORDER BY clicks DESC, impressions DESC, p.sku LIMIT 50`,
      [days],
    );
    const byPosition = await this.db.query<{ position: number; impressions: number; clicks: number }[]>(
      `SELECT i.position, count(*)::int AS impressions, count(c.id)::int AS clicks
         FROM recommendation_impression i
         LEFT JOIN recommendation_click c ON c.served_id = i.served_id AND c.product_id = i.product_id
        WHERE i.created_at > ${since}
        GROUP BY i.position ORDER BY i.position`,
      [days],
    );
    const impressions = byPosition.reduce((n, r) => n + r.impressions, 0);
    const clicks = byPosition.reduce((n, r) => n + r.clicks, 0);
    return {
      days,
      byProduct: byProduct.map((r) => ({ productId: r.product_id, sku: r.sku, name: r.name, impressions: r.impressions, clicks: r.clicks, ctr: ctr(r.clicks, r.impressions) })),
      byPosition: byPosition.map((r) => ({ position: r.position, impressions: r.impressions, clicks: r.clicks, ctr: ctr(r.clicks, r.impressions) })),
      totals: { impressions, clicks, ctr: ctr(clicks, impressions) },
    };
  }
}

/** Click-through rate as a fraction rounded to 4 places; 0 when nothing was shown. */
function ctr(clicks: number, impressions: number): number {
  return impressions === 0 ? 0 : Math.round((clicks / impressions) * 10_000) / 10_000;
}
