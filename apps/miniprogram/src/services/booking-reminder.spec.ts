import Taro from '@tarojs/taro';
import type { ClientConfigResponse } from '@glow/contracts';
import { askForBookingReminder } from './booking-reminder';
import { getClientConfig, loadedClientConfig } from './client-config.service';
import { reportSubscribeResults } from './subscription.service';

jest.mock('./client-config.service', () => ({ getClientConfig: jest.fn(), loadedClientConfig: jest.fn(), preloadClientConfig: jest.fn() }));
jest.mock('./subscription.service', () => ({ reportSubscribeResults: jest.fn() }));

type SubscribeResult = Taro.requestSubscribeMessage.SuccessCallbackResult;
const subscribe = jest.mocked(Taro.requestSubscribeMessage);

const CONFIG: ClientConfigResponse = {
  demoMode: false,
  sandboxUrl: null,
  appId: 'wxglow',
  subscribeTemplates: {
    'coupon-arrival': 'tmpl-arrival',
    'coupon-expiring': 'tmpl-expiring',
    'booking-reminder': 'tmpl-booking-reminder',
    'points-expiring': 'tmpl-points',
    'tier-change': 'tmpl-tier',
  },
};

describe(askForBookingReminder.name, () => {
  const originalPlatform = process.env.TARO_ENV;

  beforeEach(() => {
    jest.clearAllMocks();
    process.env.TARO_ENV = 'weapp';
    jest.mocked(loadedClientConfig).mockReturnValue(CONFIG);
  });

  afterEach(() => {
    process.env.TARO_ENV = originalPlatform;
  });

  it.each([
    ['accept', true],
    ['reject', false],
    ['ban', false],
    ['filter', false],
  ])('reads "%s" as opt-in %p', async (answer, expected) => {
    subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-booking-reminder': answer } as unknown as SubscribeResult);

    await expect(askForBookingReminder()).resolves.toBe(expected);
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-booking-reminder'] });
  });

  it('leaves the report to the booking request, which carries reminderOptIn', async () => {
    subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-booking-reminder': 'accept' } as unknown as SubscribeResult);

    await askForBookingReminder();

    expect(reportSubscribeResults).not.toHaveBeenCalled();
  });

  it('treats a failed prompt as no reminder', async () => {
    subscribe.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20004 });

    await expect(askForBookingReminder()).resolves.toBe(false);
  });

  it('does not ask before the template ids have arrived', async () => {
    jest.mocked(loadedClientConfig).mockReturnValue(null);

    await expect(askForBookingReminder()).resolves.toBe(false);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('does not ask in H5 outside the demo, where subscribe messages do not exist', async () => {
    process.env.TARO_ENV = 'h5';

    await expect(askForBookingReminder()).resolves.toBe(false);
    expect(subscribe).not.toHaveBeenCalled();
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('asks in a modal in the H5 demo and records the acceptance at the sandbox only', async () => {
    process.env.TARO_ENV = 'h5';
    const demo = { ...CONFIG, demoMode: true, sandboxUrl: 'http://sandbox.test' };
    jest.mocked(loadedClientConfig).mockReturnValue(demo);
    jest.mocked(getClientConfig).mockResolvedValue(demo);
    Taro.setStorageSync('glow.demo.openid', 'o-demo-1');
    jest.mocked(Taro.request).mockResolvedValue({ statusCode: 200, data: { credits: 1 } } as unknown as Taro.request.SuccessCallbackResult);

    await expect(askForBookingReminder()).resolves.toBe(true);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '是否允许「预约提醒」等消息通知？' }));
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://sandbox.test/__control/subscribe', data: { openid: 'o-demo-1', templateId: 'tmpl-booking-reminder', accept: true } }),
    );
    expect(reportSubscribeResults).not.toHaveBeenCalled();
  });
});
