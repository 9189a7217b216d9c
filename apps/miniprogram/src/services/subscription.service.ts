import type { SubscribeAnswer, SubscribeReportDto, SubscriptionView } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';

/** What the member has allowed per subscribe message: one credit for each "allow" not yet used by a send. */
export function listSubscriptions(): Promise<SubscriptionView[]> {
  return memberHttp.get<SubscriptionView[]>(apiRoutes.meSubscriptions);
}

/**
 * Tells the API what the member answered in a subscribe prompt, by WeChat template id; each `accept` is one send
 * credit. Answers the member's subscriptions after the report.
 */
export function reportSubscribeResults(results: Record<string, SubscribeAnswer>): Promise<SubscriptionView[]> {
  const body: SubscribeReportDto = { results };
  return memberHttp.post<SubscriptionView[]>(apiRoutes.meSubscriptions, body);
}
