import type { FastifyInstance } from 'fastify';
import { APP_ID, buildSandbox, classicToken, postJson, type FakeClock, type Json } from '../testing/sandbox.fixture';

describe('POST /wxa/business/getuserphonenumber', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let token: string;

  async function phoneCode(body: Json): Promise<string> {
    const { status, json } = await postJson(sut, '/__control/phone-code', body);
    if (status !== 200) throw new Error(JSON.stringify(json));
    return String(json.code);
  }

  async function getPhone(body: Json): Promise<Json> {
    return (await postJson(sut, `/wxa/business/getuserphonenumber?access_token=${token}`, body)).json;
  }

  beforeEach(async () => {
    ({ sut, clock } = buildSandbox());
    token = await classicToken(sut);
  });

  it('returns phone_info with a numeric countryCode 86, no prefix for a mainland number, and our appid in the watermark', async () => {
    const code = await phoneCode({ openid: 'oAlice', phone: '13800138000' });
    const issuedAt = Math.floor(clock.ms / 1000);
    clock.advance(20);

    expect(await getPhone({ code })).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: 86,
        watermark: { timestamp: issuedAt, appid: APP_ID },
      },
    });
  });

  it('prefixes phoneNumber with +countryCode for a number outside mainland China', async () => {
    const code = await phoneCode({ openid: 'oHk', phone: '51234567', countryCode: '852' });

    expect(await getPhone({ code })).toMatchObject({
      phone_info: { phoneNumber: '+85251234567', purePhoneNumber: '51234567', countryCode: 852 },
    });
  });

  it('uses the phone already set on the user when none is given', async () => {
    await postJson(sut, '/__control/users', { openid: 'oAlice', phone: '13900139000' });

    expect(await getPhone({ code: await phoneCode({ openid: 'oAlice' }) })).toMatchObject({ phone_info: { purePhoneNumber: '13900139000' } });
  });

  it('accepts a code once; a second use answers 40029', async () => {
    const code = await phoneCode({ openid: 'oAlice', phone: '13800138000' });
    await getPhone({ code });

    expect(await getPhone({ code })).toMatchObject({ errcode: 40029 });
  });

  it('accepts a code for 300 seconds only', async () => {
    const fresh = await phoneCode({ openid: 'oAlice', phone: '13800138000' });
    const stale = await phoneCode({ openid: 'oAlice' });

    clock.advance(299);
    expect(await getPhone({ code: fresh })).toMatchObject({ errcode: 0 });
    clock.advance(1);
    expect(await getPhone({ code: stale })).toMatchObject({ errcode: 40029 });
  });

  it('checks the code belongs to the openid when one is given, leaving the code usable by its owner', async () => {
    const code = await phoneCode({ openid: 'oAlice', phone: '13800138000' });

    expect(await getPhone({ code, openid: 'oMallory' })).toMatchObject({ errcode: 40029 });
    expect(await getPhone({ code, openid: 'oAlice' })).toMatchObject({ errcode: 0 });
  });

  it('answers 40029 for a login code, which is not a phone code', async () => {
    const { json } = await postJson(sut, '/__control/login-code', { openid: 'oAlice' });

    expect(await getPhone({ code: json.code })).toMatchObject({ errcode: 40029 });
  });

  it('keeps the number the user picked even if it changes before the code is redeemed', async () => {
    const code = await phoneCode({ openid: 'oAlice', phone: '13800138000' });
    await postJson(sut, '/__control/users', { openid: 'oAlice', phone: '13900139000' });

    expect(await getPhone({ code })).toMatchObject({ phone_info: { purePhoneNumber: '13800138000' } });
  });

  it('refuses form posts with 47001', async () => {
    const code = await phoneCode({ openid: 'oAlice', phone: '13800138000' });
    const response = await sut.inject({
      method: 'POST',
      url: `/wxa/business/getuserphonenumber?access_token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `code=${code}`,
    });

    expect(response.json()).toMatchObject({ errcode: 47001 });
    expect(await getPhone({ code })).toMatchObject({ errcode: 0 });
  });
});
