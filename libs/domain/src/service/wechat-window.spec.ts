import { type WechatWindow, WECHAT_WINDOW_RULES, windowAfterInbound, windowState } from './wechat-window';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe(windowAfterInbound.name, () => {
  const t0 = at('2026-11-24T10:00:00+08:00');

  it('opens 5 replies for 48 hours when a member sends a message', () => {
    expect(windowAfterInbound(null, 'message', t0)).toEqual({ until: at('2026-11-26T10:00:00+08:00'), remaining: 5 });
  });

  it('opens 2 replies for one minute when a member enters the session', () => {
    expect(windowAfterInbound(null, 'enter', t0)).toEqual({ until: at('2026-11-24T10:01:00+08:00'), remaining: 2 });
  });

  it('restores the full 5 replies on every new message instead of adding them up', () => {
    const first = { until: plus(t0, 48 * HOUR), remaining: 1 };
    const later = plus(t0, 10 * HOUR);
    expect(windowAfterInbound(first, 'message', later)).toEqual({ until: plus(later, 48 * HOUR), remaining: 5 });
  });

  it('never grants more than 5 replies, however many messages the member sends', () => {
    let w: WechatWindow | null = null;
    for (let i = 0; i < 10; i++) w = windowAfterInbound(w, 'message', plus(t0, i * 1000));
    expect(w?.remaining).toBe(WECHAT_WINDOW_RULES.message.messages);
  });

  it('lets a member who re-enters the session after 47 h keep the larger 48 h window', () => {
    const afterMessage = windowAfterInbound(null, 'message', t0);
    const reentered = windowAfterInbound({ ...afterMessage, remaining: 3 }, 'enter', plus(t0, 47 * HOUR));
    expect(reentered).toEqual({ until: afterMessage.until, remaining: 3 });
  });

  it('opens the one-minute window when the member enters after the 48 h window has passed', () => {
    const old = windowAfterInbound(null, 'message', t0);
    const enteredAt = plus(t0, 49 * HOUR);
    expect(windowAfterInbound(old, 'enter', enteredAt)).toEqual({ until: plus(enteredAt, 60_000), remaining: 2 });
  });

  it('opens the one-minute window when the 48 h allowance has been used up', () => {
    const usedUp = { until: plus(t0, 48 * HOUR), remaining: 0 };
    const enteredAt = plus(t0, HOUR);
    expect(windowAfterInbound(usedUp, 'enter', enteredAt)).toEqual({ until: plus(enteredAt, 60_000), remaining: 2 });
  });

  it('resets the one-minute window when the member enters again', () => {
    const first = { until: plus(t0, 60_000), remaining: 0 };
    const again = plus(t0, 30_000);
    expect(windowAfterInbound(first, 'enter', again)).toEqual({ until: plus(again, 60_000), remaining: 2 });
  });

  it('replaces an entry window with the 48 h window when the member then writes', () => {
    const entered = windowAfterInbound(null, 'enter', t0);
    expect(windowAfterInbound(entered, 'message', plus(t0, 20_000))).toEqual({ until: plus(t0, 20_000 + 48 * HOUR), remaining: 5 });
  });

  it('does not change the window it was given', () => {
    const current = { until: plus(t0, HOUR), remaining: 4 };
    windowAfterInbound(current, 'message', t0);
    expect(current).toEqual({ until: plus(t0, HOUR), remaining: 4 });
  });
});

describe(windowState.name, () => {
  const until = at('2026-11-26T10:00:00+08:00');

  it.each<[string, WechatWindow | null, string, { open: boolean; reason: string }]>([
    ['no window before the member ever wrote', null, '2026-11-24T10:00:00+08:00', { open: false, reason: 'none' }],
    ['replies left inside the window', { until, remaining: 5 }, '2026-11-26T09:59:59+08:00', { open: true, reason: 'ok' }],
    ['the last reply left', { until, remaining: 1 }, '2026-11-25T10:00:00+08:00', { open: true, reason: 'ok' }],
    ['closed at the very moment the window ends', { until, remaining: 5 }, '2026-11-26T10:00:00+08:00', { open: false, reason: 'expired' }],
    ['closed after the window ends', { until, remaining: 5 }, '2026-11-27T10:00:00+08:00', { open: false, reason: 'expired' }],
    ['closed when all replies are used', { until, remaining: 0 }, '2026-11-25T10:00:00+08:00', { open: false, reason: 'exhausted' }],
    ['expired takes precedence over exhausted', { until, remaining: 0 }, '2026-11-27T10:00:00+08:00', { open: false, reason: 'expired' }],
  ])('%s', (_, w, now, expected) => {
    expect(windowState(w, at(now))).toEqual(expected);
  });

  it('allows exactly 5 replies after a message and 2 after entering, when the sender counts down', () => {
    const t0 = at('2026-11-24T10:00:00+08:00');
    for (const [event, expected] of [['message', 5], ['enter', 2]] as const) {
      let w = windowAfterInbound(null, event, t0);
      let sent = 0;
      while (windowState(w, plus(t0, 1000)).open) {
        w = { ...w, remaining: w.remaining - 1 };
        sent++;
      }
      expect(sent).toBe(expected);
    }
  });
});
