import type { StaffLoginDto, StaffProfile, StaffSessionResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type StaffCredentials = Pick<StaffLoginDto, 'username' | 'password'>;

export function loginStaff(credentials: StaffCredentials): Promise<StaffSessionResponse> {
  return http.json<StaffSessionResponse>(apiRoutes.staffLogin, { method: 'POST', body: credentials, auth: false });
}

export function logoutStaff(refreshToken: string): Promise<void> {
  return http.json<void>(apiRoutes.logout, { method: 'POST', body: { refreshToken }, auth: false });
}

export function getCurrentStaff(signal?: AbortSignal): Promise<StaffProfile> {
  return http.json<StaffProfile>(apiRoutes.staffMe, { signal });
}

export const staffKeys = {
  me: ['staff', 'me'] as const,
};
