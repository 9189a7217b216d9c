import { newAccessToken } from './random-id';

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
/** WeChat keeps a superseded token working this long so callers can hand over without errors. */
const HANDOVER_MS = 300 * SECOND;
const FORCE_REFRESH_PER_DAY = 20;
const FORCE_REFRESH_MIN_GAP_MS = 30 * SECOND;
/** WeChat's quota days follow Beijing time. */
const BEIJING_OFFSET_MS = 8 * 3600 * SECOND;

type TokenRecord = {
  value: string;
  expiresAt: number;
  /** When a newer token replaced this one; it stops working then even if not expired. */
  revokedAt: number | null;
};

export type IssuedToken = { access_token: string; expires_in: number };

export type TokenCheck = { ok: true } | { ok: false; errcode: 40001 | 40014 | 41001 | 42001 };

/** Anything that could be a token we issued: url-safe characters, long. Otherwise WeChat says 40014. */
const TOKEN_SHAPE = /^[0-9A-Za-z_-]{32,512}$/;

/**
 * Access tokens of both kinds. Classic (`/cgi-bin/token`) and stable (`/cgi-bin/stable_token`) tokens are isolated:
 * issuing one kind never retires the other.
 */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private latestClassic: TokenRecord | null = null;
  private latestStable: TokenRecord | null = null;
  private forceRefreshes: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** Stable tokens rotate this long before expiry; a TTL shorter than twice the window would rotate on every call. */
  private get rotateBeforeMs(): number {
    return Math.min(HANDOVER_MS, Math.floor(this.ttlMs / 2));
  }

  /** Every fetch makes a new token; the previous one keeps working for the 5-minute hand-over only. */
  issueClassic(): IssuedToken {
    const now = this.now();
    const previous = this.latestClassic;
    if (previous) previous.revokedAt = Math.min(previous.revokedAt ?? Infinity, now + HANDOVER_MS);
    this.latestClassic = this.create(now);
    return this.describe(this.latestClassic, now);
  }

  /**
   * Normal mode returns the current token until 5 minutes before expiry, so a returned token always has
   * `expires_in >= 300`. A forced refresh retires the current token at once, but only 20 times a day and 30 s apart;
   * beyond that WeChat silently behaves as in normal mode.
   */
  issueStable(forceRefresh: boolean): IssuedToken {
    const now = this.now();
    const current = this.latestStable && this.isAlive(this.latestStable, now) ? this.latestStable : null;
    if (forceRefresh && this.mayForceRefresh(now)) {
      this.forceRefreshes.push(now);
      if (current) current.revokedAt = now;
      this.latestStable = this.create(now);
    } else if (!current || current.expiresAt - now <= this.rotateBeforeMs) {
      // The outgoing token keeps working until its own expiry, which is within the hand-over window.
      this.latestStable = this.create(now);
    }
    return this.describe(this.latestStable as TokenRecord, now);
  }

  check(value: string | undefined): TokenCheck {
    if (!value) return { ok: false, errcode: 41001 };
    if (!TOKEN_SHAPE.test(value)) return { ok: false, errcode: 40014 };
    const record = this.tokens.get(value);
    if (!record) return { ok: false, errcode: 40001 };
    const now = this.now();
    if (this.isAlive(record, now)) return { ok: true };
    // A token replaced before it expired is "not latest" (40001); one that ran out first is "expired" (42001).
    const replacedFirst = record.revokedAt !== null && record.revokedAt < record.expiresAt;
    return { ok: false, errcode: replacedFirst ? 40001 : 42001 };
  }

  /** Ends every token now, as if 2 hours had passed, so callers can exercise their 42001 refresh path. */
  expireAll(): number {
    const now = this.now();
    let count = 0;
    for (const record of this.tokens.values()) {
      if (!this.isAlive(record, now)) continue;
      record.expiresAt = now;
      count += 1;
    }
    return count;
  }

  private mayForceRefresh(now: number): boolean {
    const today = Math.floor((now + BEIJING_OFFSET_MS) / DAY);
    this.forceRefreshes = this.forceRefreshes.filter((at) => Math.floor((at + BEIJING_OFFSET_MS) / DAY) === today);
    const last = this.forceRefreshes.at(-1);
    if (this.forceRefreshes.length >= FORCE_REFRESH_PER_DAY) return false;
    return last === undefined || now - last >= FORCE_REFRESH_MIN_GAP_MS;
  }

  private isAlive(record: TokenRecord, now: number): boolean {
    return now < record.expiresAt && (record.revokedAt === null || now < record.revokedAt);
  }

  private create(now: number): TokenRecord {
    const record: TokenRecord = { value: newAccessToken(), expiresAt: now + this.ttlMs, revokedAt: null };
    this.tokens.set(record.value, record);
    return record;
  }

  private describe(record: TokenRecord, now: number): IssuedToken {
    return { access_token: record.value, expires_in: Math.floor((record.expiresAt - now) / SECOND) };
  }
}
