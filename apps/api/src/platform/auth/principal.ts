import type { SessionKind, StaffRole } from '@glow/contracts';

/** Who is calling, as read from a verified access token. */
export type Principal =
  | { kind: 'pre_member'; openid: string }
  | { kind: 'member'; openid: string; memberId: string }
  | { kind: 'staff'; staffId: string; role: StaffRole; storeId: string | null };

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
export type MemberPrincipal = Extract<Principal, { kind: 'member' }>;

/** The claims inside an access token. */
export interface AccessClaims {
  sub: string;
  knd: SessionKind;
  mid?: string;
  rol?: StaffRole;
  sto?: string | null;
}

/** The store a staff member is limited to: advisors and store managers see their own store, marketers and admins all. */
export function storeScopeOf(who: StaffPrincipal): string | null {
  return who.role === 'advisor' || who.role === 'store_manager' ? who.storeId : null;
}
