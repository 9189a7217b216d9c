import { isApiError } from '../services/http';

/**
 * A new idempotency key for one intended operation (letters, digits, `-`; fits the API's IDEMPOTENCY_KEY_PATTERN).
 * It only has to be unique among one member's own operations, so the time plus random digits is plenty; WeChat's
 * secure random source is asynchronous and not worth the wait here.
 */
export function newIdempotencyKey(prefix: string, now: number = Date.now(), random: () => number = Math.random): string {
  const noise = Array.from({ length: 3 }, () => Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')).join('');
  return `${prefix}-${now.toString(36)}-${noise}`;
}

/**
 * Whether the API may have carried out a request that failed: nothing came back (offline, timeout) or a server or
 * proxy error did. A retry must then repeat the same idempotency key, so that the API answers the first outcome
 * instead of doing the operation twice. An answered refusal (4xx) means nothing was done.
 */
export function outcomeUnknown(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status >= 500;
}

/** Holds the key of one intended operation from the first attempt until the API has answered it. */
export interface PendingKey {
  /** The key of the operation in progress, made on first use and repeated by every retry. */
  take(): string;
  /** The API answered (done or refused): the next attempt is a new operation with a new key. */
  settle(): void;
}

export function pendingKey(make: () => string): PendingKey {
  let key: string | null = null;
  return {
    take: () => {
      key ??= make();
      return key;
    },
    settle: () => {
      key = null;
    },
  };
}

const pendingByScope = new Map<string, PendingKey>();

/**
 * The pending key of one operation target (e.g. `redeem:<rewardId>`) for this run of the app. It outlives the page,
 * so a member who got no answer, went back and tried again from a new page still repeats the first key.
 */
export function pendingKeyFor(scope: string, make: () => string): PendingKey {
  let pending = pendingByScope.get(scope);
  if (!pending) {
    pending = pendingKey(make);
    pendingByScope.set(scope, pending);
  }
  return pending;
}
