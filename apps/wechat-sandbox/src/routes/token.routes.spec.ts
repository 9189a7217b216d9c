import type { FastifyInstance } from 'fastify';
import { APP_ID, buildSandbox, classicToken, getJson, postJson, RID, SECRET, type FakeClock } from '../testing/sandbox.fixture';

const MINUTE = 60;

/** Any protected API answers token problems the same way; getuserphonenumber with no code is the cheapest probe. */
async function tokenErrcode(sut: FastifyInstance, token: string): Promise<unknown> {
  const { json } = await postJson(sut, `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, {});
  return json.errcode;
}

async function stableToken(sut: FastifyInstance, forceRefresh?: boolean): Promise<{ access_token: string; expires_in: number }> {
  const { json } = await postJson(sut, '/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: APP_ID,
    secret: SECRET,
    ...(forceRefresh === undefined ? {} : { force_refresh: forceRefresh }),
  });
  if (typeof json.access_token !== 'string' || typeof json.expires_in !== 'number') throw new Error(JSON.stringify(json));
  return { access_token: json.access_token, expires_in: json.expires_in };
}

/** 41008 "missing code" proves the token was accepted and the call reached the business checks. */
const ACCEPTED = 41008;

describe('GET /cgi-bin/token', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;

  beforeEach(() => {
    ({ sut, clock } = buildSandbox());
  });

  it('issues a token valid for 7200 seconds without errcode', async () => {
    const body = await getJson(sut, `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);

    expect(body).toEqual({ access_token: expect.stringMatching(/^[\w-]{100,}$/), expires_in: 7200 });
    expect(await tokenErrcode(sut, String(body.access_token))).toBe(ACCEPTED);
  });

  it.each([
    { problem: 'wrong grant_type', query: `grant_type=password&appid=${APP_ID}&secret=${SECRET}`, errcode: 40002 },
    { problem: 'unknown appid', query: `grant_type=client_credential&appid=wxother&secret=${SECRET}`, errcode: 40013 },
    { problem: 'wrong secret', query: `grant_type=client_credential&appid=${APP_ID}&secret=nope`, errcode: 40001 },
  ])('refuses a $problem with HTTP 200 and errcode $errcode', async ({ query, errcode }) => {
    const response = await sut.inject({ method: 'GET', url: `/cgi-bin/token?${query}` });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ errcode, errmsg: expect.stringMatching(RID) });
  });

  it('says "invalid credential" for a wrong secret, as the platform does', async () => {
    const body = await getJson(sut, `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=nope`);

    expect(body.errmsg).toMatch(/^invalid credential/);
  });

  it('keeps the previous token working for 5 minutes after a new fetch, then rejects it as not latest', async () => {
    const first = await classicToken(sut);
    const second = await classicToken(sut);

    clock.advance(5 * MINUTE - 1);
    expect(await tokenErrcode(sut, first)).toBe(ACCEPTED);
    clock.advance(1);
    expect(await tokenErrcode(sut, first)).toBe(40001);
    expect(await tokenErrcode(sut, second)).toBe(ACCEPTED);
  });

  it('expires a token after its TTL with 42001', async () => {
    const token = await classicToken(sut);

    clock.advance(7200 - 1);
    expect(await tokenErrcode(sut, token)).toBe(ACCEPTED);
    clock.advance(1);
    expect(await tokenErrcode(sut, token)).toBe(42001);
  });

  it('honours a custom TTL', async () => {
    ({ sut, clock } = buildSandbox({ tokenTtlSeconds: 600 }));
    const body = await getJson(sut, `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);

    expect(body.expires_in).toBe(600);
    clock.advance(600);
    expect(await tokenErrcode(sut, String(body.access_token))).toBe(42001);
  });
});

describe('POST /cgi-bin/stable_token', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;

  beforeEach(() => {
    ({ sut, clock } = buildSandbox());
  });

  it('returns the same token on repeated calls, with the remaining lifetime', async () => {
    const first = await stableToken(sut);
    clock.advance(10 * MINUTE);
    const again = await stableToken(sut, false);

    expect(first.expires_in).toBe(7200);
    expect(again).toEqual({ access_token: first.access_token, expires_in: 7200 - 10 * MINUTE });
  });

  it('rotates 5 minutes before expiry, so every returned token has expires_in >= 300, and the old one still works', async () => {
    const first = await stableToken(sut);
    clock.advance(7200 - 300 - 1);
    expect(await stableToken(sut)).toEqual({ access_token: first.access_token, expires_in: 301 });

    clock.advance(1);
    const rotated = await stableToken(sut);

    expect(rotated.access_token).not.toBe(first.access_token);
    expect(rotated.expires_in).toBe(7200);
    expect(await tokenErrcode(sut, first.access_token)).toBe(ACCEPTED);
    clock.advance(300);
    expect(await tokenErrcode(sut, first.access_token)).toBe(42001);
    expect(await tokenErrcode(sut, rotated.access_token)).toBe(ACCEPTED);
  });

  it('force_refresh retires the current token at once and returns a new one', async () => {
    const first = await stableToken(sut);
    const forced = await stableToken(sut, true);

    expect(forced.access_token).not.toBe(first.access_token);
    expect(await tokenErrcode(sut, first.access_token)).toBe(40001);
    expect(await tokenErrcode(sut, forced.access_token)).toBe(ACCEPTED);
  });

  it('ignores a force_refresh less than 30 seconds after the previous one', async () => {
    await stableToken(sut, true);
    clock.advance(29);
    const current = await stableToken(sut);

    expect((await stableToken(sut, true)).access_token).toBe(current.access_token);
    clock.advance(1);
    expect((await stableToken(sut, true)).access_token).not.toBe(current.access_token);
  });

  it('allows 20 forced refreshes a day, then returns the current token unchanged until the next day', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 21; i += 1) {
      tokens.add((await stableToken(sut, true)).access_token);
      clock.advance(60);
    }
    expect(tokens.size).toBe(20);

    clock.advance(24 * 60 * MINUTE);
    expect(tokens.has((await stableToken(sut, true)).access_token)).toBe(false);
  });

  it('is isolated from classic tokens: fetching either kind never retires the other', async () => {
    const stable = await stableToken(sut);
    const classic = await classicToken(sut);
    await classicToken(sut);
    const forced = await stableToken(sut, true);

    clock.advance(5 * MINUTE);
    expect(await tokenErrcode(sut, forced.access_token)).toBe(ACCEPTED);
    expect(await tokenErrcode(sut, classic)).toBe(40001);
    expect(await tokenErrcode(sut, stable.access_token)).toBe(40001);
    expect(forced.access_token).not.toBe(classic);
  });

  it.each([
    { problem: 'wrong grant_type', body: { grant_type: 'x', appid: APP_ID, secret: SECRET }, errcode: 40002 },
    { problem: 'unknown appid', body: { grant_type: 'client_credential', appid: 'wxother', secret: SECRET }, errcode: 40013 },
    { problem: 'wrong secret', body: { grant_type: 'client_credential', appid: APP_ID, secret: 'nope' }, errcode: 40001 },
  ])('validates like /cgi-bin/token: $problem → $errcode', async ({ body, errcode }) => {
    const { status, json } = await postJson(sut, '/cgi-bin/stable_token', body);

    expect(status).toBe(200);
    expect(json.errcode).toBe(errcode);
  });

  it('refuses form posts with 47001', async () => {
    const response = await sut.inject({
      method: 'POST',
      url: '/cgi-bin/stable_token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`,
    });

    expect(response.json()).toMatchObject({ errcode: 47001 });
  });
});

describe('access_token on protected APIs', () => {
  let sut: FastifyInstance;

  beforeEach(() => {
    ({ sut } = buildSandbox());
  });

  it.each([
    ['/wxa/business/getuserphonenumber', { code: 'x' }],
    ['/wxa/getwxacodeunlimit', { scene: 'a=1' }],
  ])('%s answers 41001 without a token, 40014 for a malformed one and 40001 for an unknown one', async (path, body) => {
    const errcodeFor = async (query: string): Promise<unknown> => (await postJson(sut, `${path}${query}`, body)).json.errcode;

    expect(await errcodeFor('')).toBe(41001);
    expect(await errcodeFor('?access_token=')).toBe(41001);
    expect(await errcodeFor('?access_token=not%20a%20token')).toBe(40014);
    expect(await errcodeFor(`?access_token=92_${'A'.repeat(137)}`)).toBe(40001);
  });

  it('explains 40001 as "invalid credential, access_token is invalid or not latest"', async () => {
    const { json } = await postJson(sut, `/wxa/getwxacodeunlimit?access_token=92_${'A'.repeat(137)}`, { scene: 'a=1' });

    expect(json.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest, rid: /);
  });

  it('answers 42001 after the control API expires every token, and a fresh token works again', async () => {
    const token = await classicToken(sut);
    await postJson(sut, '/__control/tokens/expire', {});

    expect(await tokenErrcode(sut, token)).toBe(42001);
    expect(await tokenErrcode(sut, await classicToken(sut))).toBe(ACCEPTED);
  });
});
