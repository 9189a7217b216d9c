import { CustomerServiceStore } from './customer-service-store';
import { MediaStore } from './media-store';
import { newOpenid, randomHex } from './random-id';
import { DEFAULT_SEC_CHECK_WORDS } from './sec-check-words';
import { SubscribeStore } from './subscribe-store';
import type { SubscribeTemplate } from './subscribe-templates';
import { TokenStore } from './token-store';

/** wx.login and getPhoneNumber codes both live 5 minutes. */
const CODE_TTL_MS = 300_000;
const LOGIN_CALLS_PER_USER_PER_MINUTE = 100;

export type SandboxUser = {
  openid: string;
  unionid: string | null;
  /** purePhoneNumber, without country code. */
  phone: string | null;
  countryCode: string;
  blocked: boolean;
  /** When code2Session last succeeded for this user: msgSecCheck wants a visit within the last 2 hours. */
  lastLoginAt: number | null;
};

export type UserPatch = Partial<Omit<SandboxUser, 'openid' | 'lastLoginAt'>>;

type LoginCode = { openid: string; issuedAt: number; used: boolean };

/** The number is copied at issue time: the code stands for what the user picked, even if the number changes later. */
type PhoneCode = { openid: string; phone: string; countryCode: string; issuedAt: number; used: boolean };

export const FAULT_ENDPOINTS = ['jscode2session', 'getuserphonenumber', 'getwxacodeunlimit', 'message/subscribe/send'] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

/** What an injected fault answers; without an errmsg the endpoint answers WeChat's usual text for the errcode. */
export type Fault = { errcode: number; errmsg?: string };

export type LoginOutcome = { ok: true; user: SandboxUser } | { ok: false; errcode: 40029 | 40163 | 40226 | 45011 };
export type PhoneOutcome =
  | { ok: true; phone: string; countryCode: string; issuedAt: number }
  | { ok: false; errcode: 40029 };

export class SandboxState {
  tokens: TokenStore;
  subscriptions: SubscribeStore;
  customerService: CustomerServiceStore;
  media: MediaStore;
  /** msgSecCheck's risky keywords and the label each one answers, e.g. 赌博 → 20006. */
  secCheckWords: Map<string, number>;
  private readonly users = new Map<string, SandboxUser>();
  private readonly loginCodes = new Map<string, LoginCode>();
  private readonly phoneCodes = new Map<string, PhoneCode>();
  private readonly loginCalls = new Map<string, { minute: number; count: number }>();
  private readonly faults = new Map<FaultEndpoint, (Fault & { remaining: number })[]>();
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly tokenTtlMs: number,
    private readonly subscribeTemplates: readonly SubscribeTemplate[],
  ) {
    this.tokens = new TokenStore(now, tokenTtlMs);
    this.subscriptions = new SubscribeStore(now, subscribeTemplates);
    this.customerService = new CustomerServiceStore(now);
    this.media = new MediaStore(now);
    this.secCheckWords = new Map(Object.entries(DEFAULT_SEC_CHECK_WORDS));
  }

  /**
   * Back to the state at start: the configured templates stay, templates added later go with everything else; the
   * risky keywords return to the defaults.
   */
  reset(): void {
    this.tokens = new TokenStore(this.now, this.tokenTtlMs);
    this.subscriptions = new SubscribeStore(this.now, this.subscribeTemplates);
    this.customerService = new CustomerServiceStore(this.now);
    this.media = new MediaStore(this.now);
    this.secCheckWords = new Map(Object.entries(DEFAULT_SEC_CHECK_WORDS));
    for (const map of [this.users, this.loginCodes, this.phoneCodes, this.loginCalls, this.faults, this.calls]) map.clear();
  }

  findUser(openid: string): SandboxUser | undefined {
    return this.users.get(openid);
  }

  upsertUser(openid: string | undefined, patch: UserPatch): { user: SandboxUser; created: boolean } {
    const existing = openid === undefined ? undefined : this.users.get(openid);
    const user: SandboxUser = existing ?? {
      openid: openid ?? newOpenid(),
      unionid: null,
      phone: null,
      countryCode: '86',
      blocked: false,
      lastLoginAt: null,
    };
    if (patch.unionid !== undefined) user.unionid = patch.unionid;
    if (patch.phone !== undefined) user.phone = patch.phone;
    if (patch.countryCode !== undefined) user.countryCode = patch.countryCode;
    if (patch.blocked !== undefined) user.blocked = patch.blocked;
    this.users.set(user.openid, user);
    return { user, created: !existing };
  }

  issueLoginCode(openid: string): string {
    const code = randomHex(32);
    this.loginCodes.set(code, { openid, issuedAt: this.now(), used: false });
    return code;
  }

  /** Returns null when the user has no phone to hand out. */
  issuePhoneCode(openid: string): string | null {
    const user = this.users.get(openid);
    if (!user?.phone) return null;
    const code = randomHex(64);
    this.phoneCodes.set(code, { openid, phone: user.phone, countryCode: user.countryCode, issuedAt: this.now(), used: false });
    return code;
  }

  /**
   * code2Session rules: a code works once within 5 minutes; every attempt counts against the user's
   * 100-a-minute quota, and a blocked (high-risk) user is refused before the code is looked at further.
   */
  redeemLoginCode(code: string): LoginOutcome {
    const entry = this.loginCodes.get(code);
    const user = entry && this.users.get(entry.openid);
    if (!entry || !user) return { ok: false, errcode: 40029 };
    const now = this.now();
    if (!this.countLoginCall(user.openid, now)) return { ok: false, errcode: 45011 };
    if (user.blocked) return { ok: false, errcode: 40226 };
    if (entry.used) return { ok: false, errcode: 40163 };
    if (now - entry.issuedAt >= CODE_TTL_MS) return { ok: false, errcode: 40029 };
    entry.used = true;
    user.lastLoginAt = now;
    return { ok: true, user };
  }

  /**
   * A phone code works once within 5 minutes. When the caller names an openid, WeChat checks the code belongs to it;
   * a mismatch is reported as 40029 and leaves the code usable by its rightful owner.
   */
  redeemPhoneCode(code: string, openid: string | undefined): PhoneOutcome {
    const entry = this.phoneCodes.get(code);
    if (!entry || entry.used || this.now() - entry.issuedAt >= CODE_TTL_MS) return { ok: false, errcode: 40029 };
    if (openid !== undefined && openid !== entry.openid) return { ok: false, errcode: 40029 };
    entry.used = true;
    return { ok: true, phone: entry.phone, countryCode: entry.countryCode, issuedAt: entry.issuedAt };
  }

  addFault(endpoint: FaultEndpoint, fault: Fault, times: number): void {
    const queue = this.faults.get(endpoint) ?? [];
    queue.push({ ...fault, remaining: times });
    this.faults.set(endpoint, queue);
  }

  /** What the next call to this endpoint must answer, if a fault is queued. */
  takeFault(endpoint: FaultEndpoint): Fault | null {
    const queue = this.faults.get(endpoint);
    const head = queue?.[0];
    if (!queue || !head) return null;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return { errcode: head.errcode, errmsg: head.errmsg };
  }

  /** How many calls to this endpoint will still fail, whichever control call queued the faults. */
  pendingFaults(endpoint: FaultEndpoint): number {
    return (this.faults.get(endpoint) ?? []).reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Drops the faults queued for this endpoint and says how many calls they would have failed. */
  clearFaults(endpoint: FaultEndpoint): number {
    const cleared = this.pendingFaults(endpoint);
    this.faults.delete(endpoint);
    return cleared;
  }

  recordCall(path: string): void {
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
  }

  callCount(path: string): number {
    return this.calls.get(path) ?? 0;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  /** WeChat's minute quota resets on the minute boundary ("retry next minute"), not on a sliding window. */
  private countLoginCall(openid: string, now: number): boolean {
    const minute = Math.floor(now / 60_000);
    const entry = this.loginCalls.get(openid);
    const count = entry && entry.minute === minute ? entry.count + 1 : 1;
    this.loginCalls.set(openid, { minute, count });
    return count <= LOGIN_CALLS_PER_USER_PER_MINUTE;
  }
}
