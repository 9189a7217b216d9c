import type { PayNotifier } from './pay/pay-notifier';
import type { PushNotifier } from './push/push-notifier';
import type { PushSettings } from './push/push-settings';
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

/** Message push to the developer's server (§6): the console's settings and who delivers. */
export type PushContext = {
  /** The mini program's original id, ToUserName of every push. */
  originalId: string;
  /** The settings the sandbox started with (options or environment); `POST /__control/reset` returns to them. */
  initial: PushSettings;
  /** The console's current settings; `PUT /__control/push-config` replaces them. */
  settings: PushSettings;
  /**
   * Whether the URL answered the echostr under the current settings. Saving settings verifies at once; settings from
   * the start are verified on the first push, because the developer's server may start after the sandbox.
   */
  verified: boolean;
  notifier: PushNotifier;
};

/** What every route needs: the emulated mini program's identity and the in-memory platform state. */
export type SandboxContext = {
  appId: string;
  secret: string;
  pages: readonly string[];
  state: SandboxState;
  /** The clock of the whole sandbox (milliseconds since the epoch); tests inject a fake one. */
  now: () => number;
  pay: PayContext;
  push: PushContext;
};
