import type { PayNotifier } from './pay/pay-notifier';
import type { PayStore } from './state/pay-store';
import type { SandboxState } from './state/sandbox-state';

/** The emulated WeChat Pay merchant account: whose requests to accept, and how to sign and encrypt for it. */
export type PayConfig = {
  mchId: string;
  /** 32 ASCII characters: the AES-256-GCM key of notification resources. */
  apiV3Key: string;
  /** Verifies the merchant's `Authorization` signatures. */
  merchantPublicKeyPem: string;
  /** The serial_no the merchant must name in `Authorization`. */
  merchantSerial: string;
  /** Signs replies and notifications. */
  platformPrivateKeyPem: string;
  /** Sent as `Wechatpay-Serial`: the id of the WeChat Pay public key (public-key mode). */
  platformPublicKeyId: string;
  /** Multiplies the notification retry schedule (15 s, 15 s, 30 s, 3 min …); 1 is WeChat Pay's pace. */
  notifyRetryScale: number;
};

export type PayContext = { config: PayConfig; store: PayStore; notifier: PayNotifier };

/** What every route needs: the emulated mini program's identity and the in-memory platform state. */
export type SandboxContext = {
  appId: string;
  secret: string;
  pages: readonly string[];
  state: SandboxState;
  /** The clock of the whole sandbox (milliseconds since the epoch); tests inject a fake one. */
  now: () => number;
  pay: PayContext;
};
