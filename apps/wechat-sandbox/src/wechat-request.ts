import type { SandboxContext } from './sandbox-context';

/** Fastify hands repeated query keys over as arrays; WeChat reads the first one. */
export type QueryRecord = Record<string, string | string[] | undefined>;

export type JsonObject = Record<string, unknown>;

export function queryValue(query: QueryRecord, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * WeChat reads POST bodies as JSON text whatever the Content-Type says, and refuses form posts. Bodies reach the
 * routes as raw strings (see the catch-all parser in sandbox.ts) so this is the only place that decides.
 */
export function readJsonBody(raw: unknown): { ok: true; value: JsonObject } | { ok: false; errcode: 44002 | 47001 } {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: false, errcode: 44002 };
  if (typeof raw !== 'string') return { ok: false, errcode: 47001 };
  try {
    const value: unknown = JSON.parse(raw);
    if (isJsonObject(value)) return { ok: true, value };
  } catch {
    // Not JSON, e.g. a form post: reported below like any other non-object body.
  }
  return { ok: false, errcode: 47001 };
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the errcode a protected API answers for this `access_token` query parameter, or null when it is valid. */
export function accessTokenError(ctx: SandboxContext, query: QueryRecord): number | null {
  const check = ctx.state.tokens.check(queryValue(query, 'access_token'));
  return check.ok ? null : check.errcode;
}
