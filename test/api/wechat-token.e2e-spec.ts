import { startStack, type Stack } from '../support/stack';
import { api, control, currentPolicyVersion, memberLogin, newWechatUser, phoneCode } from '../support/wechat-user';

describe('Talking to WeChat: access token cache and retry', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.close());

  const tokenFetches = async () => ((await stack.sandbox.inject({ method: 'GET', url: '/__control/calls?path=/cgi-bin/stable_token' })).json() as { count: number }).count;

  async function joinOnce() {
    const user = await newWechatUser(stack);
    const session = await memberLogin(stack, user.openid);
    return api(stack)
      .post('/api/members/join')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ consentVersion: await currentPolicyVersion(stack), phoneCode: await phoneCode(stack, user.openid) });
  }

  it('fetches one access token and reuses it for later calls', async () => {
    for (let i = 0; i < 3; i++) expect((await joinOnce()).status).toBe(201);
    expect(await tokenFetches()).toBe(1);
  });

  it('when WeChat says the token expired (42001), fetches a new one and retries once, so the member never notices', async () => {
    expect((await joinOnce()).status).toBe(201);
    await control(stack, '/__control/tokens/expire', {});
    expect((await joinOnce()).status).toBe(201);
    expect(await tokenFetches()).toBe(2);
  });

  it('retries only once: a token rejected twice surfaces as WeChat being unavailable, and nothing is created', async () => {
    await control(stack, '/__control/faults', { endpoint: 'getuserphonenumber', errcode: 40001, times: 2 });
    const res = await joinOnce();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'WECHAT_UNAVAILABLE', message: '微信服务暂时不可用，请稍后再试' });
  });

  it("WeChat's per-user rate limit on login is passed on as a 429 with a Chinese message", async () => {
    await control(stack, '/__control/faults', { endpoint: 'jscode2session', errcode: 45011 });
    const user = await newWechatUser(stack);
    const code = ((await control(stack, '/__control/login-code', { openid: user.openid })) as { code: string }).code;
    const res = await api(stack).post('/api/auth/member/login').send({ code });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('WECHAT_RATE_LIMITED');
  });

  it('a WeChat user flagged as high-risk (40226) cannot log in', async () => {
    const user = await newWechatUser(stack);
    await control(stack, '/__control/users', { openid: user.openid, blocked: true });
    const code = ((await control(stack, '/__control/login-code', { openid: user.openid })) as { code: string }).code;
    const res = await api(stack).post('/api/auth/member/login').send({ code });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH_LOGIN_BLOCKED');
  });

  it('WeChat being down is a 503, not a crash', async () => {
    const down = await startStack({ wechatApiBase: 'http://127.0.0.1:9' });
    try {
      const res = await api(down).post('/api/auth/member/login').send({ code: 'abcdef0123456789' });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
