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
