import type { MemberDetailResponse, MemberOverviewResponse, MemberSearchQuery, MemberSummary, Paged } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type MemberSearch = Pick<MemberSearchQuery, 'q' | 'tagId' | 'page' | 'pageSize'>;

export function searchMembers(search: MemberSearch, signal?: AbortSignal): Promise<Paged<MemberSummary>> {
  return http.json<Paged<MemberSummary>>(apiRoutes.staffMembers, {
    query: { q: search.q, tagId: search.tagId, page: search.page, pageSize: search.pageSize },
    signal,
  });
}

/** Every call is an audited read of the member's personal data on the API side. */
export function getMemberDetail(id: string, signal?: AbortSignal): Promise<MemberDetailResponse> {
  return http.json<MemberDetailResponse>(apiRoutes.staffMember(id), { signal });
}

/** Member counts for the overview dashboard, within the caller's store scope (aggregates only, no personal data). */
export function getMemberOverview(signal?: AbortSignal): Promise<MemberOverviewResponse> {
  return http.json<MemberOverviewResponse>(apiRoutes.staffMemberOverview, { signal });
}

export const memberKeys = {
  all: ['members'] as const,
  overview: ['members', 'overview'] as const,
  /** Every search result, e.g. to refresh tag-filtered lists after a tag changes (without re-reading audited details). */
  searches: ['members', 'search'] as const,
  search: (search: MemberSearch) => ['members', 'search', search] as const,
  detail: (id: string) => ['members', 'detail', id] as const,
};
