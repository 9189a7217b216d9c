import {
  codeGroups,
  formatCountdown,
  INITIAL_MEMBER_CODE_STATE,
  MEMBER_CODE_LIFETIME_MS,
  memberCodeView,
  nextRefreshDelay,
  receiveMemberCode,
  refreshFailed,
  RETRY_AFTER_FAILURE_MS,
} from './member-code-timer';

const T0 = Date.parse('2026-12-01T06:00:00.000Z');
const CODE = 'GL8K3M2Q01' + '42' + '123456';

/** The API's answer at T0 on its own clock: valid for 5 minutes, refresh after 60 s. */
const response = (expiresInMs = MEMBER_CODE_LIFETIME_MS, refreshAfterSec = 60) => ({
  code: CODE,
  expiresAt: new Date(T0 + expiresInMs).toISOString(),
  refreshAfterSec,
});

describe('member-code-timer', () => {
  it('waits for the first code, then shows it live with the time to the next refresh', () => {
    expect(memberCodeView(INITIAL_MEMBER_CODE_STATE, T0)).toEqual({ kind: 'loading' });
    expect(nextRefreshDelay(INITIAL_MEMBER_CODE_STATE, T0)).toBe(0);

    const sut = receiveMemberCode(response(), T0);

    expect(memberCodeView(sut, T0)).toEqual({ kind: 'live', code: CODE, refreshInSec: 60 });
    expect(memberCodeView(sut, T0 + 15_500)).toEqual({ kind: 'live', code: CODE, refreshInSec: 45 });
    expect(nextRefreshDelay(sut, T0)).toBe(60_000);
    expect(nextRefreshDelay(sut, T0 + 59_000)).toBe(1_000);
    expect(nextRefreshDelay(sut, T0 + 61_000)).toBe(0);
  });

  it('keeps the last code while refreshes fail, counting down to its expiry, then says it expired', () => {
    const received = receiveMemberCode(response(), T0);
    const sut = refreshFailed(received, 'network', '网络连接失败，请检查网络后重试');

    expect(memberCodeView(sut, T0 + 60_000)).toEqual({
      kind: 'offline',
      code: CODE,
      secondsLeft: 240,
      note: '网络不可用，会员码在 04:00 内仍然有效',
    });
    expect(memberCodeView(sut, T0 + 299_001)).toMatchObject({ kind: 'offline', note: '网络不可用，会员码在 00:01 内仍然有效' });
    expect(memberCodeView(sut, T0 + 300_000)).toEqual({ kind: 'expired', note: '会员码已过期，请联网刷新' });
    expect(nextRefreshDelay(sut, T0 + 60_000)).toBe(RETRY_AFTER_FAILURE_MS);
  });

  it('names a failure that is not the network differently', () => {
    const sut = refreshFailed(receiveMemberCode(response(), T0), 'server', '系统繁忙，请稍后再试');

    expect(memberCodeView(sut, T0 + 1_000)).toMatchObject({ note: '会员码刷新失败，会员码在 04:59 内仍然有效' });
  });

  it('comes back live as soon as a refresh succeeds again', () => {
    const offline = refreshFailed(receiveMemberCode(response(), T0), 'network', '网络连接失败');
    const sut = receiveMemberCode({ ...response(), code: 'GL8K3M2Q01' + '43' + '654321', expiresAt: new Date(T0 + 400_000).toISOString() }, T0 + 100_000);

    expect(memberCodeView(offline, T0 + 100_000).kind).toBe('offline');
    expect(memberCodeView(sut, T0 + 100_000)).toEqual({ kind: 'live', code: 'GL8K3M2Q0143654321', refreshInSec: 60 });
  });

  it('shows the reason when no code could be fetched at all', () => {
    const sut = refreshFailed(INITIAL_MEMBER_CODE_STATE, 'network', '网络连接失败，请检查网络后重试');

    expect(memberCodeView(sut, T0)).toEqual({ kind: 'unavailable', message: '网络连接失败，请检查网络后重试' });
    expect(nextRefreshDelay(sut, T0)).toBe(RETRY_AFTER_FAILURE_MS);
  });

  it('waits for the refresh under way rather than calling a code expired that has not failed to refresh', () => {
    const sut = receiveMemberCode(response(), T0);

    expect(memberCodeView(sut, T0 + MEMBER_CODE_LIFETIME_MS)).toEqual({ kind: 'loading' });
  });

  describe('device clock off from the API clock', () => {
    it.each([
      // [what expiresAt leaves on the device clock, how long the code is shown]
      ['a clock 3 minutes ahead shortens the code to what is left', 2 * 60_000, 2 * 60_000],
      ['a clock 10 minutes behind never stretches it past its lifetime', 15 * 60_000, MEMBER_CODE_LIFETIME_MS],
      ['a clock far ahead falls back to the refresh period', -6 * 60_000, 60_000],
    ])('%s', (_, expiresInMs, shownMs) => {
      const sut = receiveMemberCode(response(expiresInMs), T0);

      expect(sut.held?.validUntil).toBe(T0 + shownMs);
      expect(memberCodeView(refreshFailed(sut, 'network', ''), T0 + shownMs - 1).kind).toBe('offline');
      expect(memberCodeView(refreshFailed(sut, 'network', ''), T0 + shownMs).kind).toBe('expired');
    });

    it('refreshes no later than the code expires, and not more often than every 5 seconds', () => {
      expect(receiveMemberCode(response(30_000, 60), T0).held?.refreshAt).toBe(T0 + 30_000);
      expect(receiveMemberCode(response(MEMBER_CODE_LIFETIME_MS, 0), T0).held?.refreshAt).toBe(T0 + 5_000);
    });
  });

  it.each([
    [0, '00:00'],
    [9, '00:09'],
    [60, '01:00'],
    [299, '04:59'],
    [-3, '00:00'],
  ])('formats %i seconds as %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });

  it('groups the code by four characters without losing any', () => {
    expect(codeGroups(CODE)).toEqual(['GL8K', '3M2Q', '0142', '1234', '56']);
    expect(codeGroups(CODE).join('')).toBe(CODE);
    expect(codeGroups('')).toEqual([]);
  });
});
