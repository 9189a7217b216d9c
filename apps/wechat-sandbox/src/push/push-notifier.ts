import { randomInt } from 'node:crypto';
import { pushNonce, pushSignature } from './push-crypto';
import { buildPushRequest, type InboundMessage, type PushConfig } from './push-message';

/** WeChat waits 5 s for the reply, then drops the connection and tries again, 3 attempts in all (§6d). */
export const PUSH_TIMEOUT_MS = 5_000;
export const PUSH_ATTEMPTS = 3;
/** Enough of the server's reply to see why it failed, without keeping a whole error page. */
const MAX_REPLY_CHARS = 2_000;

export type PushDelivery = {
  delivered: boolean;
  attempts: number;
  /** The HTTP status of the last attempt; null when the server could not be reached or did not answer in time. */
  lastStatus: number | null;
  lastBody: string | null;
};

export type UrlVerification = { ok: true } | { ok: false; reason: string };

type Reply = { status: number; body: string } | { status: null; error: string };

/** The server accepted the push: HTTP 200 with `success` or nothing (§6d). */
function accepted(reply: Reply): boolean {
  return reply.status === 200 && (reply.body === 'success' || reply.body === '');
}

/**
 * Talks to the developer's server as WeChat's message push does: the echostr handshake when the settings are saved,
 * then signed (and in safe mode encrypted) POSTs. Requests in flight are tracked so that a reset or closing the
 * sandbox aborts them.
 */
export class PushNotifier {
  private readonly inflight = new Set<AbortController>();
  /** Bumped by cancelAll(); a delivery started before a reset makes no further attempts. */
  private epoch = 0;
  private stopped = false;

  constructor(
    private readonly now: () => number,
    private readonly timeoutMs: number,
  ) {}

  /**
   * §6a: `GET url?signature&timestamp&nonce&echostr`; the server proves it holds the token by answering the echostr,
   * byte for byte, as the whole body.
   */
  async verify(config: PushConfig): Promise<UrlVerification> {
    const timestamp = String(this.seconds());
    const nonce = pushNonce();
    const echostr = `${randomInt(1_000_000_000, 9_999_999_999)}${randomInt(100_000_000, 999_999_999)}`;
    const url = new URL(config.url);
    url.searchParams.set('signature', pushSignature([config.token, timestamp, nonce]));
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    url.searchParams.set('echostr', echostr);
    const reply = await this.request(url.toString(), { method: 'GET' });
    if (reply.status === null) return { ok: false, reason: `${config.url} ${reply.error}` };
    if (reply.status !== 200) return { ok: false, reason: `${config.url} answered HTTP ${reply.status}` };
    if (reply.body !== echostr) return { ok: false, reason: `${config.url} answered ${JSON.stringify(reply.body)} instead of the echostr ${echostr}` };
    return { ok: true };
  }

  /** Up to 3 attempts, each signed afresh, until the server accepts; the last reply is reported. */
  async deliver(config: PushConfig, appId: string, message: InboundMessage, forge: boolean): Promise<PushDelivery> {
    const delivery: PushDelivery = { delivered: false, attempts: 0, lastStatus: null, lastBody: null };
    const epoch = this.epoch;
    while (delivery.attempts < PUSH_ATTEMPTS && !this.stopped && epoch === this.epoch) {
      const { url, body, contentType } = buildPushRequest(config, appId, message, { timestamp: this.seconds(), nonce: pushNonce(), forge });
      const reply = await this.request(url, { method: 'POST', body, headers: { 'content-type': contentType } });
      delivery.attempts += 1;
      delivery.lastStatus = reply.status;
      delivery.lastBody = reply.status === null ? null : reply.body;
      if (accepted(reply)) {
        delivery.delivered = true;
        break;
      }
    }
    return delivery;
  }

  /** Aborts requests in flight (POST /__control/reset). */
  cancelAll(): void {
    this.epoch += 1;
    for (const controller of this.inflight) controller.abort();
  }

  /** The sandbox is closing: nothing more is sent. */
  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private async request(url: string, init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }): Promise<Reply> {
    if (this.stopped) return { status: null, error: 'was not called: the sandbox is closing' };
    const controller = new AbortController();
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    this.inflight.add(controller);
    try {
      const response = await fetch(url, { ...init, headers: { ...init.headers, 'user-agent': 'Mozilla/4.0' }, signal: controller.signal });
      const body = await response.text();
      return { status: response.status, body: body.slice(0, MAX_REPLY_CHARS) };
    } catch (error) {
      if (timedOut) return { status: null, error: `did not answer within ${this.timeoutMs} ms` };
      // fetch reports every network failure as "fetch failed"; the cause says which (ECONNREFUSED, ENOTFOUND …).
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return { status: null, error: `could not be reached (${cause})` };
    } finally {
      clearTimeout(timeout);
      this.inflight.delete(controller);
    }
  }
}
