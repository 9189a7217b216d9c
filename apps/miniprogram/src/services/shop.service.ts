import type { Paged, ProductCard } from '@glow/contracts';
import type { ProductCategory } from '@glow/domain';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';
import { query } from './query-string';

/** One page of the online shop: the catalog's active products, of one category or all. */
export function listShopProducts(options: { category?: ProductCategory; page: number; pageSize: number }): Promise<Paged<ProductCard>> {
  return memberHttp.get<Paged<ProductCard>>(apiRoutes.shopProducts + query(options));
}
