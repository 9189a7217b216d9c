/** What the brand may still send a member on WeChat's customer-service channel: replies allowed until, and how many. */
export interface WechatWindow {
  until: Date;
  remaining: number;
}

/**
 * WeChat's reply allowances for mini-program customer service: a member's message allows 5 replies within 48 hours;
 * entering the customer-service session allows 2 within 1 minute.
 */
export const WECHAT_WINDOW_RULES = {
  message: { hours: 48, messages: 5 },
  enter: { seconds: 60, messages: 2 },
} as const satisfies { message: { hours: 48; messages: 5 }; enter: { seconds: 60; messages: 2 } };

const HOUR_MS = 3_600_000;

/**
 * The window after a member's `message` or session `enter` at `at`. Allowances do not add up: each qualifying action
 * grants its own full allowance afresh, whatever was left. We keep a single window, so when an earlier window is
 * still open and lasts longer than the fresh one (a member who re-enters the session inside the 48 hours of their
 * last message), the longer window is kept with what is left of it; otherwise the fresh allowance replaces it. A new
 * message therefore always restores 5 replies for 48 hours, and an `enter` after the window has expired or been used
 * up opens the 1-minute window of 2.
 */
export function windowAfterInbound(current: WechatWindow | null, event: 'message' | 'enter', at: Date): WechatWindow {
  const fresh: WechatWindow =
    event === 'message'
      ? { until: new Date(at.getTime() + WECHAT_WINDOW_RULES.message.hours * HOUR_MS), remaining: WECHAT_WINDOW_RULES.message.messages }
      : { until: new Date(at.getTime() + WECHAT_WINDOW_RULES.enter.seconds * 1000), remaining: WECHAT_WINDOW_RULES.enter.messages };
  if (current !== null && windowState(current, at).open && current.until.getTime() > fresh.until.getTime()) return current;
  return fresh;
}

/**
 * Whether a reply may go out at `at`: `none` before the member ever wrote, `expired` from `until` on (WeChat answers
 * 45015), `exhausted` when the allowance is used up (45047). An expired window reports `expired` even if also used up.
 */
export function windowState(w: WechatWindow | null, at: Date): { open: boolean; reason: 'ok' | 'none' | 'expired' | 'exhausted' } {
  if (w === null) return { open: false, reason: 'none' };
  if (at.getTime() >= w.until.getTime()) return { open: false, reason: 'expired' };
  if (w.remaining <= 0) return { open: false, reason: 'exhausted' };
  return { open: true, reason: 'ok' };
}
