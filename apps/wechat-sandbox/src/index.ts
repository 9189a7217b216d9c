export { createSandbox, DEFAULT_PAGES, DEFAULT_PAY_CONFIG, type SandboxOptions } from './sandbox';
export type { PayConfig } from './sandbox-context';
export * from './pay/dev-keys';
export { platformSignatureHeaders } from './pay/pay-crypto';
export { NOTIFY_RETRY_SCHEDULE_SECONDS } from './pay/pay-notifier';
export {
  DEFAULT_SUBSCRIBE_TEMPLATES,
  GLOW_SUBSCRIBE_TEMPLATE_IDS,
  KEYWORD_TYPES,
  type KeywordType,
  type SubscribeField,
  type SubscribeTemplate,
} from './state/subscribe-templates';
