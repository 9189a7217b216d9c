import Taro from '@tarojs/taro';
import type { ClientConfigResponse } from '@glow/contracts';
import { getDemoPhoneCode, getLoginCode, isDemoMode } from './wechat-auth.service';

interface SentRequest {
  url: string;
  method?: string;
  data?: Record<string, string>;
}

const DEMO: ClientConfigResponse = {
  demoMode: true,
  sandboxUrl: 'http://sandbox.test/',
  appId: 'wxdemo',
  subscribeTemplates: {
    'coupon-arrival': 'glow-coupon-arrival',
    'coupon-expiring': 'glow-coupon-expiring',
    'booking-reminder': 'glow-booking-reminder',
    'points-expiring': 'glow-points-expiring',
    'tier-change': 'glow-tier-change',
  },
};

/** Answers `Taro.request` like the API's client-config route and the sandbox's control API. */
function serve(config: ClientConfigResponse, knownOpenids: Set<string>) {
  let users = 0;
  jest.mocked(Taro.request).mockImplementation(((options: SentRequest) => {
    const reply = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data });
    if (options.url === 'http://api.test/api/client-config') return reply(200, config);
    if (options.url === 'http://sandbox.test/__control/users') {
      const openid = options.data?.openid ?? `o-demo-${++users}`;
      knownOpenids.add(openid);
      return reply(201, { openid, unionid: null, phone: null, countryCode: '86' });
    }
    const openid = options.data?.openid ?? '';
    if (!knownOpenids.has(openid)) return reply(404, { code: 'NOT_FOUND', message: '用户不存在' });
    if (options.url === 'http://sandbox.test/__control/login-code') return reply(200, { code: `login-${openid}` });
    if (options.url === 'http://sandbox.test/__control/phone-code') return reply(200, { code: `phone-${options.data?.phone}` });
    return reply(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  }) as unknown as typeof Taro.request);
}

const sandboxCalls = () =>
  jest
    .mocked(Taro.request)
    .mock.calls.map(([options]) => (options as SentRequest).url)
    .filter((url) => url.startsWith('http://sandbox.test'));

describe('wechat-auth.service (H5 demo mode)', () => {
  const known = new Set<string>();

  beforeEach(() => {
    jest.clearAllMocks();
    (Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear();
    known.clear();
    serve(DEMO, known);
  });

  it('is in demo mode when the API says so', async () => {
    await expect(isDemoMode()).resolves.toBe(true);
  });

  it('creates one fake WeChat user per browser and keeps its openid in storage', async () => {
    const first = await getLoginCode();
    const second = await getLoginCode();

    expect(first).toBe('login-o-demo-1');
    expect(second).toBe('login-o-demo-1');
    expect(sandboxCalls().filter((url) => url.endsWith('/users'))).toHaveLength(1);
    expect(Taro.setStorageSync).toHaveBeenCalledWith('glow.demo.openid', 'o-demo-1');
  });

  it('recreates the stored user when a restarted sandbox has forgotten it', async () => {
    Taro.setStorageSync('glow.demo.openid', 'o-remembered');

    await expect(getLoginCode()).resolves.toBe('login-o-remembered');

    expect(sandboxCalls()).toEqual([
      'http://sandbox.test/__control/login-code',
      'http://sandbox.test/__control/users',
      'http://sandbox.test/__control/login-code',
    ]);
  });

  it('mints a phone code for the same fake user', async () => {
    await getLoginCode();

    await expect(getDemoPhoneCode('13800138000')).resolves.toBe('phone-13800138000');
    const phoneCall = jest.mocked(Taro.request).mock.calls.map(([options]) => options as SentRequest).find((options) => options.url.endsWith('/phone-code'));
    expect(phoneCall?.data).toEqual({ openid: 'o-demo-1', phone: '13800138000' });
  });
});
