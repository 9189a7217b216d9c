import type { MemberSessionResponse } from '@glow/contracts';
import { loginWithCode, refreshSession } from './auth.service';
import { http, isApiError, type TokenSource } from './http';
import { getLoginCode } from './wechat-auth.service';

export interface MemberSessionDeps {
  loginCode: () => Promise<string>;
  login: (code: string) => Promise<MemberSessionResponse>;
  refresh: (refreshToken: string) => Promise<MemberSessionResponse>;
}

/**
 * The signed-in WeChat user (pre-member or member) for this run of the app, kept in memory only.
 * Renewing is single-flight: however many requests see an expired token at once, one refresh (or one login)
 * runs and all of them wait for it. A refresh token is spent by use, so two parallel refreshes would make
 * the API see a reused token and sign the user out.
 */
export class MemberSession implements TokenSource {
  private session: MemberSessionResponse | null = null;
  private pending: Promise<MemberSessionResponse> | null = null;

  constructor(private readonly deps: MemberSessionDeps) {}

  get current(): MemberSessionResponse | null {
    return this.session;
  }

  /** The current session, logging in with a new WeChat code first if there is none. */
  start(): Promise<MemberSessionResponse> {
    if (this.session) return Promise.resolve(this.session);
    return this.once(() => this.login());
  }

  /** Adopts the member session the API returned on joining; the pre-member tokens are dead from now on. */
  replace(session: MemberSessionResponse): void {
    this.session = session;
  }

  /**
   * Forgets the session after the account was deleted (the API has already ended it). The next call logs in
   * again with a new WeChat code and gets a pre-member session, as for anyone who has not joined.
   */
  clear(): void {
    this.session = null;
  }

  async accessToken(): Promise<string> {
    return (await this.start()).accessToken;
  }

  async renew(staleToken: string): Promise<string> {
    // Another request already renewed while this one was in flight.
    if (this.session && this.session.accessToken !== staleToken) return this.session.accessToken;
    return (await this.once(() => this.refreshOrLogin())).accessToken;
  }

  private async refreshOrLogin(): Promise<MemberSessionResponse> {
    const refreshToken = this.session?.refreshToken;
    if (refreshToken) {
      try {
        return await this.deps.refresh(refreshToken);
      } catch (error) {
        // Expired, revoked or reused (AUTH_REFRESH_TOKEN_*): start over with a new WeChat code.
        // Anything else (network, 5xx) would fail the login just the same, so it goes to the caller.
        if (!isApiError(error) || (error.status !== 401 && error.status !== 400)) throw error;
        this.session = null;
      }
    }
    return this.login();
  }

  private async login(): Promise<MemberSessionResponse> {
    return this.deps.login(await this.deps.loginCode());
  }

  private once(task: () => Promise<MemberSessionResponse>): Promise<MemberSessionResponse> {
    if (!this.pending) {
      this.pending = task().then(
        (session) => {
          this.session = session;
          this.pending = null;
          return session;
        },
        (error: unknown) => {
          this.pending = null;
          throw error;
        },
      );
    }
    return this.pending;
  }
}

export const memberSession = new MemberSession({ loginCode: getLoginCode, login: loginWithCode, refresh: refreshSession });

/** The Glow API as the signed-in member (or pre-member). */
export const memberHttp = http.withTokens(memberSession);
