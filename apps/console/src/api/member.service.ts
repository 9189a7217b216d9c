import type { MemberDetailResponse, MemberSearchQuery, MemberSummary, Paged } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type MemberSearch = Pick<MemberSearchQuery, 'q' | 'page' | 'pageSize'>;

export function searchMembers(search: MemberSearch, signal?: AbortSignal): Promise<Paged<MemberSummary>> {
  return http.json<Paged<MemberSummary>>(apiRoutes.staffMembers, {
    query: { q: search.q, page: search.page, pageSize: search.pageSize },
    signal,
  });
}

/** Every call is an audited read of the member's personal data on the API side. */
export function getMemberDetail(id: string, signal?: AbortSignal): Promise<MemberDetailResponse> {
  return http.json<MemberDetailResponse>(apiRoutes.staffMember(id), { signal });
}

export const memberKeys = {
  all: ['members'] as const,
  search: (search: MemberSearch) => ['members', 'search', search] as const,
  detail: (id: string) => ['members', 'detail', id] as const,
};
