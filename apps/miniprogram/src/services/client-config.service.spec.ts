import Taro from '@tarojs/taro';
import type { ClientConfigResponse } from '@glow/contracts';
import { getClientConfig, loadedClientConfig, preloadClientConfig } from './client-config.service';

const CONFIG: ClientConfigResponse = {
  demoMode: false,
  sandboxUrl: null,
  appId: 'wxglow',
  subscribeTemplates: {
    'coupon-arrival': 'tmpl-arrival',
    'coupon-expiring': 'tmpl-expiring',
    'booking-reminder': 'tmpl-booking',
    'points-expiring': 'tmpl-points',
    'tier-change': 'tmpl-tier',
  },
};

const request = jest.mocked(Taro.request);

describe('client-config.service', () => {
  it('has nothing to read synchronously until the preload has arrived, then keeps one copy', async () => {
    request.mockRejectedValueOnce({ errMsg: 'request:fail' }).mockResolvedValue({ statusCode: 200, data: CONFIG } as unknown as Taro.request.SuccessCallbackResult);

    preloadClientConfig();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loadedClientConfig()).toBeNull();

    // The failed fetch is forgotten: the next call fetches again.
    await expect(getClientConfig()).resolves.toEqual(CONFIG);
    expect(loadedClientConfig()).toEqual(CONFIG);
    await getClientConfig();
    expect(request).toHaveBeenCalledTimes(2);
  });
});
