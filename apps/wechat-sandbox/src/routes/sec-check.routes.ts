import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { SEC_CHECK_LABELS, SEC_CHECK_REVIEW_MARKERS } from '../state/sec-check-words';
import { requestId, wechatError } from '../wechat-error';
import { accessTokenError, readJsonBody, type JsonObject, type QueryRecord } from '../wechat-request';

export const MSG_SEC_CHECK_PATH = '/wxa/msg_sec_check';

const MAX_CONTENT_CHARS = 2500;
const SCENES: readonly number[] = [1, 2, 3, 4];
/** The user must have visited the mini program within the last 2 hours (§7); a login is how the sandbox sees a visit. */
const VISIT_WINDOW_MS = 2 * 3600 * 1000;
/** The confidence the emulated content model reports; the real one is a percentage too. */
const MODEL_PROB = 90;

export type SecCheckSuggest = 'pass' | 'review' | 'risky';

type SecCheckRequest = { openid: string; texts: string[] };

type Verdict = { suggest: SecCheckSuggest; label: number; keyword: string | null };

/** Checks the body; returns the errcode of the first problem. Where WeChat does not say which code, the choice is noted. */
function parseSecCheckRequest(body: JsonObject): SecCheckRequest | number {
  const { version, openid, scene, content, nickname, title, signature } = body;
  if (version === undefined || openid === undefined || scene === undefined || content === undefined) return 44002;
  // v1 (no version) was retired in 2021; any version but 2 is a malformed request.
  if (version !== 2) return 47001;
  if (typeof openid !== 'string' || typeof content !== 'string') return 47001;
  if (openid === '' || content === '') return 44002;
  if (typeof scene !== 'number' || !SCENES.includes(scene)) return 40129;
  if ([...content].length > MAX_CONTENT_CHARS) return 47001;
  const optional = [nickname, title, signature];
  if (optional.some((value) => value !== undefined && typeof value !== 'string')) return 47001;
  // WeChat checks the nickname, title and signature (profile scene only) along with the content.
  const extra = [nickname, title, scene === 1 ? signature : undefined].filter((value): value is string => typeof value === 'string');
  return { openid, texts: [content, ...extra] };
}

/**
 * The emulated check is deterministic: a configured keyword makes the text risky with that keyword's label; otherwise
 * a review marker makes it `review` (21000, 其他); anything else passes (100).
 */
function judge(texts: readonly string[], words: ReadonlyMap<string, number>): Verdict {
  for (const [keyword, label] of words) {
    if (texts.some((text) => text.includes(keyword))) return { suggest: 'risky', label, keyword };
  }
  if (texts.some((text) => SEC_CHECK_REVIEW_MARKERS.some((marker) => text.includes(marker)))) {
    return { suggest: 'review', label: SEC_CHECK_LABELS.other, keyword: null };
  }
  return { suggest: 'pass', label: SEC_CHECK_LABELS.normal, keyword: null };
}

/** The §7 response: the keyword strategy names the word it hit; without a hit it carries only its errcode, as WeChat's does. */
function secCheckResponse(verdict: Verdict) {
  const modelVerdict = verdict.suggest === 'review' ? verdict : { suggest: 'pass', label: SEC_CHECK_LABELS.normal };
  const keywordDetail =
    verdict.keyword === null
      ? { strategy: 'keyword', errcode: 0 }
      : { strategy: 'keyword', errcode: 0, suggest: 'risky', label: verdict.label, keyword: verdict.keyword };
  return {
    errcode: 0,
    errmsg: 'ok',
    detail: [{ strategy: 'content_model', errcode: 0, suggest: modelVerdict.suggest, label: modelVerdict.label, prob: MODEL_PROB }, keywordDetail],
    trace_id: requestId(),
    result: { suggest: verdict.suggest, label: verdict.label },
  };
}

export function registerSecCheckRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // WeChat answers a GET (or any other method) with an errcode rather than 404.
  app.route({ method: ['GET', 'PUT', 'DELETE', 'PATCH'], url: MSG_SEC_CHECK_PATH, handler: async () => wechatError(43302) });

  app.post<{ Querystring: QueryRecord }>(MSG_SEC_CHECK_PATH, async (request) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const parsed = parseSecCheckRequest(body.value);
    if (typeof parsed === 'number') return wechatError(parsed);

    // WeChat does not document the errcode for a user who has not visited lately (§11.2); the sandbox chooses 40003.
    const lastLoginAt = ctx.state.findUser(parsed.openid)?.lastLoginAt ?? null;
    if (lastLoginAt === null || ctx.now() - lastLoginAt >= VISIT_WINDOW_MS) return wechatError(40003);

    return secCheckResponse(judge(parsed.texts, ctx.state.secCheckWords));
  });
}
