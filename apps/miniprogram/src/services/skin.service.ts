import type {
  RecommendationClickDto,
  RecommendationContext,
  SaveAnswerDto,
  SkinConsentDto,
  SkinConsentState,
  SkinRecommendations,
  SkinResultResponse,
  SkinResultSummary,
  SkinSessionState,
  SkinTestResponse,
  StartSkinSessionDto,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';

/** The published skin test, the member's sensitive-data consent, an unfinished session and the latest result. */
export function getSkinTest(): Promise<SkinTestResponse> {
  return memberHttp.get<SkinTestResponse>(apiRoutes.skinTest);
}

/** The separate consent to process skin data, for the notice version the member read. */
export function grantSkinConsent(version: string): Promise<SkinConsentState> {
  const body: SkinConsentDto = { version };
  return memberHttp.post<SkinConsentState>(apiRoutes.skinConsent, body);
}

/** Withdraws the skin-data consent; the API erases every skin answer, session and result. */
export async function revokeSkinConsent(): Promise<void> {
  await memberHttp.delete<unknown>(apiRoutes.skinConsent);
}

/** Starts a session, or resumes the open one of that questionnaire version. */
export function startSkinSession(questionnaireId: string, version: number): Promise<SkinSessionState> {
  const body: StartSkinSessionDto = { questionnaireId, version };
  return memberHttp.post<SkinSessionState>(apiRoutes.skinSessions, body);
}

export function saveSkinAnswer(sessionId: string, questionKey: string, answer: SaveAnswerDto): Promise<SkinSessionState> {
  return memberHttp.put<SkinSessionState>(apiRoutes.skinSessionAnswer(encodeURIComponent(sessionId), encodeURIComponent(questionKey)), answer);
}

/** Scores the answers; the result comes back with its recommendations. */
export function submitSkinSession(sessionId: string): Promise<SkinResultResponse> {
  return memberHttp.post<SkinResultResponse>(apiRoutes.skinSessionSubmit(encodeURIComponent(sessionId)));
}

/** The member's results, newest first. */
export function listSkinResults(): Promise<SkinResultSummary[]> {
  return memberHttp.get<SkinResultSummary[]>(apiRoutes.skinResults);
}

export function getSkinResult(id: string): Promise<SkinResultResponse> {
  return memberHttp.get<SkinResultResponse>(apiRoutes.skinResult(encodeURIComponent(id)));
}

/** Records a tap on a recommended product; counted once per served list and product. */
export async function recordRecommendationClick(servedId: string, productId: string): Promise<void> {
  const body: RecommendationClickDto = { servedId, productId };
  await memberHttp.post<unknown>(apiRoutes.skinRecommendationClicks, body);
}

/** Products for the member's latest skin profile; 404 SKIN_PROFILE_MISSING until a skin test is done. */
export function getSkinRecommendations(context: RecommendationContext): Promise<SkinRecommendations> {
  return memberHttp.get<SkinRecommendations>(`${apiRoutes.skinRecommendations}?context=${context}`);
}
