import type { FastifyInstance } from 'fastify';
import { APP_ID, buildSandbox, code2Session, getJson, loginCode, postJson, RID, SECRET, type FakeClock } from '../testing/sandbox.fixture';

describe('GET /sns/jscode2session', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;

  beforeEach(() => {
    ({ sut, clock } = buildSandbox());
  });

  it('exchanges a login code for the openid and a 16-byte session_key, without unionid when the user has none', async () => {
    const body = await code2Session(sut, await loginCode(sut, 'oAlice'));

    expect(body).toEqual({ openid: 'oAlice', session_key: expect.any(String) });
    expect(Buffer.from(String(body.session_key), 'base64')).toHaveLength(16);
  });

  it('adds unionid only for a user that has one', async () => {
    await postJson(sut, '/__control/users', { openid: 'oBob', unionid: 'uBob' });

    expect(await code2Session(sut, await loginCode(sut, 'oBob'))).toMatchObject({ openid: 'oBob', unionid: 'uBob' });
  });

  it('accepts a code for 300 seconds, then answers 40029', async () => {
    const fresh = await loginCode(sut, 'oAlice');
    const stale = await loginCode(sut, 'oAlice');

    clock.advance(299);
    expect(await code2Session(sut, fresh)).toMatchObject({ openid: 'oAlice' });
    clock.advance(1);
    expect(await code2Session(sut, stale)).toEqual({ errcode: 40029, errmsg: expect.stringMatching(/^invalid code, rid: /) });
  });

  it('accepts a code once; a second use answers 40163', async () => {
    const code = await loginCode(sut, 'oAlice');
    await code2Session(sut, code);

    expect(await code2Session(sut, code)).toEqual({ errcode: 40163, errmsg: expect.stringMatching(RID) });
  });

  it('answers 40029 for a code it never issued', async () => {
    expect(await code2Session(sut, '0a3xyz0a3xyz0a3xyz0a3xyz0a3xyz00')).toMatchObject({ errcode: 40029 });
  });

  it('answers 40226 for a blocked user, and logs them in once unblocked', async () => {
    await postJson(sut, '/__control/users', { openid: 'oRisky', blocked: true });
    const code = await loginCode(sut, 'oRisky');

    expect(await code2Session(sut, code)).toMatchObject({ errcode: 40226 });
    await postJson(sut, '/__control/users', { openid: 'oRisky', blocked: false });
    expect(await code2Session(sut, code)).toMatchObject({ openid: 'oRisky' });
  });

  it('limits a user to 100 calls a minute with 45011, other users unaffected, and lifts it the next minute', async () => {
    const codes = await Promise.all(Array.from({ length: 101 }, () => loginCode(sut, 'oBusy')));
    for (const code of codes.slice(0, 100)) expect(await code2Session(sut, code)).toMatchObject({ openid: 'oBusy' });

    const limited = codes[100] ?? '';
    expect(await code2Session(sut, limited)).toEqual({
      errcode: 45011,
      errmsg: expect.stringMatching(/^api minute-quota reach limit mustslower retry next minute, rid: /),
    });
    expect(await code2Session(sut, await loginCode(sut, 'oCalm'))).toMatchObject({ openid: 'oCalm' });
    clock.advance(60);
    expect(await code2Session(sut, limited)).toMatchObject({ openid: 'oBusy' });
  });

  it.each([
    { problem: 'missing appid', query: `secret=${SECRET}&js_code=c&grant_type=authorization_code`, errcode: 41002 },
    { problem: 'unknown appid', query: `appid=wxother&secret=${SECRET}&js_code=c&grant_type=authorization_code`, errcode: 40013 },
    { problem: 'wrong secret', query: `appid=${APP_ID}&secret=nope&js_code=c&grant_type=authorization_code`, errcode: 40125 },
    { problem: 'missing code', query: `appid=${APP_ID}&secret=${SECRET}&grant_type=authorization_code`, errcode: 41008 },
    { problem: 'wrong grant_type', query: `appid=${APP_ID}&secret=${SECRET}&js_code=c&grant_type=client_credential`, errcode: 40002 },
  ])('answers $errcode for a $problem, with HTTP 200', async ({ query, errcode }) => {
    const response = await sut.inject({ method: 'GET', url: `/sns/jscode2session?${query}` });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ errcode, errmsg: expect.stringMatching(RID) });
  });

  it('does not spend the code on a call refused for a wrong secret', async () => {
    const code = await loginCode(sut, 'oAlice');
    await getJson(sut, `/sns/jscode2session?appid=${APP_ID}&secret=nope&js_code=${code}&grant_type=authorization_code`);

    expect(await code2Session(sut, code)).toMatchObject({ openid: 'oAlice' });
  });
});
