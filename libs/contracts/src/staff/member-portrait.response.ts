import type { MemberTagView } from '../member/tag.dto';
import type { ProfileCompletenessView } from '../member/privacy.dto';
import type { SkinProfileView, SkinResultSummary } from '../skin/skin-test.dto';
import type { MemberDetailResponse } from './member-detail.response';

/** The skin section of a portrait; null fields mean the member has not consented or not taken a test. */
export interface PortraitSkinSection {
  consent: { version: string; grantedAt: string | null; revokedAt: string | null } | null;
  current: (SkinProfileView & { resultId: string; takenAt: string }) | null;
  history: SkinResultSummary[];
  /** Answers of the latest result, question by question, as the member gave them. */
  latestAnswers: { question: string; answer: string }[];
}

/**
 * The member portrait for staff: each module fills its own section.
 * Sections not yet delivered (purchases, points) are absent, so clients render them when they appear.
 */
export interface MemberPortraitResponse {
  member: MemberDetailResponse;
  status: 'active' | 'deleted';
  completeness: ProfileCompletenessView;
  tags: MemberTagView[];
  sections: {
    skin?: PortraitSkinSection;
    [section: string]: unknown;
  };
}
