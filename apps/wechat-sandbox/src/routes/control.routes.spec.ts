import type { FastifyInstance } from 'fastify';
import { buildSandbox, classicToken, code2Session, getJson, loginCode, postJson } from '../testing/sandbox.fixture';

describe('/__control', () => {
  let sut: FastifyInstance;

  beforeEach(() => {
    ({ sut } = buildSandbox());
  });

  describe('CORS', () => {
    it('answers a browser preflight with 204 and permissive headers', async () => {
      const response = await sut.inject({
        method: 'OPTIONS',
        url: '/__control/login-code',
        headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toContain('POST');
      expect(response.headers['access-control-allow-headers']).toContain('content-type');
    });

    it('allows DELETE from a browser, which /__control/subscribe/faults uses', async () => {
      const response = await sut.inject({
        method: 'OPTIONS',
        url: '/__control/subscribe/faults',
        headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'DELETE' },
      });

      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-methods']).toContain('DELETE');
    });

    it('lets the browser read both successes and validation errors', async () => {
      const ok = await sut.inject({ method: 'POST', url: '/__control/login-code', payload: { openid: 'oAlice' } });
      const bad = await sut.inject({ method: 'POST', url: '/__control/login-code', payload: { openid: 42 } });

      expect(ok.headers['access-control-allow-origin']).toBe('*');
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['access-control-allow-origin']).toBe('*');
    });

    it('is not offered on the WeChat endpoints, which servers call', async () => {
      const response = await sut.inject({ method: 'GET', url: '/cgi-bin/token' });

      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('POST /__control/users', () => {
    it('creates a user with a generated openid shaped like WeChat’s', async () => {
      const { status, json } = await postJson(sut, '/__control/users', { phone: '13800138000' });

      expect(status).toBe(201);
      expect(json).toEqual({ openid: expect.stringMatching(/^o[\w-]{27}$/), unionid: null, phone: '13800138000', countryCode: '86', blocked: false });
    });

    it('updates only the given fields of an existing openid', async () => {
      await postJson(sut, '/__control/users', { openid: 'oAlice', unionid: 'uAlice', phone: '13800138000' });
      const { status, json } = await postJson(sut, '/__control/users', { openid: 'oAlice', blocked: true });

      expect(status).toBe(200);
      expect(json).toEqual({ openid: 'oAlice', unionid: 'uAlice', phone: '13800138000', countryCode: '86', blocked: true });
    });

    it.each([
      { problem: 'a non-string openid', body: { openid: 7 } },
      { problem: 'an openid with spaces', body: { openid: 'o Alice' } },
      { problem: 'a dash in phone', body: { phone: '138-0013-8000' } },
      { problem: 'a bad countryCode', body: { phone: '13800138000', countryCode: 'CN' } },
      { problem: 'a non-boolean blocked', body: { blocked: 'yes' } },
      { problem: 'an unknown field', body: { nickname: 'Alice' } },
      { problem: 'a JSON array', body: [] },
    ])('answers 400 with an error for $problem', async ({ body }) => {
      const { status, json } = await postJson(sut, '/__control/users', body);

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.any(String) });
    });
  });

  describe('POST /__control/login-code', () => {
    it('creates an unknown user and returns a 32-character code for them', async () => {
      const { status, json } = await postJson(sut, '/__control/login-code', { openid: 'oNew' });

      expect(status).toBe(200);
      expect(json).toEqual({ code: expect.stringMatching(/^[0-9a-f]{32}$/), openid: 'oNew' });
      expect(await code2Session(sut, String(json.code))).toMatchObject({ openid: 'oNew' });
    });

    it('makes a new user when no openid is given', async () => {
      const { json } = await postJson(sut, '/__control/login-code', {});

      expect(await code2Session(sut, String(json.code))).toEqual(expect.objectContaining({ openid: json.openid }));
    });
  });

  describe('POST /__control/phone-code', () => {
    it('answers 400 when the user has no phone', async () => {
      const { status, json } = await postJson(sut, '/__control/phone-code', { openid: 'oAlice' });

      expect(status).toBe(400);
      expect(json.error).toContain('no phone');
    });

    it('sets the phone it is given on the user', async () => {
      await postJson(sut, '/__control/phone-code', { openid: 'oAlice', phone: '13800138000' });

      expect((await postJson(sut, '/__control/users', { openid: 'oAlice' })).json).toMatchObject({ phone: '13800138000' });
    });

    it('requires an openid', async () => {
      expect((await postJson(sut, '/__control/phone-code', { phone: '13800138000' })).status).toBe(400);
    });
  });

  describe('POST /__control/faults', () => {
    it('makes the next calls answer the errcode, then returns to normal without spending the code', async () => {
      const { status } = await postJson(sut, '/__control/faults', { endpoint: 'jscode2session', errcode: -1, times: 2 });
      const code = await loginCode(sut, 'oAlice');

      expect(status).toBe(201);
      expect(await code2Session(sut, code)).toMatchObject({ errcode: -1, errmsg: expect.stringMatching(/^system error, rid: /) });
      expect(await code2Session(sut, code)).toMatchObject({ errcode: -1 });
      expect(await code2Session(sut, code)).toMatchObject({ openid: 'oAlice' });
    });

    it('fails one call by default, after the access_token has been checked', async () => {
      await postJson(sut, '/__control/faults', { endpoint: 'getuserphonenumber', errcode: 40001 });
      const token = await classicToken(sut);
      const { json: phone } = await postJson(sut, '/__control/phone-code', { openid: 'oAlice', phone: '13800138000' });
      const call = async (accessToken: string): Promise<unknown> =>
        (await postJson(sut, `/wxa/business/getuserphonenumber?access_token=${accessToken}`, { code: phone.code })).json.errcode;

      expect(await call('')).toBe(41001);
      expect(await call(token)).toBe(40001);
      expect(await call(token)).toBe(0);
    });

    it('applies to getwxacodeunlimit', async () => {
      await postJson(sut, '/__control/faults', { endpoint: 'getwxacodeunlimit', errcode: 45009 });
      const token = await classicToken(sut);

      expect((await postJson(sut, `/wxa/getwxacodeunlimit?access_token=${token}`, { scene: 'a=1' })).json).toMatchObject({ errcode: 45009 });
    });

    it.each([
      { problem: 'an unknown endpoint', body: { endpoint: 'token', errcode: -1 } },
      { problem: 'errcode 0', body: { endpoint: 'jscode2session', errcode: 0 } },
      { problem: 'a fractional times', body: { endpoint: 'jscode2session', errcode: -1, times: 1.5 } },
      { problem: 'zero times', body: { endpoint: 'jscode2session', errcode: -1, times: 0 } },
    ])('answers 400 for $problem', async ({ body }) => {
      expect((await postJson(sut, '/__control/faults', body)).status).toBe(400);
    });
  });

  describe('GET /__control/calls and POST /__control/reset', () => {
    it('counts the calls each WeChat path received, ignoring the query string', async () => {
      await classicToken(sut);
      await classicToken(sut);
      await code2Session(sut, 'nope');

      expect(await getJson(sut, '/__control/calls?path=/cgi-bin/token')).toEqual({ path: '/cgi-bin/token', count: 2 });
      expect(await getJson(sut, '/__control/calls?path=/sns/jscode2session')).toMatchObject({ count: 1 });
      expect(await getJson(sut, '/__control/calls?path=/wxa/getwxacodeunlimit')).toMatchObject({ count: 0 });
    });

    it('forgets users, codes, tokens and counts on reset', async () => {
      await postJson(sut, '/__control/users', { openid: 'oAlice', blocked: true });
      const code = await loginCode(sut, 'oAlice');
      const token = await classicToken(sut);

      expect((await postJson(sut, '/__control/reset', {})).status).toBe(200);
      expect(await getJson(sut, '/__control/calls?path=/cgi-bin/token')).toMatchObject({ count: 0 });
      expect(await code2Session(sut, code)).toMatchObject({ errcode: 40029 });
      expect((await postJson(sut, `/wxa/getwxacodeunlimit?access_token=${token}`, { scene: 'a=1' })).json).toMatchObject({ errcode: 40001 });
      expect((await postJson(sut, '/__control/users', { openid: 'oAlice' })).status).toBe(201);
    });
  });
});
