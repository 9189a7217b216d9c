import type { MemberCodeResponse } from '@glow/contracts';

/**
 * The longest the API accepts a member code after issuing it (docs/loyalty.md: a 5-minute lifetime). The page never
 * shows a code for longer, whatever `expiresAt` says, because a till would refuse it.
 */
export const MEMBER_CODE_LIFETIME_MS = 5 * 60_000;

/** How soon to ask again after a refresh failed, so a fresh code appears soon after the network comes back. */
export const RETRY_AFTER_FAILURE_MS = 10_000;

/** Never ask more often than this, even if the API said so, to spare the battery and the API. */
const MIN_REFRESH_MS = 5_000;

export const MEMBER_CODE_EXPIRED_NOTE = '会员码已过期，请联网刷新';

/** A member code as the page holds it; instants are on the device clock, in milliseconds. */
export interface HeldMemberCode {
  code: string;
  /** The code is shown until this instant. */
  validUntil: number;
  /** A fresh code is asked for at this instant. */
  refreshAt: number;
}

export type RefreshFailureKind = 'network' | 'server';

export interface MemberCodeState {
  /** The last code received; kept while refreshes fail, until it expires. */
  held: HeldMemberCode | null;
  /** Why the latest refresh failed; null when it succeeded or none has finished yet. */
  failure: { kind: RefreshFailureKind; message: string } | null;
}

export const INITIAL_MEMBER_CODE_STATE: MemberCodeState = { held: null, failure: null };

/**
 * The state after the API answered a code at `receivedAt`.
 *
 * The API's `expiresAt` is on its clock and the device clock may be off. The code is valid from its receipt for what
 * `expiresAt` leaves, but never longer than the code's whole lifetime (a device clock running behind would otherwise
 * show a code the till refuses). When nothing is left (a device clock running ahead), only the refresh period the
 * API gave is trusted. Either way a skewed clock makes the code disappear early, never late.
 */
export function receiveMemberCode(response: MemberCodeResponse, receivedAt: number): MemberCodeState {
  const left = Date.parse(response.expiresAt) - receivedAt;
  const refreshMs = Math.max(MIN_REFRESH_MS, response.refreshAfterSec * 1000);
  const lifetime = Number.isFinite(left) && left > 0 ? Math.min(left, MEMBER_CODE_LIFETIME_MS) : refreshMs;
  return {
    held: { code: response.code, validUntil: receivedAt + lifetime, refreshAt: receivedAt + Math.min(refreshMs, lifetime) },
    failure: null,
  };
}

/** The state after a refresh failed: the last code stays, with the reason. */
export function refreshFailed(state: MemberCodeState, kind: RefreshFailureKind, message: string): MemberCodeState {
  return { held: state.held, failure: { kind, message } };
}

/** Milliseconds until the next refresh: at the code's refresh time, or soon after a failure. */
export function nextRefreshDelay(state: MemberCodeState, now: number): number {
  if (state.failure) return RETRY_AFTER_FAILURE_MS;
  if (!state.held) return 0;
  return Math.max(0, state.held.refreshAt - now);
}

export type MemberCodeView =
  | { kind: 'loading' }
  /** No code could be fetched at all (e.g. offline on the first open). */
  | { kind: 'unavailable'; message: string }
  /** A code fresh from the API; the countdown is to the next automatic refresh. */
  | { kind: 'live'; code: string; refreshInSec: number }
  /** The last refresh failed; the code still works at the till until it expires. */
  | { kind: 'offline'; code: string; secondsLeft: number; note: string }
  | { kind: 'expired'; note: string };

/** What the page shows at `now`. */
export function memberCodeView(state: MemberCodeState, now: number): MemberCodeView {
  const { held, failure } = state;
  if (!held) return failure ? { kind: 'unavailable', message: failure.message } : { kind: 'loading' };
  if (now >= held.validUntil) {
    // Without a failure a refresh is on its way (the page was just shown again), so wait for it.
    return failure ? { kind: 'expired', note: MEMBER_CODE_EXPIRED_NOTE } : { kind: 'loading' };
  }
  if (failure) {
    const secondsLeft = Math.ceil((held.validUntil - now) / 1000);
    const reason = failure.kind === 'network' ? '网络不可用' : '会员码刷新失败';
    return { kind: 'offline', code: held.code, secondsLeft, note: `${reason}，会员码在 ${formatCountdown(secondsLeft)} 内仍然有效` };
  }
  return { kind: 'live', code: held.code, refreshInSec: Math.max(0, Math.ceil((held.refreshAt - now) / 1000)) };
}

/** `mm:ss` of a number of seconds (never negative). */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** The code in groups of four, so an advisor typing it at the till does not lose their place. */
export function codeGroups(code: string): string[] {
  return code.match(/.{1,4}/g) ?? [];
}
