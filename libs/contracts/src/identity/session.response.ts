export type StaffRole = 'advisor' | 'store_manager' | 'marketer' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['advisor', 'store_manager', 'marketer', 'admin'];

/** Who a token speaks for: a WeChat user who has not joined yet, a member, or staff. */
export type SessionKind = 'pre_member' | 'member' | 'staff';

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

export interface MemberSessionResponse extends TokenPair {
  kind: 'pre_member' | 'member';
  memberId: string | null;
}

export interface StaffProfile {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  storeId: string | null;
  storeName: string | null;
}

export interface StaffSessionResponse extends TokenPair {
  kind: 'staff';
  staff: StaffProfile;
}

export type SessionResponse = MemberSessionResponse | StaffSessionResponse;
