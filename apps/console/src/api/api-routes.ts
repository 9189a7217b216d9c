import type { Routes } from '@glow/contracts';

type ContractRoutes = typeof Routes;

/**
 * The contract routes this console calls. They are repeated here as values because importing values from the
 * contracts barrel would evaluate its class-validator / class-transformer decorators in the browser (they need
 * reflect-metadata); `satisfies` fails the typecheck as soon as a path drifts from the contract.
 */
export const apiRoutes = {
  staffLogin: '/auth/staff/login',
  refresh: '/auth/refresh',
  logout: '/auth/logout',
  staffMe: '/staff/me',
  staffMembers: '/staff/members',
  staffMemberOverview: '/staff/members/overview',
  staffMember: (id: string) => `/staff/members/${id}` as const,
  staffStores: '/staff/stores',
  storeQrCode: (id: string) => `/staff/stores/${id}/qrcode` as const,
} as const satisfies Pick<
  ContractRoutes,
  'staffLogin' | 'refresh' | 'logout' | 'staffMe' | 'staffMembers' | 'staffMemberOverview' | 'staffMember' | 'staffStores' | 'storeQrCode'
>;
