import { act, fireEvent, render } from '@testing-library/react';
import Taro, { useDidHide } from '@tarojs/taro';
import type { MemberCodeResponse } from '@glow/contracts';
import { ApiError } from '../../../../services/http';
import { getMemberCode } from '../../../../services/loyalty.service';
import MemberCodePage from './index';

jest.mock('../../../../services/loyalty.service', () => ({ getMemberCode: jest.fn() }));

const T0 = Date.parse('2026-12-01T06:00:00.000Z');
const FIRST = 'GL8K3M2Q01' + '00' + '123456';
const SECOND = 'GL8K3M2Q01' + '01' + '654321';

/** A code as the API issues it at `at`: valid for 5 minutes, to be refreshed after 60 s. */
function code(value: string, at: number): MemberCodeResponse {
  return { code: value, expiresAt: new Date(at + 5 * 60_000).toISOString(), refreshAfterSec: 60 };
}

const offline = () => new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0);
const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

/** Lets the clock run, settling the requests that fall due on the way. */
async function wait(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

async function renderPage() {
  const view = render(<MemberCodePage />);
  await wait(0);
  return view.container;
}

describe('MemberCodePage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    jest.clearAllMocks();
    jest.useFakeTimers({ now: T0 });
  });

  afterEach(() => {
    jest.useRealTimers();
    process.env.TARO_ENV = platform;
  });

  it('shows the code as a QR code and as large text, and refreshes it when the API says', async () => {
    jest.mocked(getMemberCode).mockResolvedValueOnce(code(FIRST, T0));
    const container = await renderPage();

    expect(byId(container, 'member-code-text')?.textContent).toBe(FIRST);
    expect(byId(container, 'member-code-qr')).not.toBeNull();
    expect(byId(container, 'member-code-countdown')?.textContent).toBe('01:00 后自动刷新');

    await wait(15_000);
    expect(byId(container, 'member-code-countdown')?.textContent).toBe('00:45 后自动刷新');
    expect(getMemberCode).toHaveBeenCalledTimes(1);

    jest.mocked(getMemberCode).mockResolvedValueOnce(code(SECOND, T0 + 60_000));
    await wait(45_000);
    expect(getMemberCode).toHaveBeenCalledTimes(2);
    expect(byId(container, 'member-code-text')?.textContent).toBe(SECOND);
    expect(byId(container, 'member-code-note')).toBeNull();
  });

  it('keeps showing the last code while offline until it expires, then asks to go online', async () => {
    jest.mocked(getMemberCode).mockResolvedValueOnce(code(FIRST, T0));
    const container = await renderPage();

    jest.mocked(getMemberCode).mockRejectedValue(offline());
    await wait(60_000);

    expect(byId(container, 'member-code-text')?.textContent).toBe(FIRST);
    expect(byId(container, 'member-code-qr')).not.toBeNull();
    expect(byId(container, 'member-code-note')?.textContent).toBe('网络不可用，会员码在 04:00 内仍然有效');

    await wait(120_000);
    expect(byId(container, 'member-code-text')?.textContent).toBe(FIRST);
    expect(byId(container, 'member-code-note')?.textContent).toBe('网络不可用，会员码在 02:00 内仍然有效');

    await wait(120_000);
    expect(byId(container, 'member-code-text')).toBeNull();
    expect(byId(container, 'member-code-qr')).toBeNull();
    expect(byId(container, 'member-code-expired')?.textContent).toBe('会员码已过期，请联网刷新');

    // Back online: the next retry brings a fresh code.
    jest.mocked(getMemberCode).mockResolvedValue(code(SECOND, T0 + 310_000));
    await wait(10_000);
    expect(byId(container, 'member-code-text')?.textContent).toBe(SECOND);
    expect(byId(container, 'member-code-expired')).toBeNull();
  });

  it('says why when no code could be fetched, and tries again on tap', async () => {
    jest.mocked(getMemberCode).mockRejectedValueOnce(offline());
    const container = await renderPage();

    expect(byId(container, 'member-code-error')?.textContent).toBe('网络连接失败，请检查网络后重试');
    expect(byId(container, 'member-code-text')).toBeNull();

    jest.mocked(getMemberCode).mockResolvedValueOnce(code(FIRST, T0));
    fireEvent.click(byId(container, 'member-code-retry') as Element);
    await wait(0);
    expect(byId(container, 'member-code-text')?.textContent).toBe(FIRST);
  });

  it('stops refreshing while hidden and asks again when shown', async () => {
    jest.mocked(getMemberCode).mockResolvedValue(code(FIRST, T0));
    await renderPage();
    const hide = jest.mocked(useDidHide).mock.calls[0][0];

    act(() => hide());
    await wait(10 * 60_000);

    expect(getMemberCode).toHaveBeenCalledTimes(1);
  });

  it('brightens the screen in WeChat while shown and restores it when hidden', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(Taro.getScreenBrightness).mockResolvedValueOnce({ value: 0.4 } as Awaited<ReturnType<typeof Taro.getScreenBrightness>>);
    jest.mocked(getMemberCode).mockResolvedValue(code(FIRST, T0));
    await renderPage();

    expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 1 });

    act(() => jest.mocked(useDidHide).mock.calls[0][0]());
    await wait(0);
    expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 });
  });
});
