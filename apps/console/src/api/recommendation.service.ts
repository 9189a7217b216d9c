import type { RecommendationReport } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** Impressions, clicks and click-through (a fraction, 0–1) per product and per position over the last `days` days. */
export function getRecommendationReport(days: number, signal?: AbortSignal): Promise<RecommendationReport> {
  return http.json<RecommendationReport>(apiRoutes.staffRecommendationReport, { query: { days }, signal });
}

export const recommendationKeys = {
  report: (days: number) => ['recommendations', 'report', days] as const,
};
