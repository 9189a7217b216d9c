import { ENCODING_AES_KEY_PATTERN } from './push-crypto';
import { PUSH_FORMATS, PUSH_MODES, type PushConfig } from './push-message';
import { PUSH_TIMEOUT_MS } from './push-notifier';

/** The dev settings the API defaults to as well, so development needs no configuration. Public: never use them live. */
export const DEFAULT_PUSH_TOKEN = 'glowdevtoken';
export const DEFAULT_PUSH_ENCODING_AES_KEY = 'GlowDevEncodingAesKey0123456789abcdefghijkl';
/** The mini program's original id (`gh_…`), the ToUserName of every push. */
export const DEFAULT_ORIGINAL_ID = 'gh_glowdev00001';

/** The console takes 3-32 letters and digits as the Token. */
export const PUSH_TOKEN_PATTERN = /^[A-Za-z0-9]{3,32}$/;
const ORIGINAL_ID_PATTERN = /^gh_[A-Za-z0-9]{1,32}$/;

/** The console's settings; `url` is null until one is configured. */
export type PushSettings = Omit<PushConfig, 'url'> & { url: string | null };

export type PushOptions = PushSettings & {
  originalId: string;
  /** How long to wait for each reply; WeChat's 5 s unless a test wants to see timeouts quickly. */
  timeoutMs: number;
};

export const DEFAULT_PUSH_OPTIONS: PushOptions = {
  url: null,
  token: DEFAULT_PUSH_TOKEN,
  encodingAesKey: DEFAULT_PUSH_ENCODING_AES_KEY,
  mode: 'safe',
  format: 'json',
  originalId: DEFAULT_ORIGINAL_ID,
  timeoutMs: PUSH_TIMEOUT_MS,
};

/**
 * The console accepts only http on 80 and https on 443; the sandbox takes any port so a test server on an ephemeral
 * port can receive pushes. Returns what is wrong, or null.
 */
export function pushUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'url must be an absolute http(s) URL';
  if (parsed.hash) return 'url must not have a #fragment';
  return null;
}

/** Checks settings given to createSandbox or read from the environment, so a bad one fails at start. */
export function checkedPushOptions(overrides: Partial<PushOptions>): PushOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const options: PushOptions = { ...DEFAULT_PUSH_OPTIONS, ...defined };
  const urlProblem = options.url === null ? null : pushUrlProblem(options.url);
  if (urlProblem) throw new Error(`push.${urlProblem}`);
  if (!PUSH_TOKEN_PATTERN.test(options.token)) throw new Error('push.token must be 3-32 letters and digits');
  if (!ENCODING_AES_KEY_PATTERN.test(options.encodingAesKey)) throw new Error('push.encodingAesKey must be 43 letters and digits');
  if (!PUSH_MODES.includes(options.mode)) throw new Error(`push.mode must be one of ${PUSH_MODES.join(', ')}`);
  if (!PUSH_FORMATS.includes(options.format)) throw new Error(`push.format must be one of ${PUSH_FORMATS.join(', ')}`);
  if (!ORIGINAL_ID_PATTERN.test(options.originalId)) throw new Error('push.originalId must look like gh_0123456789ab');
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) throw new Error('push.timeoutMs must be a positive integer');
  return options;
}
