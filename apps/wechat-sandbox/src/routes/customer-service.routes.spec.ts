import type { FastifyInstance } from 'fastify';
import { buildSandbox, classicToken, getJson, postJson, RID, uploadImage, type FakeClock, type Json } from '../testing/sandbox.fixture';
import { CUSTOM_SEND_PATH, CUSTOM_TYPING_PATH } from './customer-service.routes';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('customer-service messages', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let token: string;

  /** The user writes in the chat (no push URL is configured, so only the sandbox's state changes). */
  async function userSays(openid: string, content = '你好，想问下预约'): Promise<void> {
    const { status, json } = await postJson(sut, '/__control/cs/messages', { openid, msgType: 'text', content });
    if (status !== 200) throw new Error(JSON.stringify(json));
  }

  async function userEnters(openid: string): Promise<void> {
    const { status, json } = await postJson(sut, '/__control/cs/enter', { openid, sessionFrom: 'booking' });
    if (status !== 200) throw new Error(JSON.stringify(json));
  }

  async function send(body: unknown, accessToken = token): Promise<Json> {
    return (await postJson(sut, `${CUSTOM_SEND_PATH}?access_token=${encodeURIComponent(accessToken)}`, body)).json;
  }

  async function sendText(openid: string, content = '您好，已为您预约'): Promise<unknown> {
    return (await send({ touser: openid, msgtype: 'text', text: { content } })).errcode;
  }

  async function typing(touser: unknown, command: unknown): Promise<unknown> {
    return (await postJson(sut, `${CUSTOM_TYPING_PATH}?access_token=${token}`, { touser, command })).json.errcode;
  }

  async function window(openid: string): Promise<Json> {
    return getJson(sut, `/__control/cs/window?openid=${openid}`);
  }

  beforeEach(async () => {
    // Tokens outlive the 48-hour windows here, so moving the clock tests the window and not the token.
    ({ sut, clock } = buildSandbox({ tokenTtlSeconds: 30 * DAY }));
    token = await classicToken(sut);
  });

  describe(`POST ${CUSTOM_SEND_PATH}: the send window`, () => {
    it('allows 5 messages within 48 hours of the user’s message, then answers 45047', async () => {
      await userSays('oAlice');

      for (let i = 0; i < 5; i += 1) expect(await sendText('oAlice')).toBe(0);
      expect(await send({ touser: 'oAlice', msgtype: 'text', text: { content: '第六条' } })).toEqual({
        errcode: 45047,
        errmsg: expect.stringMatching(/^out of response count limit, rid: /),
      });
    });

    it('answers 45015 once 48 hours have passed, even with sends left', async () => {
      await userSays('oAlice');
      clock.advance(48 * HOUR - 1);
      expect(await sendText('oAlice')).toBe(0);

      clock.advance(1);
      expect(await send({ touser: 'oAlice', msgtype: 'text', text: { content: '晚了' } })).toEqual({
        errcode: 45015,
        errmsg: expect.stringMatching(/^response out of time limit or subscription is canceled, rid: /),
      });
    });

    it('answers 45015 to a known user who never wrote or entered the chat', async () => {
      await postJson(sut, '/__control/users', { openid: 'oAlice' });

      expect(await sendText('oAlice')).toBe(45015);
    });

    it('allows 2 messages within 60 seconds of entering the chat', async () => {
      await userEnters('oAlice');

      expect(await sendText('oAlice')).toBe(0);
      expect(await sendText('oAlice')).toBe(0);
      expect(await sendText('oAlice')).toBe(45047);
    });

    it('closes the entering window after 60 seconds', async () => {
      await userEnters('oAlice');
      clock.advance(MINUTE);

      expect(await sendText('oAlice')).toBe(45015);
    });

    it('keeps the 48-hour window when the user enters the chat again during it', async () => {
      await userSays('oAlice');
      expect(await sendText('oAlice')).toBe(0);
      clock.advance(HOUR);
      await userEnters('oAlice');

      expect(await window('oAlice')).toMatchObject({ until: new Date(clock.ms + 47 * HOUR * 1000).toISOString(), remaining: 4, active: true });
      clock.advance(2 * MINUTE);
      for (let i = 0; i < 4; i += 1) expect(await sendText('oAlice')).toBe(0);
      expect(await sendText('oAlice')).toBe(45047);
    });

    it('opens the 60-second window when less than a minute of the 48 hours is left', async () => {
      await userSays('oAlice');
      for (let i = 0; i < 5; i += 1) await sendText('oAlice');
      clock.advance(48 * HOUR - 30);
      await userEnters('oAlice');

      expect(await window('oAlice')).toEqual({
        openid: 'oAlice',
        until: new Date(clock.ms + MINUTE * 1000).toISOString(),
        remaining: 2,
        active: true,
        typing: false,
      });
      expect(await sendText('oAlice')).toBe(0);
    });

    it('resets rather than adds up: a new message restores 5 sends, not 5 more', async () => {
      await userSays('oAlice');
      for (let i = 0; i < 3; i += 1) await sendText('oAlice');
      await userSays('oAlice', '还有一个问题');

      expect((await window('oAlice')).remaining).toBe(5);
      for (let i = 0; i < 5; i += 1) expect(await sendText('oAlice')).toBe(0);
      expect(await sendText('oAlice')).toBe(45047);
    });

    it('replaces the short window with 48 hours when the user writes after entering', async () => {
      await userEnters('oAlice');
      await userSays('oAlice');
      clock.advance(2 * MINUTE);

      expect(await window('oAlice')).toMatchObject({ remaining: 5, active: true });
      expect(await sendText('oAlice')).toBe(0);
    });

    it('keeps each user’s window apart', async () => {
      await userSays('oAlice');
      await postJson(sut, '/__control/users', { openid: 'oBob' });

      expect(await sendText('oBob')).toBe(45015);
      expect(await sendText('oAlice')).toBe(0);
    });

    it('shows no window for a user who never wrote', async () => {
      expect(await window('oNobody')).toEqual({ openid: 'oNobody', until: null, remaining: 0, active: false, typing: false });
    });

    it('forgets windows and sent messages on reset', async () => {
      await userSays('oAlice');
      await sendText('oAlice');
      await postJson(sut, '/__control/reset', {});

      expect(await window('oAlice')).toMatchObject({ until: null, remaining: 0 });
      expect(await getJson(sut, '/__control/cs/sent')).toEqual({ messages: [] });
    });
  });

  describe(`POST ${CUSTOM_SEND_PATH}: messages`, () => {
    beforeEach(async () => {
      await userSays('oAlice');
    });

    it('records every accepted message with its type, payload and time, for the control API', async () => {
      const { media_id: mediaId } = await uploadImage(sut, token);
      await send({ touser: 'oAlice', msgtype: 'text', text: { content: '您好' } });
      clock.advance(MINUTE);
      await send({ touser: 'oAlice', msgtype: 'image', image: { media_id: mediaId } });
      await send({ touser: 'oAlice', msgtype: 'link', link: { title: '护理须知', description: '到店前请阅读', url: 'https://glow.example.com/care', thumb_url: 'https://glow.example.com/t.png' } });
      await send({ touser: 'oAlice', msgtype: 'miniprogrampage', miniprogrampage: { title: '我的预约', pagepath: 'pages/booking/index', thumb_media_id: mediaId } });

      const start = clock.ms - MINUTE * 1000;
      expect(await getJson(sut, '/__control/cs/sent?openid=oAlice')).toEqual({
        messages: [
          { openid: 'oAlice', msgtype: 'text', payload: { content: '您好' }, sentAt: new Date(start).toISOString() },
          { openid: 'oAlice', msgtype: 'image', payload: { media_id: mediaId }, sentAt: new Date(clock.ms).toISOString() },
          {
            openid: 'oAlice',
            msgtype: 'link',
            payload: { title: '护理须知', description: '到店前请阅读', url: 'https://glow.example.com/care', thumb_url: 'https://glow.example.com/t.png' },
            sentAt: new Date(clock.ms).toISOString(),
          },
          {
            openid: 'oAlice',
            msgtype: 'miniprogrampage',
            payload: { title: '我的预约', pagepath: 'pages/booking/index', thumb_media_id: mediaId },
            sentAt: new Date(clock.ms).toISOString(),
          },
        ],
      });
      expect(await getJson(sut, '/__control/cs/sent?openid=oBob')).toEqual({ messages: [] });
    });

    it('accepts a text of exactly 2048 bytes and answers 45002 for 2049', async () => {
      // 682 CJK characters are 2046 bytes in UTF-8.
      expect(await sendText('oAlice', `${'美'.repeat(682)}ab`)).toBe(0);
      expect(await sendText('oAlice', `${'美'.repeat(682)}abc`)).toBe(45002);
    });

    it('answers 40007 for an image whose media is older than 3 days', async () => {
      const { media_id: mediaId } = await uploadImage(sut, token);
      clock.advance(3 * DAY);
      await userSays('oAlice');

      expect((await send({ touser: 'oAlice', msgtype: 'image', image: { media_id: mediaId } })).errcode).toBe(40007);
    });

    it('spends nothing on a refused message', async () => {
      await send({ touser: 'oAlice', msgtype: 'image', image: { media_id: 'not-issued' } });
      await send({ touser: 'oAlice', msgtype: 'text', text: { content: '' } });

      expect((await window('oAlice')).remaining).toBe(5);
      expect(await getJson(sut, '/__control/cs/sent')).toEqual({ messages: [] });
    });

    it.each([
      { problem: 'an unknown touser', body: { touser: 'oStranger', msgtype: 'text', text: { content: 'hi' } }, errcode: 40003 },
      { problem: 'no touser', body: { msgtype: 'text', text: { content: 'hi' } }, errcode: 40003 },
      { problem: 'a touser that is not a string', body: { touser: 42, msgtype: 'text', text: { content: 'hi' } }, errcode: 40003 },
      { problem: 'no msgtype', body: { touser: 'oAlice', text: { content: 'hi' } }, errcode: 40008 },
      { problem: 'msgtype news, which mini programs cannot send', body: { touser: 'oAlice', msgtype: 'news', news: {} }, errcode: 40008 },
      { problem: 'a text without its section', body: { touser: 'oAlice', msgtype: 'text' }, errcode: 44002 },
      { problem: 'a text section that is a string', body: { touser: 'oAlice', msgtype: 'text', text: 'hi' }, errcode: 47001 },
      { problem: 'a text without content', body: { touser: 'oAlice', msgtype: 'text', text: {} }, errcode: 44002 },
      { problem: 'an empty text', body: { touser: 'oAlice', msgtype: 'text', text: { content: '' } }, errcode: 44002 },
      { problem: 'a text content that is a number', body: { touser: 'oAlice', msgtype: 'text', text: { content: 42 } }, errcode: 47001 },
      { problem: 'an image without media_id', body: { touser: 'oAlice', msgtype: 'image', image: {} }, errcode: 44002 },
      { problem: 'an image with a media_id the sandbox never issued', body: { touser: 'oAlice', msgtype: 'image', image: { media_id: 'MEDIA_ID' } }, errcode: 40007 },
      { problem: 'a link without url', body: { touser: 'oAlice', msgtype: 'link', link: { title: '须知' } }, errcode: 44002 },
      { problem: 'a link with a numeric description', body: { touser: 'oAlice', msgtype: 'link', link: { title: '须知', url: 'https://a.cn', description: 1 } }, errcode: 47001 },
      { problem: 'a card without pagepath', body: { touser: 'oAlice', msgtype: 'miniprogrampage', miniprogrampage: { title: '预约', thumb_media_id: 'x' } }, errcode: 44002 },
      {
        problem: 'a card with a thumb_media_id the sandbox never issued',
        body: { touser: 'oAlice', msgtype: 'miniprogrampage', miniprogrampage: { title: '预约', pagepath: 'pages/index/index', thumb_media_id: 'x' } },
        errcode: 40007,
      },
    ])('answers $errcode for $problem', async ({ body, errcode }) => {
      expect(await send(body)).toEqual({ errcode, errmsg: expect.stringMatching(RID) });
    });

    it.each([
      { problem: 'no token', token: '', errcode: 41001 },
      { problem: 'a malformed token', token: 'bad', errcode: 40014 },
      { problem: 'an unknown token', token: 'x'.repeat(64), errcode: 40001 },
    ])('answers $errcode for $problem', async ({ token: accessToken, errcode }) => {
      expect((await send({ touser: 'oAlice', msgtype: 'text', text: { content: 'hi' } }, accessToken)).errcode).toBe(errcode);
    });

    it('answers 42001 for an expired token', async () => {
      await postJson(sut, '/__control/tokens/expire', {});

      expect(await sendText('oAlice')).toBe(42001);
    });

    it('answers 44002 for an empty body and 47001 for a form post', async () => {
      const empty = await sut.inject({ method: 'POST', url: `${CUSTOM_SEND_PATH}?access_token=${token}` });
      const form = await sut.inject({
        method: 'POST',
        url: `${CUSTOM_SEND_PATH}?access_token=${token}`,
        payload: 'touser=oAlice&msgtype=text',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

      expect(empty.json()).toMatchObject({ errcode: 44002 });
      expect(form.json()).toMatchObject({ errcode: 47001 });
    });
  });

  describe(`POST ${CUSTOM_TYPING_PATH}`, () => {
    it('answers 45080 when the user has never written', async () => {
      await postJson(sut, '/__control/users', { openid: 'oAlice' });

      expect(await postJson(sut, `${CUSTOM_TYPING_PATH}?access_token=${token}`, { touser: 'oAlice', command: 'Typing' })).toMatchObject({
        json: { errcode: 45080, errmsg: expect.stringMatching(RID) },
      });
    });

    it('shows typing within 30 s of the user’s message, and answers 45081 to a second Typing', async () => {
      await userSays('oAlice');
      clock.advance(29);

      expect(await typing('oAlice', 'Typing')).toBe(0);
      expect((await window('oAlice')).typing).toBe(true);
      expect(await typing('oAlice', 'Typing')).toBe(45081);
    });

    it('answers 45080 30 s after the last interaction', async () => {
      await userSays('oAlice');
      clock.advance(30);

      expect(await typing('oAlice', 'Typing')).toBe(45080);
    });

    it('counts entering the chat as an interaction', async () => {
      await userEnters('oAlice');

      expect(await typing('oAlice', 'Typing')).toBe(0);
    });

    it('allows Typing again after CancelTyping', async () => {
      await userSays('oAlice');
      await typing('oAlice', 'Typing');

      expect(await typing('oAlice', 'CancelTyping')).toBe(0);
      expect(await typing('oAlice', 'Typing')).toBe(0);
    });

    it('ends typing when a message is sent', async () => {
      await userSays('oAlice');
      await typing('oAlice', 'Typing');
      await sendText('oAlice');

      expect((await window('oAlice')).typing).toBe(false);
      expect(await typing('oAlice', 'Typing')).toBe(0);
    });

    it.each([
      { problem: 'an unknown command', touser: 'oAlice', command: 'Writing', errcode: 45072 },
      { problem: 'a lowercase command', touser: 'oAlice', command: 'typing', errcode: 45072 },
      { problem: 'no command', touser: 'oAlice', command: undefined, errcode: 45072 },
      { problem: 'an unknown user', touser: 'oStranger', command: 'Typing', errcode: 40003 },
    ])('answers $errcode for $problem', async ({ touser, command, errcode }) => {
      await userSays('oAlice');

      expect(await typing(touser, command)).toBe(errcode);
    });

    it('answers token errors as every protected endpoint', async () => {
      const { json } = await postJson(sut, CUSTOM_TYPING_PATH, { touser: 'oAlice', command: 'Typing' });

      expect(json.errcode).toBe(41001);
    });
  });
});
