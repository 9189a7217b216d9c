import type { SubscribeTemplateKey } from '@glow/domain';
import type { Gender } from './join.dto';
import type { MemberSessionResponse } from '../identity/session.response';
import type { ProfileCompletenessView } from './privacy.dto';

export interface MemberProfile {
  id: string;
  memberNo: string;
  nickname: string | null;
  avatarUrl: string | null;
  /** Masked, e.g. `138****8000`; the full number never leaves the API for a consumer. */
  phoneMasked: string;
  gender: Gender;
  birthday: string | null;
  city: string | null;
  referralCode: string;
  joinedAt: string;
  store: { id: string; name: string } | null;
  advisor: { id: string; name: string } | null;
}

export interface MemberHomeResponse {
  profile: MemberProfile;
  /** Placeholder until the loyalty module lands. */
  tier: { code: string; name: string };
  /** Placeholder until the loyalty module lands. */
  points: { balance: number };
  consent: { version: string; grantedAt: string };
  /** How complete the profile is, with a nudge toward what is missing. */
  completeness: ProfileCompletenessView;
}

/** Joining returns the new member home plus a member session replacing the pre-member one. */
export interface JoinResponse {
  home: MemberHomeResponse;
  session: MemberSessionResponse;
  /** True when the phone already belonged to a member (e.g. from a store purchase) and this WeChat user was linked to them. */
  linkedExisting: boolean;
}

export interface PrivacyPolicyResponse {
  version: string;
  title: string;
  content: string;
  publishedAt: string;
}

export interface ClientConfigResponse {
  /** True when the API talks to the WeChat sandbox and H5 clients may mint login codes from it. */
  demoMode: boolean;
  sandboxUrl: string | null;
  appId: string;
  /** WeChat subscribe-message template ids by purpose, for `wx.requestSubscribeMessage`. */
  subscribeTemplates: Record<SubscribeTemplateKey, string>;
}
