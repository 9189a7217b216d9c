import type { KbArticleDto, KbArticleView, KbMatchResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** Every FAQ article the bot answers from, with how often it answered and how often members then asked for a person. */
export function listKbArticles(signal?: AbortSignal): Promise<KbArticleView[]> {
  return http.json<KbArticleView[]>(apiRoutes.staffKb, { signal });
}

export function createKbArticle(body: KbArticleDto): Promise<KbArticleView> {
  return http.json<KbArticleView>(apiRoutes.staffKb, { method: 'POST', body });
}

export function updateKbArticle(id: string, body: KbArticleDto): Promise<KbArticleView> {
  return http.json<KbArticleView>(apiRoutes.staffKbArticle(id), { method: 'PATCH', body });
}

export function deleteKbArticle(id: string): Promise<void> {
  return http.json<void>(apiRoutes.staffKbArticle(id), { method: 'DELETE' });
}

/** What the bot would answer to `question`, and the other candidates it weighed. */
export function matchKb(question: string): Promise<KbMatchResponse> {
  return http.json<KbMatchResponse>(apiRoutes.staffKbMatch, { method: 'POST', body: { question } });
}

export const kbKeys = {
  all: ['kb'] as const,
  list: ['kb', 'list'] as const,
};
