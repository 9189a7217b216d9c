import type { MemberTagView, TagSummary } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** Every tag with the number of members carrying it, in the caller's store scope. */
export function listTags(signal?: AbortSignal): Promise<TagSummary[]> {
  return http.json<TagSummary[]>(apiRoutes.staffTags, { signal });
}

/** A label not seen before creates a new manual tag; answers the member's tags after the change. */
export function addMemberTag(memberId: string, label: string): Promise<MemberTagView[]> {
  return http.json<MemberTagView[]>(apiRoutes.staffMemberTags(memberId), { method: 'POST', body: { label } });
}

/** Only manual tags can be removed (rule tags answer 409); answers the member's tags after the change. */
export function removeMemberTag(memberId: string, tagId: string): Promise<MemberTagView[]> {
  return http.json<MemberTagView[]>(apiRoutes.staffMemberTag(memberId, tagId), { method: 'DELETE' });
}

export const tagKeys = {
  all: ['tags'] as const,
};
