export { createSandbox, DEFAULT_PAGES, type SandboxOptions } from './sandbox';
export {
  DEFAULT_SUBSCRIBE_TEMPLATES,
  GLOW_SUBSCRIBE_TEMPLATE_IDS,
  KEYWORD_TYPES,
  type KeywordType,
  type SubscribeField,
  type SubscribeTemplate,
} from './state/subscribe-templates';
