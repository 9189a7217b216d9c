import type { Gender } from '../member/join.dto';

export interface MemberSummary {
  id: string;
  memberNo: string;
  name: string | null;
  nickname: string | null;
  phoneMasked: string;
  city: string | null;
  storeName: string | null;
  advisorName: string | null;
  joinedAt: string;
}

export interface MemberDetailResponse {
  id: string;
  memberNo: string;
  name: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  /** Full phone, shown to staff only; reading it is audited. */
  phone: string;
  gender: Gender;
  birthday: string | null;
  city: string | null;
  joinedAt: string;
  channel: 'wechat' | 'store';
  store: { id: string; name: string } | null;
  advisor: { id: string; name: string } | null;
  referralCode: string;
  consents: { kind: string; version: string; grantedAt: string; revokedAt: string | null }[];
  /** The most recent staff reads of this member, newest first. */
  recentAccess: { staffName: string; action: string; at: string }[];
  auditNote: string;
}

export interface StoreSummary {
  id: string;
  code: string;
  name: string;
  city: string;
  address: string;
}
