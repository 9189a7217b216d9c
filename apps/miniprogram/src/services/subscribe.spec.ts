import Taro from '@tarojs/taro';
import type { ClientConfigResponse } from '@glow/contracts';
import { getClientConfig, loadedClientConfig, preloadClientConfig } from './client-config.service';
import { askToSubscribe, MAX_TEMPLATES_PER_PROMPT } from './subscribe';
import { reportSubscribeResults } from './subscription.service';

jest.mock('./client-config.service', () => ({ getClientConfig: jest.fn(), loadedClientConfig: jest.fn(), preloadClientConfig: jest.fn() }));
jest.mock('./subscription.service', () => ({ reportSubscribeResults: jest.fn() }));

type SubscribeResult = Taro.requestSubscribeMessage.SuccessCallbackResult;
type SentRequest = { url: string; method?: string; data?: Record<string, unknown> };

const TEMPLATES: ClientConfigResponse['subscribeTemplates'] = {
  'coupon-arrival': 'tmpl-arrival',
  'coupon-expiring': 'tmpl-expiring',
  'booking-reminder': 'tmpl-booking',
  'points-expiring': 'tmpl-points',
  'tier-change': 'tmpl-tier',
};
const WEAPP: ClientConfigResponse = { demoMode: false, sandboxUrl: null, appId: 'wxglow', subscribeTemplates: TEMPLATES };
const DEMO: ClientConfigResponse = { ...WEAPP, demoMode: true, sandboxUrl: 'http://sandbox.test/' };

const subscribe = jest.mocked(Taro.requestSubscribeMessage);
const report = jest.mocked(reportSubscribeResults);

function wechatAnswers(answers: Record<string, string>): void {
  subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', ...answers } as unknown as SubscribeResult);
}

function useConfig(config: ClientConfigResponse | null): void {
  jest.mocked(loadedClientConfig).mockReturnValue(config);
  if (config) jest.mocked(getClientConfig).mockResolvedValue(config);
}

/** Answers the sandbox's `POST /__control/subscribe` like the sandbox: 400 for a template it does not know. */
function serveSandbox(unknownTemplates: string[] = []): void {
  jest.mocked(Taro.request).mockImplementation(((options: SentRequest) => {
    const templateId = String(options.data?.templateId);
    if (unknownTemplates.includes(templateId)) return Promise.resolve({ statusCode: 400, data: { error: `unknown templateId ${templateId}` } });
    return Promise.resolve({ statusCode: 200, data: { openid: options.data?.openid, templateId, status: 'accept', credits: 1 } });
  }) as unknown as typeof Taro.request);
}

const sandboxCalls = () =>
  jest
    .mocked(Taro.request)
    .mock.calls.map(([options]) => options as SentRequest)
    .map(({ url, method, data }) => ({ url, method, data }));

describe(askToSubscribe.name, () => {
  const originalPlatform = process.env.TARO_ENV;

  beforeEach(() => {
    jest.clearAllMocks();
    (Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear();
    report.mockResolvedValue([]);
  });

  afterEach(() => {
    process.env.TARO_ENV = originalPlatform;
  });

  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
      useConfig(WEAPP);
    });

    it('asks for the templates of the keys and answers by key', async () => {
      wechatAnswers({ 'tmpl-arrival': 'accept', 'tmpl-expiring': 'reject' });

      await expect(askToSubscribe(['coupon-arrival', 'coupon-expiring'])).resolves.toEqual({ 'coupon-arrival': 'accept', 'coupon-expiring': 'reject' });
      expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-arrival', 'tmpl-expiring'] });
    });

    it('reports the raw answers by template id, whatever they are', async () => {
      wechatAnswers({ 'tmpl-points': 'ban', 'tmpl-tier': 'filter' });

      await askToSubscribe(['points-expiring', 'tier-change']);

      expect(report).toHaveBeenCalledTimes(1);
      expect(report).toHaveBeenCalledWith({ 'tmpl-points': 'ban', 'tmpl-tier': 'filter' });
    });

    it('opens the prompt synchronously, inside the tap, before anything is awaited', () => {
      wechatAnswers({ 'tmpl-points': 'accept' });

      const pending = askToSubscribe(['points-expiring']);

      expect(subscribe).toHaveBeenCalledTimes(1);
      return pending;
    });

    it(`asks at most ${MAX_TEMPLATES_PER_PROMPT} templates in one prompt, the first ones given, each once`, async () => {
      wechatAnswers({ 'tmpl-arrival': 'accept', 'tmpl-expiring': 'accept', 'tmpl-points': 'accept', 'tmpl-tier': 'accept' });

      const answers = await askToSubscribe(['coupon-arrival', 'coupon-arrival', 'coupon-expiring', 'points-expiring', 'tier-change']);

      expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-arrival', 'tmpl-expiring', 'tmpl-points'] });
      expect(answers).toEqual({ 'coupon-arrival': 'accept', 'coupon-expiring': 'accept', 'points-expiring': 'accept' });
    });

    it('leaves out templates the prompt did not answer, and answers it does not know', async () => {
      wechatAnswers({ 'tmpl-arrival': 'accept', 'tmpl-expiring': 'maybe' });

      await expect(askToSubscribe(['coupon-arrival', 'coupon-expiring', 'points-expiring'])).resolves.toEqual({ 'coupon-arrival': 'accept' });
      expect(report).toHaveBeenCalledWith({ 'tmpl-arrival': 'accept' });
    });

    it('asks nothing, reports nothing and fetches the settings when they have not arrived yet', async () => {
      useConfig(null);

      await expect(askToSubscribe(['coupon-arrival'])).resolves.toEqual({});
      expect(subscribe).not.toHaveBeenCalled();
      expect(report).not.toHaveBeenCalled();
      expect(preloadClientConfig).toHaveBeenCalled();
    });

    it('skips keys the settings have no template for, and asks nothing when none is left', async () => {
      useConfig({ ...WEAPP, subscribeTemplates: { ...TEMPLATES, 'tier-change': '' } });
      wechatAnswers({ 'tmpl-points': 'accept' });

      await expect(askToSubscribe(['tier-change', 'points-expiring'])).resolves.toEqual({ 'points-expiring': 'accept' });
      expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-points'] });

      subscribe.mockClear();
      await expect(askToSubscribe(['tier-change'])).resolves.toEqual({});
      expect(subscribe).not.toHaveBeenCalled();
    });

    it('answers nothing and reports nothing when WeChat refuses the prompt', async () => {
      subscribe.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20004 });

      await expect(askToSubscribe(['coupon-arrival'])).resolves.toEqual({});
      expect(report).not.toHaveBeenCalled();
    });

    it('still answers when the report fails', async () => {
      wechatAnswers({ 'tmpl-arrival': 'accept' });
      report.mockRejectedValue(new Error('offline'));

      await expect(askToSubscribe(['coupon-arrival'])).resolves.toEqual({ 'coupon-arrival': 'accept' });
    });
  });

  describe('in the H5 demo', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
      useConfig(DEMO);
      serveSandbox();
      Taro.setStorageSync('glow.demo.openid', 'o-demo-1');
    });

    it('asks in a modal and, on 允许, records the acceptance at the sandbox and reports it', async () => {
      const answers = await askToSubscribe(['coupon-arrival', 'coupon-expiring']);

      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '是否允许「优惠券到账提醒」「优惠券过期提醒」等消息通知？', confirmText: '允许', cancelText: '拒绝' }),
      );
      expect(sandboxCalls()).toEqual([
        { url: 'http://sandbox.test/__control/subscribe', method: 'POST', data: { openid: 'o-demo-1', templateId: 'tmpl-arrival', accept: true } },
        { url: 'http://sandbox.test/__control/subscribe', method: 'POST', data: { openid: 'o-demo-1', templateId: 'tmpl-expiring', accept: true } },
      ]);
      expect(report).toHaveBeenCalledWith({ 'tmpl-arrival': 'accept', 'tmpl-expiring': 'accept' });
      expect(answers).toEqual({ 'coupon-arrival': 'accept', 'coupon-expiring': 'accept' });
      expect(subscribe).not.toHaveBeenCalled();
    });

    it('records and reports a rejection on 拒绝', async () => {
      jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });

      await expect(askToSubscribe(['points-expiring'])).resolves.toEqual({ 'points-expiring': 'reject' });
      expect(sandboxCalls()).toEqual([expect.objectContaining({ data: { openid: 'o-demo-1', templateId: 'tmpl-points', accept: false } })]);
      expect(report).toHaveBeenCalledWith({ 'tmpl-points': 'reject' });
    });

    it('leaves out a template the sandbox refused: WeChat would not have granted it', async () => {
      serveSandbox(['tmpl-expiring']);

      await expect(askToSubscribe(['coupon-arrival', 'coupon-expiring'])).resolves.toEqual({ 'coupon-arrival': 'accept' });
      expect(report).toHaveBeenCalledWith({ 'tmpl-arrival': 'accept' });
    });

    it('reports to the API only before this browser has a sandbox user', async () => {
      (Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear();

      await expect(askToSubscribe(['tier-change'])).resolves.toEqual({ 'tier-change': 'accept' });
      expect(sandboxCalls()).toEqual([]);
      expect(report).toHaveBeenCalledWith({ 'tmpl-tier': 'accept' });
    });

    it('asks nothing in a browser outside demo mode', async () => {
      useConfig(WEAPP);

      await expect(askToSubscribe(['coupon-arrival'])).resolves.toEqual({});
      expect(Taro.showModal).not.toHaveBeenCalled();
      expect(report).not.toHaveBeenCalled();
    });
  });
});
