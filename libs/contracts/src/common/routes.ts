/** Route paths shared by the API and its clients (all under the `/api` prefix). */
export const API_PREFIX = '/api';

export const Routes = {
  clientConfig: '/client-config',
  privacyPolicy: '/privacy-policy',
  memberLogin: '/auth/member/login',
  staffLogin: '/auth/staff/login',
  refresh: '/auth/refresh',
  logout: '/auth/logout',
  join: '/members/join',
  me: '/me',
  meAvatar: '/me/avatar',
  staffMe: '/staff/me',
  staffMembers: '/staff/members',
  staffMemberOverview: '/staff/members/overview',
  staffMember: (id: string) => `/staff/members/${id}`,
  staffStores: '/staff/stores',
  storeQrCode: (id: string) => `/staff/stores/${id}/qrcode`,
} as const;
