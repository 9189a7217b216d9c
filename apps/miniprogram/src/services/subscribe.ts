import Taro from '@tarojs/taro';
import type { ClientConfigResponse, SUBSCRIBE_ANSWERS, SubscribeAnswer } from '@glow/contracts';
import { SUBSCRIBE_TEMPLATE_LABELS, type SubscribeTemplateKey } from '@glow/domain';
import { loadedClientConfig, preloadClientConfig } from './client-config.service';
import { reportSubscribeResults } from './subscription.service';
import { demoSandbox, readDemoOpenid } from './wechat-auth.service';

/**
 * The most templates one prompt may carry. WeChat's current page says 5, older copies say 3 and some clients still
 * refuse more than 3, so 3 is the safe limit. Asking again for the rest is not possible: a second prompt no longer
 * follows the tap and WeChat refuses it.
 */
export const MAX_TEMPLATES_PER_PROMPT = 3;

/** What the member chose in the prompt, by purpose; a purpose that was not asked has no entry. */
export type SubscribeAnswers = Partial<Record<SubscribeTemplateKey, SubscribeAnswer>>;

/** The prompt's outcome by purpose, and as WeChat reports it (by template id) for the API. */
export interface SubscribePrompt {
  answers: SubscribeAnswers;
  results: Record<string, SubscribeAnswer>;
}

// Contracts are type-only here; `satisfies` keeps this list equal to the contract's.
const ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const satisfies typeof SUBSCRIBE_ANSWERS;

const NOT_ASKED: SubscribePrompt = { answers: {}, results: {} };

/**
 * Asks the member to allow the given messages and reports the answers to the API, where each "allow" is one send
 * credit. Call it first thing in a tap handler, before any `await`: WeChat shows the prompt only in direct response to
 * a tap. It never rejects: a refusal, an error, templates not loaded yet or a platform without subscribe messages all
 * answer with fewer (or no) entries, and the caller's flow goes on.
 */
export async function askToSubscribe(keys: readonly SubscribeTemplateKey[]): Promise<SubscribeAnswers> {
  const { answers, results } = await requestSubscription(keys);
  if (Object.keys(results).length > 0) {
    try {
      // Awaited so that a page reading the credits next sees these; a failed report only costs those credits.
      await reportSubscribeResults(results);
    } catch {
      // The member's flow must not fail because the report did.
    }
  }
  return answers;
}

/**
 * The prompt without the report, for a request that carries the answer itself (booking's `reminderOptIn`). At most
 * {@link MAX_TEMPLATES_PER_PROMPT} templates are asked; later keys are dropped. Keys without a template id in the
 * client settings are skipped, and nothing is asked while the settings have not arrived yet (this tap cannot wait
 * for them; they are fetched again for the next one).
 */
export function requestSubscription(keys: readonly SubscribeTemplateKey[]): Promise<SubscribePrompt> {
  const config = loadedClientConfig();
  if (!config) {
    preloadClientConfig();
    return Promise.resolve(NOT_ASKED);
  }
  const asked = templatesToAsk(config, keys);
  if (asked.length === 0) return Promise.resolve(NOT_ASKED);
  // H5 has no subscribe messages (Taro's stand-in only logs "not supported"); the demo plays the prompt instead.
  if (process.env.TARO_ENV === 'h5') return askInDemo(config, asked);
  return askWechat(asked);
}

type Asked = { key: SubscribeTemplateKey; templateId: string }[];

function templatesToAsk(config: ClientConfigResponse, keys: readonly SubscribeTemplateKey[]): Asked {
  const asked: Asked = [];
  const ids = new Set<string>();
  for (const key of keys) {
    // Optional chaining: an API older than the subscribe-credit contract sends no templates at all.
    const templateId = config.subscribeTemplates?.[key];
    if (!templateId || asked.some((entry) => entry.key === key)) continue;
    if (!ids.has(templateId) && ids.size === MAX_TEMPLATES_PER_PROMPT) continue;
    ids.add(templateId);
    asked.push({ key, templateId });
  }
  return asked;
}

function prompt(asked: Asked, answerOf: (templateId: string) => SubscribeAnswer | undefined): SubscribePrompt {
  const answers: SubscribeAnswers = {};
  const results: Record<string, SubscribeAnswer> = {};
  for (const { key, templateId } of asked) {
    const answer = answerOf(templateId);
    if (answer === undefined) continue;
    answers[key] = answer;
    results[templateId] = answer;
  }
  return { answers, results };
}

function isAnswer(value: unknown): value is SubscribeAnswer {
  return ANSWERS.some((answer) => answer === value);
}

function askWechat(asked: Asked): Promise<SubscribePrompt> {
  const tmplIds = [...new Set(asked.map((entry) => entry.templateId))];
  let pending: ReturnType<typeof Taro.requestSubscribeMessage>;
  try {
    // Taro's typing also demands Alipay's `entityIds`; WeChat takes `tmplIds` only.
    pending = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    return Promise.resolve(NOT_ASKED);
  }
  return pending.then(
    (result) => {
      // `{ errMsg, [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }`
      const byId: Record<string, unknown> = { ...result };
      return prompt(asked, (templateId) => {
        const answer = byId[templateId];
        return isAnswer(answer) ? answer : undefined;
      });
    },
    // Refused prompts (main switch off, 20004; not after a tap; bad template id, 10004…) grant nothing.
    () => NOT_ASKED,
  );
}

/**
 * H5 demo mode: a modal stands in for WeChat's prompt, and an "allow" is recorded at the WeChat sandbox as the popup
 * would record it at WeChat, so the API's later sends find the credit there. Outside demo mode nothing is asked.
 */
async function askInDemo(config: ClientConfigResponse, asked: Asked): Promise<SubscribePrompt> {
  if (!config.demoMode || !config.sandboxUrl) return NOT_ASKED;
  const labels = asked.map((entry) => SUBSCRIBE_TEMPLATE_LABELS[entry.key]).join('」「');
  let confirm: boolean;
  try {
    ({ confirm } = await Taro.showModal({ title: '消息通知', content: `是否允许「${labels}」等消息通知？`, confirmText: '允许', cancelText: '拒绝' }));
  } catch {
    return NOT_ASKED;
  }
  const answer: SubscribeAnswer = confirm ? 'accept' : 'reject';
  const openid = readDemoOpenid();
  // Before the browser's first login there is no sandbox user yet: the API still hears the answer.
  if (!openid) return prompt(asked, () => answer);

  const templateIds = [...new Set(asked.map((entry) => entry.templateId))];
  let recorded: Set<string>;
  try {
    const sandbox = await demoSandbox();
    const outcomes = await Promise.allSettled(
      templateIds.map((templateId) => sandbox.post('/__control/subscribe', { openid, templateId, accept: confirm })),
    );
    recorded = new Set(templateIds.filter((_, i) => outcomes[i]?.status === 'fulfilled'));
  } catch {
    return NOT_ASKED;
  }
  // A choice the sandbox did not take (say, a template it does not know) is one WeChat would not have granted.
  return prompt(asked, (templateId) => (recorded.has(templateId) ? answer : undefined));
}
