import type { MemberPortraitResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** Every call is an audited sensitive read on the API side (it includes the skin profile). */
export function getMemberPortrait(id: string, signal?: AbortSignal): Promise<MemberPortraitResponse> {
  return http.json<MemberPortraitResponse>(apiRoutes.staffMemberPortrait(id), { signal });
}

export const portraitKeys = {
  detail: (id: string) => ['members', 'portrait', id] as const,
};
