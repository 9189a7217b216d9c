import type { FastifyInstance } from 'fastify';
import { createSandbox } from '../sandbox';
import { GLOW_SUBSCRIBE_TEMPLATE_IDS, type SubscribeTemplate } from '../state/subscribe-templates';
import { APP_ID, buildSandbox, classicToken, getJson, postJson, RID, SECRET, type FakeClock, type Json } from '../testing/sandbox.fixture';
import { SUBSCRIBE_SEND_PATH } from './subscribe.routes';

const BOOKING = GLOW_SUBSCRIBE_TEMPLATE_IDS.bookingReminder;
const COUPON_ARRIVAL = GLOW_SUBSCRIBE_TEMPLATE_IDS.couponArrival;

type Values = Record<string, string>;

function wire(values: Values): Json {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }]));
}

const BOOKING_VALUES: Values = { thing1: '焕颜深层补水护理', time2: '2026年01月01日 15:01', thing3: '上海静安嘉里中心店', thing4: '请提前10分钟到店' };

/** One field of every keyword type, each with a valid value, so a table row can change exactly one of them. */
const ALL_TYPES: SubscribeTemplate = {
  id: 'AllKeywordTypes_sandbox_test_template_0001',
  title: '全类型测试',
  fields: [
    { key: 'thing1', name: '事项' },
    { key: 'number2', name: '数量' },
    { key: 'letter3', name: '字母' },
    { key: 'symbol4', name: '符号' },
    { key: 'character_string5', name: '单号' },
    { key: 'time6', name: '时间' },
    { key: 'date7', name: '日期' },
    { key: 'amount8', name: '金额' },
    { key: 'phone_number9', name: '电话' },
    { key: 'car_number10', name: '车牌' },
    { key: 'name11', name: '姓名' },
    { key: 'phrase12', name: '状态' },
    { key: 'enum13', name: '配送状态', values: ['待发货', '已发货'] },
  ],
};

const ALL_TYPES_VALUES: Values = {
  thing1: '玫瑰精华面霜 50ml',
  number2: '3',
  letter3: 'VIP',
  symbol4: '★',
  character_string5: 'T20260101000001',
  time6: '15:01',
  date7: '2026年01月01日',
  amount8: '¥399.00',
  phone_number9: '13800138000',
  car_number10: '粤A8Z8F8',
  name11: '张三',
  phrase12: '已发货',
  enum13: '已发货',
};

describe(`POST ${SUBSCRIBE_SEND_PATH}`, () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let token: string;

  async function choose(openid: string, templateId: string, accept: boolean): Promise<Json> {
    const { status, json } = await postJson(sut, '/__control/subscribe', { openid, templateId, accept });
    if (status !== 200) throw new Error(JSON.stringify(json));
    return json;
  }

  async function send(body: Json, accessToken = token): Promise<Json> {
    return (await postJson(sut, `${SUBSCRIBE_SEND_PATH}?access_token=${encodeURIComponent(accessToken)}`, body)).json;
  }

  function booking(openid: string, extra: Json = {}): Json {
    return { touser: openid, template_id: BOOKING, data: wire(BOOKING_VALUES), ...extra };
  }

  async function messages(query = ''): Promise<Json[]> {
    const { messages: list } = await getJson(sut, `/__control/subscribe/messages${query}`);
    if (!Array.isArray(list)) throw new Error('messages is not a list');
    return list;
  }

  beforeEach(async () => {
    ({ sut, clock } = buildSandbox());
    token = await classicToken(sut);
  });

  describe('credits: one accepted popup allows one message', () => {
    it('delivers one message per acceptance, then answers 43101', async () => {
      await choose('oAlice', BOOKING, true);

      expect(await send(booking('oAlice'))).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(await send(booking('oAlice'))).toEqual({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg, rid: /) });
    });

    it('answers 43101 when the user rejected the template', async () => {
      await choose('oAlice', BOOKING, false);

      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 43101 });
      expect(await getJson(sut, '/__control/subscribe?openid=oAlice')).toEqual({
        openid: 'oAlice',
        subscriptions: [{ templateId: BOOKING, status: 'reject', credits: 0 }],
      });
    });

    it('answers 43101 to a known user who was never asked', async () => {
      await postJson(sut, '/__control/users', { openid: 'oAlice' });

      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 43101 });
    });

    it('accumulates acceptances: two accepts allow two messages', async () => {
      await choose('oAlice', BOOKING, true);
      expect(await choose('oAlice', BOOKING, true)).toEqual({ openid: 'oAlice', templateId: BOOKING, status: 'accept', credits: 2 });

      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 43101 });
    });

    it('remembers a later reject without taking back the send an earlier accept granted', async () => {
      await choose('oAlice', BOOKING, true);

      expect(await choose('oAlice', BOOKING, false)).toEqual({ openid: 'oAlice', templateId: BOOKING, status: 'reject', credits: 1 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 43101 });
    });

    it('keeps credits per user and per template', async () => {
      await choose('oAlice', COUPON_ARRIVAL, true);
      await choose('oBob', BOOKING, true);

      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 43101 });
      expect(await send(booking('oBob'))).toMatchObject({ errcode: 0 });
    });

    it('spends no credit on a refused message', async () => {
      await choose('oAlice', BOOKING, true);

      expect(await send(booking('oAlice', { data: wire({ ...BOOKING_VALUES, time2: 'tomorrow' }) }))).toMatchObject({ errcode: 47003 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
    });

    it('lets exactly one of many concurrent sends spend a single credit', async () => {
      await choose('oAlice', BOOKING, true);

      const replies = await Promise.all(Array.from({ length: 10 }, () => send(booking('oAlice'))));

      expect(replies.filter((reply) => reply.errcode === 0)).toHaveLength(1);
      expect(replies.filter((reply) => reply.errcode === 43101)).toHaveLength(9);
      expect(await messages('?openid=oAlice')).toHaveLength(1);
    });
  });

  describe('delivered messages', () => {
    it('stores what was sent, with WeChat’s defaults for state and language', async () => {
      await choose('oAlice', BOOKING, true);
      await send(booking('oAlice', { page: 'pages/booking/detail?id=42' }));

      expect(await messages('?openid=oAlice')).toEqual([
        {
          msgid: expect.stringMatching(/^[1-9]\d{18}$/),
          openid: 'oAlice',
          templateId: BOOKING,
          title: '预约提醒',
          page: 'pages/booking/detail?id=42',
          miniprogramState: 'formal',
          lang: 'zh_CN',
          data: BOOKING_VALUES,
          sentAt: new Date(clock.ms).toISOString(),
        },
      ]);
    });

    it('accepts a booking reminder shaped as the API’s reminder job sends it', async () => {
      await choose('oAlice', BOOKING, true);
      const reminder = {
        touser: 'oAlice',
        template_id: 'glow-booking-reminder',
        page: 'pages/booking-detail/index?id=0f8fad5b-d9cb-469f-a165-70867728950e',
        data: wire({ thing1: '焕颜深层补水护理', time2: '2026-01-01 15:01', thing3: '上海静安嘉里中心店', thing4: '请提前 10 分钟到店，出示签到码' }),
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      };

      expect(await send(reminder)).toEqual({ errcode: 0, errmsg: 'ok' });
    });

    it('keeps the given state and language, and no page when none or an empty one is given', async () => {
      await choose('oAlice', BOOKING, true);
      await choose('oAlice', BOOKING, true);
      await send(booking('oAlice', { miniprogram_state: 'trial', lang: 'en_US' }));
      await send(booking('oAlice', { page: '' }));

      expect(await messages()).toMatchObject([
        { page: null, miniprogramState: 'trial', lang: 'en_US' },
        { page: null, miniprogramState: 'formal', lang: 'zh_CN' },
      ]);
    });

    it('filters by openid and templateId, oldest first', async () => {
      const coupon = { touser: 'oAlice', template_id: COUPON_ARRIVAL, data: wire({ thing1: '新人礼券', thing2: '满300减50', date3: '2026年01月01日~2026年01月31日', thing4: '到店或线上均可使用' }) };
      await choose('oAlice', BOOKING, true);
      await choose('oAlice', COUPON_ARRIVAL, true);
      await choose('oBob', BOOKING, true);
      await send(booking('oAlice'));
      clock.advance(60);
      await send(coupon);
      await send(booking('oBob'));

      expect((await messages('?openid=oAlice')).map((m) => m.templateId)).toEqual([BOOKING, COUPON_ARRIVAL]);
      expect((await messages(`?templateId=${BOOKING}`)).map((m) => m.openid)).toEqual(['oAlice', 'oBob']);
      expect(await messages(`?openid=oBob&templateId=${COUPON_ARRIVAL}`)).toEqual([]);
      expect(await messages()).toHaveLength(3);
    });

    it('counts sends in the calls counter', async () => {
      await choose('oAlice', BOOKING, true);
      await send(booking('oAlice'));
      await send(booking('oAlice'));

      expect(await getJson(sut, `/__control/calls?path=${SUBSCRIBE_SEND_PATH}`)).toEqual({ path: SUBSCRIBE_SEND_PATH, count: 2 });
    });
  });

  describe('access token', () => {
    it.each([
      { problem: 'no token', value: '', errcode: 41001 },
      { problem: 'a malformed token', value: 'not a token', errcode: 40014 },
      { problem: 'an unknown token', value: 'x'.repeat(64), errcode: 40001 },
    ])('answers $errcode for $problem, before looking at the body', async ({ value, errcode }) => {
      await choose('oAlice', BOOKING, true);

      expect(await send(booking('oAlice'), value)).toEqual({ errcode, errmsg: expect.stringMatching(RID) });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
    });

    it('answers 42001 for an expired token', async () => {
      await choose('oAlice', BOOKING, true);
      await postJson(sut, '/__control/tokens/expire', {});

      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 42001 });
    });
  });

  describe('request checks', () => {
    beforeEach(async () => {
      await choose('oAlice', BOOKING, true);
    });

    it.each([
      { problem: 'an openid the platform does not know', body: { touser: 'oNobody' }, errcode: 40003 },
      { problem: 'no touser', body: { touser: undefined }, errcode: 40003 },
      { problem: 'a non-string touser', body: { touser: 42 }, errcode: 40003 },
      { problem: 'an unknown template_id', body: { template_id: 'VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc' }, errcode: 40037 },
      { problem: 'no template_id', body: { template_id: undefined }, errcode: 40037 },
      { problem: 'a page with a leading slash', body: { page: '/pages/index/index' }, errcode: 41030 },
      { problem: 'a page of 129 characters', body: { page: `pages/${'a'.repeat(117)}/index` }, errcode: 41030 },
      { problem: 'a page with a space', body: { page: 'pages/my page/index' }, errcode: 41030 },
      { problem: 'a page that is a URL', body: { page: 'https://glow.example.com/booking' }, errcode: 41030 },
      { problem: 'a non-string page', body: { page: 42 }, errcode: 47001 },
      { problem: 'an unknown miniprogram_state', body: { miniprogram_state: 'release' }, errcode: 47003 },
      { problem: 'an unknown lang', body: { lang: 'fr_FR' }, errcode: 47003 },
      { problem: 'data that is not an object', body: { data: 'thing1=x' }, errcode: 47001 },
    ])('answers $errcode for $problem and spends no credit', async ({ body, errcode }) => {
      expect(await send(booking('oAlice', body))).toEqual({ errcode, errmsg: expect.stringMatching(RID) });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
    });

    it.each([
      { page: 'pages/index/index' },
      { page: 'pages/booking/detail?id=42&from=reminder' },
      { page: `pages/${'a'.repeat(116)}/index` },
    ])('accepts the page $page', async ({ page }) => {
      expect(await send(booking('oAlice', { page }))).toMatchObject({ errcode: 0 });
    });

    it('names the field in 47003 errmsg, as WeChat does', async () => {
      const reply = await send(booking('oAlice', { data: wire({ ...BOOKING_VALUES, time2: '明天下午' }) }));

      expect(reply).toEqual({ errcode: 47003, errmsg: expect.stringMatching(/^argument invalid! data\.time2\.value invalid, rid: /) });
    });

    it.each([
      { problem: 'a missing field', data: wire({ thing1: 'a', time2: '15:01', thing3: 'b' }), errmsg: 'argument invalid! data.thing4.value is empty' },
      { problem: 'an empty value', data: wire({ ...BOOKING_VALUES, thing1: '' }), errmsg: 'argument invalid! data.thing1.value is empty' },
      { problem: 'a blank value', data: wire({ ...BOOKING_VALUES, thing3: '   ' }), errmsg: 'argument invalid! data.thing3.value is empty' },
      { problem: 'a field without value', data: { ...wire(BOOKING_VALUES), thing1: { text: 'a' } }, errmsg: 'argument invalid! data.thing1.value is empty' },
      { problem: 'a bare string instead of {value}', data: { ...wire(BOOKING_VALUES), thing1: 'a' }, errmsg: 'argument invalid! data.thing1.value is empty' },
      { problem: 'a number value', data: { ...wire(BOOKING_VALUES), thing1: { value: 3 } }, errmsg: 'argument invalid! data.thing1.value invalid' },
      { problem: 'a field the template lacks', data: wire({ ...BOOKING_VALUES, thing5: 'extra' }), errmsg: 'argument invalid! data.thing5 is not a keyword of the template' },
      { problem: 'no data at all', data: undefined, errmsg: 'argument invalid! data.thing1.value is empty' },
    ])('answers 47003 for $problem', async ({ data, errmsg }) => {
      const reply = await send(booking('oAlice', { data }));

      expect(reply).toEqual({ errcode: 47003, errmsg: expect.stringMatching(RID) });
      expect(String(reply.errmsg).split(', rid: ')[0]).toBe(errmsg);
    });

    it('refuses a form post with 47001 and an empty body with 44002', async () => {
      const url = `${SUBSCRIBE_SEND_PATH}?access_token=${token}`;
      const form = await sut.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'touser=oAlice' });
      const empty = await sut.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '' });

      expect(form.json()).toMatchObject({ errcode: 47001 });
      expect(empty.json()).toMatchObject({ errcode: 44002 });
    });
  });

  describe('keyword value rules', () => {
    beforeEach(async () => {
      ({ sut, clock } = buildSandbox({ subscribeTemplates: [ALL_TYPES] }));
      token = await classicToken(sut);
    });

    it.each([
      ['thing1', '玫瑰精华面霜 50ml'],
      ['thing1', '一'.repeat(20)],
      ['thing1', 'a'.repeat(20)],
      ['thing1', '满300减50！'],
      ['number2', '100'],
      ['number2', '3.14'],
      ['number2', '1'.repeat(32)],
      ['letter3', 'abcXYZ'],
      ['letter3', 'a'.repeat(32)],
      ['symbol4', '!@#'],
      ['symbol4', '¥'],
      ['symbol4', '★★★★★'],
      ['character_string5', 'T20260101000001'],
      ['character_string5', 'A-1_b/2#'],
      ['character_string5', 'x'.repeat(32)],
      ['time6', '15:01'],
      ['time6', '9:05:30'],
      ['time6', '2019年10月1日 15:01'],
      ['time6', '2019年10月1日15:01'],
      ['time6', '2019-10-01 15:01'],
      ['time6', '15:01~16:00'],
      ['time6', '2019年10月1日 15:01 ~ 2019年10月1日 17:00'],
      ['date7', '2019年10月1日'],
      ['date7', '2026年01月01日'],
      ['date7', '2019-10-01'],
      ['date7', '2019年10月1日 15:01'],
      ['date7', '2024-02-29'],
      ['date7', '2026年01月01日~2026年01月31日'],
      ['amount8', '¥399.00'],
      ['amount8', '￥399'],
      ['amount8', '$5'],
      ['amount8', '¥399.00元'],
      ['amount8', '¥1234567890'],
      ['amount8', '¥12345678.90'],
      ['phone_number9', '+86-0766-66888866'],
      ['phone_number9', '13800138000'],
      ['car_number10', '粤A8Z8F8'],
      ['car_number10', '粤A12345学'],
      ['car_number10', 'WJ12345'],
      ['name11', '张三'],
      ['name11', '欧阳娜娜'],
      ['name11', '阿卜杜·热合曼'],
      ['name11', '一二三四五六七八九十'],
      ['name11', 'John Smith'],
      ['name11', 'A'.repeat(20)],
      ['phrase12', '配送中'],
      ['phrase12', '五个汉字啊'],
      ['enum13', '待发货'],
    ])('accepts %s = %j', async (key, value) => {
      await postJson(sut, '/__control/subscribe', { openid: 'oAlice', templateId: ALL_TYPES.id, accept: true });

      expect(await send({ touser: 'oAlice', template_id: ALL_TYPES.id, data: wire({ ...ALL_TYPES_VALUES, [key]: value }) })).toEqual({ errcode: 0, errmsg: 'ok' });
    });

    it.each([
      ['thing1', '一'.repeat(21)],
      ['thing1', 'a'.repeat(21)],
      ['thing1', '第一行\n第二行'],
      ['number2', '1'.repeat(33)],
      ['number2', '-5'],
      ['number2', '1,000'],
      ['number2', '12a'],
      ['number2', '1.'],
      ['letter3', 'abc1'],
      ['letter3', 'ab c'],
      ['letter3', 'a'.repeat(33)],
      ['symbol4', 'a!'],
      ['symbol4', '!!!!!!'],
      ['character_string5', '订单1'],
      ['character_string5', 'a b'],
      ['character_string5', 'x'.repeat(33)],
      ['time6', '2019年10月1日'],
      ['time6', '25:00'],
      ['time6', '15:60'],
      ['time6', '2019-02-30 15:01'],
      ['time6', '下午三点'],
      ['time6', '15:01~16:00~17:00'],
      ['date7', '15:01'],
      ['date7', '2019-13-01'],
      ['date7', '2023-02-29'],
      ['date7', '2019/10/01'],
      ['date7', '2019-10-01T15:01'],
      ['date7', '2019-10-0115:01'],
      ['amount8', '399.00'],
      ['amount8', '399元'],
      ['amount8', '¥12345678901'],
      ['amount8', '¥¥399'],
      ['amount8', '¥-5'],
      ['amount8', '¥1,000'],
      ['phone_number9', '+86-0766-668888661'],
      ['phone_number9', '138 0013 8000'],
      ['phone_number9', '---'],
      ['car_number10', '粤A123456学'],
      ['car_number10', '粤学12345'],
      ['car_number10', 'A-1234'],
      ['name11', '一二三四五六七八九十一'],
      ['name11', '张三abcdefghi'],
      ['name11', 'A'.repeat(21)],
      ['name11', '张三1'],
      ['phrase12', '六个汉字啊啊'],
      ['phrase12', 'ok'],
      ['phrase12', '已 发货'],
      ['enum13', '已签收'],
    ])('refuses %s = %j with 47003 naming the field', async (key, value) => {
      await postJson(sut, '/__control/subscribe', { openid: 'oAlice', templateId: ALL_TYPES.id, accept: true });

      expect(await send({ touser: 'oAlice', template_id: ALL_TYPES.id, data: wire({ ...ALL_TYPES_VALUES, [key]: value }) })).toEqual({
        errcode: 47003,
        errmsg: expect.stringMatching(new RegExp(`^argument invalid! data\\.${key}\\.value invalid, rid: `)),
      });
    });

    it('replaces the default templates when templates are configured', async () => {
      await postJson(sut, '/__control/subscribe', { openid: 'oAlice', templateId: ALL_TYPES.id, accept: true });

      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 40037 });
    });
  });

  describe('faults', () => {
    it.each([-1, 45009])('answers an injected %i after the token check, spending no credit', async (errcode) => {
      await choose('oAlice', BOOKING, true);
      const { status } = await postJson(sut, '/__control/faults', { endpoint: 'message/subscribe/send', errcode });

      expect(status).toBe(201);
      expect(await send(booking('oAlice'), '')).toMatchObject({ errcode: 41001 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: 0 });
      expect(await messages()).toHaveLength(1);
    });

    it('fails the next count sends with -1 system error by default, keeping the credit and recording nothing', async () => {
      await choose('oAlice', BOOKING, true);
      const { status, json } = await postJson(sut, '/__control/subscribe/faults', { count: 2 });

      expect(status).toBe(201);
      expect(json).toEqual({ count: 2, errcode: -1, errmsg: null, remaining: 2 });
      expect(await send(booking('oAlice'))).toEqual({ errcode: -1, errmsg: expect.stringMatching(/^system error, rid: /) });
      expect(await getJson(sut, '/__control/subscribe/faults')).toEqual({ remaining: 1 });
      expect(await send(booking('oAlice'))).toMatchObject({ errcode: -1 });
      expect(await messages()).toEqual([]);
      expect(await getJson(sut, '/__control/subscribe?openid=oAlice')).toEqual({
        openid: 'oAlice',
        subscriptions: [{ templateId: BOOKING, status: 'accept', credits: 1 }],
      });

      expect(await send(booking('oAlice'))).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(await getJson(sut, '/__control/subscribe/faults')).toEqual({ remaining: 0 });
      expect(await messages()).toHaveLength(1);
    });

    it('answers the given errcode and errmsg, even to a user without credit', async () => {
      await postJson(sut, '/__control/subscribe/faults', { count: 1, errcode: 45009, errmsg: 'reach max api daily quota limit' });

      expect(await send(booking('oNobody'))).toEqual({ errcode: 45009, errmsg: expect.stringMatching(/^reach max api daily quota limit, rid: /) });
      expect(await send(booking('oNobody'))).toMatchObject({ errcode: 40003 });
    });

    it('stops failing once the faults are cleared', async () => {
      await choose('oAlice', BOOKING, true);
      await postJson(sut, '/__control/subscribe/faults', { count: 1000 });
      await send(booking('oAlice'));

      const cleared = await sut.inject({ method: 'DELETE', url: '/__control/subscribe/faults' });

      expect(cleared.statusCode).toBe(200);
      expect(cleared.json()).toEqual({ cleared: 999, remaining: 0 });
      expect(await getJson(sut, '/__control/subscribe/faults')).toEqual({ remaining: 0 });
      expect(await send(booking('oAlice'))).toEqual({ errcode: 0, errmsg: 'ok' });
    });
  });
});

describe('/__control/subscribe', () => {
  let sut: FastifyInstance;

  beforeEach(() => {
    ({ sut } = buildSandbox());
  });

  describe('templates', () => {
    it('knows Glow’s templates by default, under the ids the API and the mini-program default to', async () => {
      const { templates } = await getJson(sut, '/__control/subscribe/templates');

      expect(templates).toEqual([
        {
          id: GLOW_SUBSCRIBE_TEMPLATE_IDS.bookingReminder,
          title: '预约提醒',
          fields: [
            { key: 'thing1', name: '服务项目' },
            { key: 'time2', name: '预约时间' },
            { key: 'thing3', name: '门店' },
            { key: 'thing4', name: '温馨提示' },
          ],
        },
        expect.objectContaining({ id: GLOW_SUBSCRIBE_TEMPLATE_IDS.couponArrival, title: '优惠券到账通知' }),
        expect.objectContaining({ id: GLOW_SUBSCRIBE_TEMPLATE_IDS.couponExpiring, title: '优惠券过期提醒' }),
        expect.objectContaining({ id: GLOW_SUBSCRIBE_TEMPLATE_IDS.pointsExpiring, title: '积分过期提醒' }),
        expect.objectContaining({ id: GLOW_SUBSCRIBE_TEMPLATE_IDS.tierChange, title: '会员等级变更通知' }),
      ]);
      expect(BOOKING).toBe('glow-booking-reminder');
    });

    it('adds a template (201) that messages can then use, and replaces it by id (200)', async () => {
      const template = { title: '到店签到提醒', fields: [{ key: 'thing1', name: '门店' }, { key: 'enum2', name: '状态', values: ['已签到', '未签到'] }] };
      const created = await postJson(sut, '/__control/subscribe/templates', template);
      const id = String(created.json.id);
      const replaced = await postJson(sut, '/__control/subscribe/templates', { ...template, id, title: '签到提醒' });
      const token = await classicToken(sut);
      await postJson(sut, '/__control/subscribe', { openid: 'oAlice', templateId: id, accept: true });
      const reply = await postJson(sut, `${SUBSCRIBE_SEND_PATH}?access_token=${token}`, { touser: 'oAlice', template_id: id, data: wire({ thing1: '静安店', enum2: '已签到' }) });

      expect(created).toEqual({ status: 201, json: { id: expect.stringMatching(/^[\w-]{43}$/), ...template } });
      expect(replaced).toEqual({ status: 200, json: { ...template, id, title: '签到提醒' } });
      expect(reply.json).toEqual({ errcode: 0, errmsg: 'ok' });
    });

    it.each([
      { problem: 'no title', body: { fields: [{ key: 'thing1', name: '门店' }] } },
      { problem: 'a blank title', body: { title: ' ', fields: [{ key: 'thing1', name: '门店' }] } },
      { problem: 'no fields', body: { title: '提醒', fields: [] } },
      { problem: 'fields that are not a list', body: { title: '提醒', fields: { thing1: '门店' } } },
      { problem: 'an unknown keyword type', body: { title: '提醒', fields: [{ key: 'text1', name: '门店' }] } },
      { problem: 'a key without number', body: { title: '提醒', fields: [{ key: 'thing', name: '门店' }] } },
      { problem: 'a field without name', body: { title: '提醒', fields: [{ key: 'thing1' }] } },
      { problem: 'a key used twice', body: { title: '提醒', fields: [{ key: 'thing1', name: 'a' }, { key: 'thing1', name: 'b' }] } },
      { problem: 'values on a non-enum field', body: { title: '提醒', fields: [{ key: 'thing1', name: '门店', values: ['a'] }] } },
      { problem: 'an enum without values', body: { title: '提醒', fields: [{ key: 'enum1', name: '状态' }] } },
      { problem: 'an unknown field in a field', body: { title: '提醒', fields: [{ key: 'thing1', name: '门店', example: 'x' }] } },
      { problem: 'a bad id', body: { id: 'has space', title: '提醒', fields: [{ key: 'thing1', name: '门店' }] } },
      { problem: 'an unknown field', body: { title: '提醒', fields: [{ key: 'thing1', name: '门店' }], type: 2 } },
    ])('refuses $problem with 400', async ({ body }) => {
      const { status, json } = await postJson(sut, '/__control/subscribe/templates', body);

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.any(String) });
    });

    it('refuses a bad configured template at start', () => {
      const bad = { id: 'bad', title: '提醒', fields: [{ key: 'text1', name: '门店' }] };

      expect(() => createSandbox({ appId: APP_ID, secret: SECRET, subscribeTemplates: [bad] })).toThrow(/subscribeTemplates: template bad: fields\[0\]\.key/);
      expect(() => createSandbox({ appId: APP_ID, secret: SECRET, subscribeTemplates: [ALL_TYPES, ALL_TYPES] })).toThrow(/unique/);
    });

    it('forgets added templates on reset, keeping the configured ones', async () => {
      const { json } = await postJson(sut, '/__control/subscribe/templates', { title: '提醒', fields: [{ key: 'thing1', name: '门店' }] });
      await postJson(sut, '/__control/subscribe', { openid: 'oAlice', templateId: BOOKING, accept: true });
      await postJson(sut, '/__control/reset', {});

      const { templates } = await getJson(sut, '/__control/subscribe/templates');
      expect(Array.isArray(templates) && templates.map((t: Json) => t.id)).toEqual(Object.values(GLOW_SUBSCRIBE_TEMPLATE_IDS));
      expect(templates).not.toContainEqual(expect.objectContaining({ id: json.id }));
      expect(await getJson(sut, '/__control/subscribe?openid=oAlice')).toEqual({ openid: 'oAlice', subscriptions: [] });
    });
  });

  describe('POST /__control/subscribe', () => {
    it('makes the user known to the platform, as opening the mini program does', async () => {
      await postJson(sut, '/__control/subscribe', { openid: 'oNew', templateId: BOOKING, accept: false });

      expect((await postJson(sut, '/__control/users', { openid: 'oNew' })).status).toBe(200);
    });

    it.each([
      { problem: 'no openid', body: { templateId: BOOKING, accept: true } },
      { problem: 'a bad openid', body: { openid: 'o Alice', templateId: BOOKING, accept: true } },
      { problem: 'no templateId', body: { openid: 'oAlice', accept: true } },
      { problem: 'an unknown templateId', body: { openid: 'oAlice', templateId: 'nope', accept: true } },
      { problem: 'no accept', body: { openid: 'oAlice', templateId: BOOKING } },
      { problem: 'a string accept', body: { openid: 'oAlice', templateId: BOOKING, accept: 'accept' } },
      { problem: 'an unknown field', body: { openid: 'oAlice', templateId: BOOKING, accept: true, status: 'ban' } },
      { problem: 'a JSON array', body: [] },
    ])('answers 400 for $problem', async ({ body }) => {
      const { status, json } = await postJson(sut, '/__control/subscribe', body);

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.any(String) });
    });
  });

  describe('/__control/subscribe/faults', () => {
    it('counts the faults queued by POST /__control/faults for subscribe/send too, and clears them all', async () => {
      await postJson(sut, '/__control/faults', { endpoint: 'message/subscribe/send', errcode: 45009, times: 2 });
      await postJson(sut, '/__control/faults', { endpoint: 'jscode2session', errcode: -1 });
      const { json } = await postJson(sut, '/__control/subscribe/faults', { count: 3, errcode: 40001, errmsg: 'invalid credential' });

      expect(json).toEqual({ count: 3, errcode: 40001, errmsg: 'invalid credential', remaining: 5 });
      expect((await sut.inject({ method: 'DELETE', url: '/__control/subscribe/faults' })).json()).toEqual({ cleared: 5, remaining: 0 });
      expect(await getJson(sut, '/__control/subscribe/faults')).toEqual({ remaining: 0 });
    });

    it('forgets the faults on reset', async () => {
      await postJson(sut, '/__control/subscribe/faults', { count: 5 });
      await postJson(sut, '/__control/reset', {});

      expect(await getJson(sut, '/__control/subscribe/faults')).toEqual({ remaining: 0 });
    });

    it.each([
      { problem: 'no count', body: { errcode: -1 } },
      { problem: 'count 0', body: { count: 0 } },
      { problem: 'count above 1000', body: { count: 1001 } },
      { problem: 'a fractional count', body: { count: 1.5 } },
      { problem: 'a string count', body: { count: '3' } },
      { problem: 'errcode 0', body: { count: 1, errcode: 0 } },
      { problem: 'a string errcode', body: { count: 1, errcode: '-1' } },
      { problem: 'a blank errmsg', body: { count: 1, errmsg: ' ' } },
      { problem: 'a numeric errmsg', body: { count: 1, errmsg: 500 } },
      { problem: 'an unknown field', body: { count: 1, times: 2 } },
      { problem: 'a JSON array', body: [] },
    ])('answers 400 for $problem and queues nothing', async ({ body }) => {
      const { status, json } = await postJson(sut, '/__control/subscribe/faults', body);

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.any(String) });
      expect(await getJson(sut, '/__control/subscribe/faults')).toEqual({ remaining: 0 });
    });
  });

  it('GET /__control/subscribe answers 400 without openid', async () => {
    const response = await sut.inject({ method: 'GET', url: '/__control/subscribe' });

    expect(response.statusCode).toBe(400);
  });
});
