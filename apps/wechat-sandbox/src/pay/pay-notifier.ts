import { randomUUID } from 'node:crypto';
import type { PayContext } from '../sandbox-context';
import { beijingTime, type NotificationEvent, type NotificationRecord } from '../state/pay-store';
import { encryptResource, platformSignatureHeaders, probeSignature, randomNonce } from './pay-crypto';

/** Seconds between attempts when the merchant does not acknowledge: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h (§8g). */
export const NOTIFY_RETRY_SCHEDULE_SECONDS: readonly number[] = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

/** How long WeChat Pay waits for the merchant's reply before counting the attempt as failed (not documented). */
const DELIVERY_TIMEOUT_MS = 5_000;

export type PlatformKey = { privateKeyPem: string; publicKeyId: string };

/** The merchant acknowledged: 200 or 204, whatever the body (§8g). */
function acknowledged(status: number | null): boolean {
  return status === 200 || status === 204;
}

/**
 * Delivers notifications to merchants over HTTP and retries them on WeChat Pay's schedule, compressed by
 * `retryScale` for tests. Every pending timer and request is tracked so that closing the sandbox (or resetting it)
 * leaves nothing running.
 */
export class PayNotifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingRetry = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Set<AbortController>();
  /** Bumped by cancelAll(); work started before a reset notices and stops. */
  private epoch = 0;
  private stopped = false;

  constructor(
    private readonly platform: PlatformKey,
    private readonly now: () => number,
    public retryScale: number,
  ) {}

  /** First attempt at once, then the retry schedule until the merchant acknowledges. */
  start(record: NotificationRecord): void {
    void this.attempt(record, 0, this.epoch);
  }

  /** One more attempt outside the schedule, e.g. to check the merchant handles duplicates. */
  async redeliver(record: NotificationRecord): Promise<number | null> {
    return this.deliver(record);
  }

  /** A notification whose signature is deliberately wrong (§8b 签名探测); answers the merchant's HTTP status. */
  async probe(url: string, body: string): Promise<number | null> {
    const headers = { ...platformSignatureHeaders(this.platform, Math.floor(this.now() / 1000), body), 'wechatpay-signature': probeSignature() };
    return this.post(url, body, headers);
  }

  /** Runs `task` after `ms` unless the sandbox is reset or closed first. */
  defer(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
  }

  /** Forgets every pending retry and aborts requests in flight (POST /__control/reset). */
  cancelAll(): void {
    this.epoch += 1;
    for (const timer of [...this.timers, ...this.pendingRetry.values()]) clearTimeout(timer);
    this.timers.clear();
    this.pendingRetry.clear();
    for (const controller of this.inflight) controller.abort();
  }

  /** The sandbox is closing: nothing may be scheduled any more. */
  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }

  private async attempt(record: NotificationRecord, retryIndex: number, epoch: number): Promise<void> {
    this.pendingRetry.delete(record.id);
    if (record.delivered) return;
    await this.deliver(record);
    const delaySeconds = NOTIFY_RETRY_SCHEDULE_SECONDS[retryIndex];
    if (record.delivered || this.stopped || epoch !== this.epoch || delaySeconds === undefined) return;
    const timer = setTimeout(() => void this.attempt(record, retryIndex + 1, epoch), delaySeconds * 1000 * this.retryScale);
    this.pendingRetry.set(record.id, timer);
  }

  private async deliver(record: NotificationRecord): Promise<number | null> {
    const headers = platformSignatureHeaders(this.platform, Math.floor(this.now() / 1000), record.body);
    const status = await this.post(record.url, record.body, headers);
    record.attempts += 1;
    record.lastStatus = status;
    if (acknowledged(status) && !record.delivered) {
      record.delivered = true;
      const pending = this.pendingRetry.get(record.id);
      if (pending) clearTimeout(pending);
      this.pendingRetry.delete(record.id);
    }
    return status;
  }

  private async post(url: string, body: string, signatureHeaders: Record<string, string>): Promise<number | null> {
    if (this.stopped) return null;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    this.inflight.add(controller);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...signatureHeaders, 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'Mozilla/4.0' },
        body,
        signal: controller.signal,
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      // Unreachable, refused, timed out or aborted: WeChat Pay counts it as a failed attempt.
      return null;
    } finally {
      clearTimeout(timeout);
      this.inflight.delete(controller);
    }
  }
}

export type PayEvent = {
  eventType: NotificationEvent;
  summary: string;
  /** `transaction` or `refund`: both the resource's original_type and its AES-GCM associated data. */
  originalType: 'transaction' | 'refund';
  resource: Record<string, unknown>;
  url: string;
  outTradeNo: string;
  outRefundNo?: string;
};

/** The §8g envelope; the resource is encrypted once, so every attempt carries the same ciphertext. */
export function notificationBody(apiV3Key: string, id: string, createdAt: number, event: Omit<PayEvent, 'url' | 'outTradeNo' | 'outRefundNo'>): string {
  const nonce = randomNonce(12);
  return JSON.stringify({
    id,
    create_time: beijingTime(createdAt),
    resource_type: 'encrypt-resource',
    event_type: event.eventType,
    summary: event.summary,
    resource: {
      original_type: event.originalType,
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: encryptResource(apiV3Key, nonce, event.originalType, JSON.stringify(event.resource)),
      associated_data: event.originalType,
      nonce,
    },
  });
}

/** Records a notification and starts delivering it. */
export function publishNotification(pay: PayContext, event: PayEvent, now: number): NotificationRecord {
  const id = randomUUID();
  const record = pay.store.addNotification({
    id,
    eventType: event.eventType,
    url: event.url,
    outTradeNo: event.outTradeNo,
    outRefundNo: event.outRefundNo ?? null,
    body: notificationBody(pay.config.apiV3Key, id, now, event),
  });
  pay.notifier.start(record);
  return record;
}
