import type { AnalyticsQueryDto, StoreAnalyticsView } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

function queryOf(search: AnalyticsQueryDto) {
  return { from: search.from, to: search.to, storeId: search.storeId };
}

/** Store-wide KPIs and charts for business days `from`–`to` (inclusive), for one store or every store. */
export function getStoreAnalytics(search: AnalyticsQueryDto, signal?: AbortSignal): Promise<StoreAnalyticsView> {
  return http.json<StoreAnalyticsView>(apiRoutes.staffAnalytics, { query: queryOf(search), signal });
}

/** The same figures as `.xlsx`; fetched with the bearer token, so not a plain link. */
export function downloadStoreAnalytics(search: AnalyticsQueryDto, signal?: AbortSignal): Promise<Blob> {
  return http.blob(apiRoutes.staffAnalyticsExport, { query: queryOf(search), signal });
}

export const analyticsKeys = {
  all: ['analytics'] as const,
  view: (search: AnalyticsQueryDto) => ['analytics', search] as const,
};
