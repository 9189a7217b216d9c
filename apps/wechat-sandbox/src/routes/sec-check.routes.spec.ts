import type { FastifyInstance } from 'fastify';
import { buildSandbox, classicToken, code2Session, getJson, loginCode, postJson, RID, type FakeClock, type Json } from '../testing/sandbox.fixture';
import { MSG_SEC_CHECK_PATH } from './sec-check.routes';

const HOUR = 3600;
const TRACE_ID = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

describe(`POST ${MSG_SEC_CHECK_PATH}`, () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let token: string;

  async function check(body: unknown, accessToken = token): Promise<Json> {
    return (await postJson(sut, `${MSG_SEC_CHECK_PATH}?access_token=${encodeURIComponent(accessToken)}`, body)).json;
  }

  function request(content: string, extra: Json = {}): Json {
    return { version: 2, openid: 'oAlice', scene: 2, content, ...extra };
  }

  async function logIn(openid: string): Promise<void> {
    const session = await code2Session(sut, await loginCode(sut, openid));
    if (session.openid !== openid) throw new Error(JSON.stringify(session));
  }

  beforeEach(async () => {
    // Tokens outlive the 2-hour visit window here, so moving the clock tests the visit and not the token.
    ({ sut, clock } = buildSandbox({ tokenTtlSeconds: 24 * HOUR }));
    token = await classicToken(sut);
    await logIn('oAlice');
  });

  describe('verdicts', () => {
    it('passes ordinary content with label 100 and both strategies reported', async () => {
      expect(await check(request('想预约周六下午的补水护理'))).toEqual({
        errcode: 0,
        errmsg: 'ok',
        detail: [
          { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
          { strategy: 'keyword', errcode: 0 },
        ],
        trace_id: expect.stringMatching(TRACE_ID),
        result: { suggest: 'pass', label: 100 },
      });
    });

    it.each([
      { word: '赌博', label: 20006 },
      { word: '代开发票', label: 20008 },
      { word: '加微信返现', label: 10001 },
      { word: '色情', label: 20002 },
      { word: '傻逼', label: 20003 },
    ])('answers risky with label $label when the content contains $word', async ({ word, label }) => {
      const response = await check(request(`这家店${word}吗`));

      expect(response.result).toEqual({ suggest: 'risky', label });
      expect(response.detail).toContainEqual({ strategy: 'keyword', errcode: 0, suggest: 'risky', label, keyword: word });
    });

    it.each(['REVIEW', '[审核]'])('answers review with label 21000 for the marker %s', async (marker) => {
      const response = await check(request(`内容 ${marker} 需要人工看看`));

      expect(response.result).toEqual({ suggest: 'review', label: 21000 });
      expect(response.detail).toEqual([
        { strategy: 'content_model', errcode: 0, suggest: 'review', label: 21000, prob: 90 },
        { strategy: 'keyword', errcode: 0 },
      ]);
    });

    it('lets a risky keyword win over a review marker', async () => {
      expect((await check(request('REVIEW 赌博'))).result).toEqual({ suggest: 'risky', label: 20006 });
    });

    it('checks the nickname and title along with the content', async () => {
      expect((await check(request('正常内容', { nickname: '赌博大王' }))).result).toEqual({ suggest: 'risky', label: 20006 });
      expect((await check(request('正常内容', { title: '代开发票' }))).result).toEqual({ suggest: 'risky', label: 20008 });
    });

    it('checks the signature only in the profile scene', async () => {
      expect((await check(request('正常内容', { scene: 1, signature: '色情' }))).result).toEqual({ suggest: 'risky', label: 20002 });
      expect((await check(request('正常内容', { scene: 2, signature: '色情' }))).result).toEqual({ suggest: 'pass', label: 100 });
    });

    it('accepts every documented scene', async () => {
      for (const scene of [1, 2, 3, 4]) expect(await check(request('你好', { scene }))).toMatchObject({ errcode: 0 });
    });

    it('accepts content of exactly 2500 characters, counted as characters rather than bytes', async () => {
      expect(await check(request('美'.repeat(2500)))).toMatchObject({ errcode: 0 });
    });
  });

  describe('the user must have visited within 2 hours', () => {
    it('answers 40003 for an openid the platform has never seen', async () => {
      expect(await check(request('你好', { openid: 'oStranger' }))).toEqual({ errcode: 40003, errmsg: expect.stringMatching(RID) });
    });

    it('answers 40003 for a known user who never logged in', async () => {
      await postJson(sut, '/__control/users', { openid: 'oBob' });

      expect(await check(request('你好', { openid: 'oBob' }))).toMatchObject({ errcode: 40003 });
    });

    it('answers 40003 for a login code that was issued but never exchanged', async () => {
      await loginCode(sut, 'oCarol');

      expect(await check(request('你好', { openid: 'oCarol' }))).toMatchObject({ errcode: 40003 });
    });

    it('accepts the user just under 2 hours after login and answers 40003 at 2 hours', async () => {
      clock.advance(2 * HOUR - 1);
      expect(await check(request('你好'))).toMatchObject({ errcode: 0 });

      clock.advance(1);
      expect(await check(request('你好'))).toMatchObject({ errcode: 40003 });
    });

    it('accepts the user again after a fresh login', async () => {
      clock.advance(3 * HOUR);
      await logIn('oAlice');

      expect(await check(request('你好'))).toMatchObject({ errcode: 0 });
    });
  });

  describe('errors', () => {
    it('answers 43302 to a GET', async () => {
      expect(await getJson(sut, `${MSG_SEC_CHECK_PATH}?access_token=${token}`)).toEqual({ errcode: 43302, errmsg: expect.stringMatching(/^require POST method, rid: /) });
    });

    it.each([
      { problem: 'no token', url: MSG_SEC_CHECK_PATH, errcode: 41001 },
      { problem: 'a malformed token', url: `${MSG_SEC_CHECK_PATH}?access_token=bad`, errcode: 40014 },
      { problem: 'an unknown token', url: `${MSG_SEC_CHECK_PATH}?access_token=${'x'.repeat(64)}`, errcode: 40001 },
    ])('answers $errcode for $problem', async ({ url, errcode }) => {
      expect((await postJson(sut, url, request('你好'))).json).toMatchObject({ errcode });
    });

    it('answers 42001 for an expired token', async () => {
      await postJson(sut, '/__control/tokens/expire', {});

      expect(await check(request('你好'))).toMatchObject({ errcode: 42001 });
    });

    it('answers 44002 for an empty body and 47001 for a form post', async () => {
      const empty = await sut.inject({ method: 'POST', url: `${MSG_SEC_CHECK_PATH}?access_token=${token}` });
      const form = await sut.inject({
        method: 'POST',
        url: `${MSG_SEC_CHECK_PATH}?access_token=${token}`,
        payload: 'version=2&openid=oAlice&scene=2&content=hi',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

      expect(empty.json()).toMatchObject({ errcode: 44002 });
      expect(form.json()).toMatchObject({ errcode: 47001 });
    });

    it.each([
      { problem: 'an empty object', body: {}, errcode: 44002 },
      { problem: 'no version', body: { openid: 'oAlice', scene: 2, content: '你好' }, errcode: 44002 },
      { problem: 'no openid', body: { version: 2, scene: 2, content: '你好' }, errcode: 44002 },
      { problem: 'no scene', body: { version: 2, openid: 'oAlice', content: '你好' }, errcode: 44002 },
      { problem: 'no content', body: { version: 2, openid: 'oAlice', scene: 2 }, errcode: 44002 },
      { problem: 'empty content', body: request(''), errcode: 44002 },
      { problem: 'version 1', body: request('你好', { version: 1 }), errcode: 47001 },
      { problem: 'version as a string', body: request('你好', { version: '2' }), errcode: 47001 },
      { problem: 'content as a number', body: request('你好', { content: 42 }), errcode: 47001 },
      { problem: 'content over 2500 characters', body: request('美'.repeat(2501)), errcode: 47001 },
      { problem: 'a nickname that is not a string', body: request('你好', { nickname: 7 }), errcode: 47001 },
      { problem: 'scene 0', body: request('你好', { scene: 0 }), errcode: 40129 },
      { problem: 'scene 5', body: request('你好', { scene: 5 }), errcode: 40129 },
      { problem: 'scene as a string', body: request('你好', { scene: '2' }), errcode: 40129 },
    ])('answers $errcode for $problem', async ({ body, errcode }) => {
      expect(await check(body)).toEqual({ errcode, errmsg: expect.stringMatching(RID) });
    });
  });
});

describe('/__control/sec-check/words', () => {
  let sut: FastifyInstance;
  let token: string;

  async function verdict(content: string): Promise<unknown> {
    const { json } = await postJson(sut, `${MSG_SEC_CHECK_PATH}?access_token=${token}`, { version: 2, openid: 'oAlice', scene: 3, content });
    return json.result;
  }

  beforeEach(async () => {
    ({ sut } = buildSandbox());
    token = await classicToken(sut);
    await code2Session(sut, await loginCode(sut, 'oAlice'));
  });

  it('lists the default risky keywords with their labels', async () => {
    expect(await getJson(sut, '/__control/sec-check/words')).toEqual({
      words: { 赌博: 20006, 代开发票: 20008, 加微信返现: 10001, 色情: 20002, 傻逼: 20003 },
    });
  });

  it('replaces the whole list: the new word is risky, an old one passes', async () => {
    const response = await sut.inject({ method: 'PUT', url: '/__control/sec-check/words', payload: { words: { 刷单: 20008 } } });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ words: { 刷单: 20008 } });
    expect(await verdict('招聘刷单兼职')).toEqual({ suggest: 'risky', label: 20008 });
    expect(await verdict('赌博')).toEqual({ suggest: 'pass', label: 100 });
  });

  it('brings back the defaults on reset', async () => {
    await sut.inject({ method: 'PUT', url: '/__control/sec-check/words', payload: { words: {} } });
    await postJson(sut, '/__control/reset', {});
    token = await classicToken(sut);
    await code2Session(sut, await loginCode(sut, 'oAlice'));

    expect(await verdict('赌博')).toEqual({ suggest: 'risky', label: 20006 });
  });

  it.each([
    { problem: 'no words', body: {} },
    { problem: 'words as a list', body: { words: ['赌博'] } },
    { problem: 'label 100, which is not risky', body: { words: { 赌博: 100 } } },
    { problem: 'an undocumented label', body: { words: { 赌博: 12345 } } },
    { problem: 'a label as a string', body: { words: { 赌博: '20006' } } },
    { problem: 'a blank keyword', body: { words: { ' ': 20006 } } },
    { problem: 'an unknown field', body: { words: {}, mode: 'append' } },
  ])('answers 400 for $problem and keeps the list', async ({ body }) => {
    const response = await sut.inject({ method: 'PUT', url: '/__control/sec-check/words', payload: body });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: expect.any(String) });
    expect(await verdict('赌博')).toEqual({ suggest: 'risky', label: 20006 });
  });
});
