import type { QuestionnaireDetail, QuestionnaireSummary, SaveQuestionnaireDraftDto } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export function listQuestionnaires(signal?: AbortSignal): Promise<QuestionnaireSummary[]> {
  return http.json<QuestionnaireSummary[]>(apiRoutes.staffQuestionnaires, { signal });
}

export function getQuestionnaire(id: string, signal?: AbortSignal): Promise<QuestionnaireDetail> {
  return http.json<QuestionnaireDetail>(apiRoutes.staffQuestionnaire(id), { signal });
}

/** Creates the questionnaire with `body` as its draft version 1. */
export function createQuestionnaire(body: SaveQuestionnaireDraftDto): Promise<QuestionnaireDetail> {
  return http.json<QuestionnaireDetail>(apiRoutes.staffQuestionnaires, { method: 'POST', body });
}

/** Replaces the draft, or opens the next draft version from `body` when there is none. */
export function saveQuestionnaireDraft(id: string, body: SaveQuestionnaireDraftDto): Promise<QuestionnaireDetail> {
  return http.json<QuestionnaireDetail>(apiRoutes.staffQuestionnaireDraft(id), { method: 'PUT', body });
}

/** `version` is the draft the author saw: the API refuses (409) when someone saved another draft meanwhile. */
export function publishQuestionnaire(id: string, version: number): Promise<QuestionnaireDetail> {
  return http.json<QuestionnaireDetail>(apiRoutes.staffQuestionnairePublish(id), { method: 'POST', body: { version } });
}

/** Makes this (published) questionnaire the skin test members take. */
export function makeQuestionnairePrimary(id: string): Promise<QuestionnaireDetail> {
  return http.json<QuestionnaireDetail>(apiRoutes.staffQuestionnairePrimary(id), { method: 'POST' });
}

export const questionnaireKeys = {
  all: ['questionnaires'] as const,
  list: ['questionnaires', 'list'] as const,
  detail: (id: string) => ['questionnaires', 'detail', id] as const,
};
