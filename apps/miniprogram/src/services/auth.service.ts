import type { MemberLoginDto, MemberSessionResponse, RefreshDto } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** Exchanges a `wx.login` code for a pre-member or member session. */
export function loginWithCode(code: string): Promise<MemberSessionResponse> {
  const body: MemberLoginDto = { code };
  return http.post<MemberSessionResponse>(apiRoutes.memberLogin, body);
}

/** Rotates the refresh token: the old one is spent, and using it again signs the user out everywhere. */
export function refreshSession(refreshToken: string): Promise<MemberSessionResponse> {
  const body: RefreshDto = { refreshToken };
  return http.post<MemberSessionResponse>(apiRoutes.refresh, body);
}
