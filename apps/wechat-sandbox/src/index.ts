export { createSandbox, DEFAULT_PAGES, DEFAULT_PAY_CONFIG, type SandboxOptions } from './sandbox';
export type { PayConfig } from './sandbox-context';
export * from './pay/dev-keys';
export { platformSignatureHeaders } from './pay/pay-crypto';
export { NOTIFY_RETRY_SCHEDULE_SECONDS } from './pay/pay-notifier';
export { decryptPushMessage, encryptPushMessage, pushSignature } from './push/push-crypto';
export { PUSH_ATTEMPTS, PUSH_TIMEOUT_MS } from './push/push-notifier';
export { type PushFormat, type PushMode } from './push/push-message';
export {
  DEFAULT_ORIGINAL_ID,
  DEFAULT_PUSH_ENCODING_AES_KEY,
  DEFAULT_PUSH_OPTIONS,
  DEFAULT_PUSH_TOKEN,
  type PushOptions,
} from './push/push-settings';
export { DEFAULT_SEC_CHECK_WORDS, SEC_CHECK_LABELS, SEC_CHECK_REVIEW_MARKERS } from './state/sec-check-words';
export {
  DEFAULT_SUBSCRIBE_TEMPLATES,
  GLOW_SUBSCRIBE_TEMPLATE_IDS,
  KEYWORD_TYPES,
  type KeywordType,
  type SubscribeField,
  type SubscribeTemplate,
} from './state/subscribe-templates';
