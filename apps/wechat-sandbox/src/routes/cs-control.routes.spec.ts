import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { decryptPushMessage, pushSignature } from '../push/push-crypto';
import { DEFAULT_ORIGINAL_ID, DEFAULT_PUSH_ENCODING_AES_KEY, DEFAULT_PUSH_TOKEN } from '../push/push-settings';
import { createSandbox } from '../sandbox';
import { APP_ID, buildSandbox, getJson, postJson, SECRET, type FakeClock, type Json } from '../testing/sandbox.fixture';

const PUSH_PATH = '/api/wechat/push';

type Received = { method: string; url: URL; headers: IncomingHttpHeaders; body: string };
type Reply = { status: number; body: string; delayMs?: number };

/**
 * The developer's message-push endpoint as a careful server writes it: it answers the echostr and accepts POSTs only
 * when `signature` (and in safe mode `msg_signature`) match its token, and otherwise answers what the test queues.
 */
class DeveloperServer {
  readonly received: Received[] = [];
  /** Replies to POSTs with a valid signature, in order; once used up, `success`. */
  replies: Reply[] = [];
  /** Overrides the echostr answer to URL verification. */
  verifyReply: Reply | null = null;
  token = DEFAULT_PUSH_TOKEN;
  url = '';
  private server: Server | null = null;

  get posts(): Received[] {
    return this.received.filter((request) => request.method === 'POST');
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { method: request.method ?? '', url: new URL(request.url ?? '/', 'http://server'), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.received.push(received);
        const reply = this.replyTo(received);
        const answer = (): void => {
          if (!response.destroyed) response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
        };
        if (reply.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${PUSH_PATH}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  signatureValid({ url }: Received): boolean {
    const [timestamp, nonce] = [url.searchParams.get('timestamp') ?? '', url.searchParams.get('nonce') ?? ''];
    return url.searchParams.get('signature') === pushSignature([this.token, timestamp, nonce]);
  }

  msgSignatureValid({ url }: Received, encrypt: string): boolean {
    const [timestamp, nonce] = [url.searchParams.get('timestamp') ?? '', url.searchParams.get('nonce') ?? ''];
    return url.searchParams.get('msg_signature') === pushSignature([this.token, timestamp, nonce, encrypt]);
  }

  private replyTo(received: Received): Reply {
    if (!this.signatureValid(received)) return { status: 401, body: 'bad signature' };
    if (received.method === 'GET') return this.verifyReply ?? { status: 200, body: received.url.searchParams.get('echostr') ?? '' };
    return this.replies.shift() ?? { status: 200, body: 'success' };
  }
}

/** The Encrypt of a safe or compatible push, JSON or XML. */
function encryptOf(body: string): string {
  if (body.startsWith('<xml>')) {
    const match = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(body);
    if (!match?.[1]) throw new Error(`no Encrypt in ${body}`);
    return match[1];
  }
  return String((JSON.parse(body) as Json).Encrypt);
}

describe('/__control/push-config and pushes', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let server: DeveloperServer;

  async function configure(body: Json): Promise<{ status: number; json: Json }> {
    const response = await sut.inject({ method: 'PUT', url: '/__control/push-config', payload: body });
    return { status: response.statusCode, json: response.json<Json>() };
  }

  async function userSays(body: Json, query = ''): Promise<Json> {
    const { status, json } = await postJson(sut, `/__control/cs/messages${query}`, { openid: 'oAlice', ...body });
    if (status !== 200) throw new Error(JSON.stringify(json));
    return json;
  }

  beforeEach(async () => {
    ({ sut, clock } = buildSandbox());
    server = new DeveloperServer();
    await server.start();
  });

  afterEach(async () => {
    await sut.close();
    await server.stop();
  });

  describe('GET /__control/push-config', () => {
    it('shows the dev defaults and no URL until one is saved', async () => {
      expect(await getJson(sut, '/__control/push-config')).toEqual({
        url: null,
        token: 'glowdevtoken',
        encodingAesKey: 'GlowDevEncodingAesKey0123456789abcdefghijkl',
        mode: 'safe',
        format: 'json',
        originalId: 'gh_glowdev00001',
        verified: false,
      });
    });
  });

  describe('PUT /__control/push-config', () => {
    it('verifies the URL with a signed GET and saves the settings once the echostr comes back', async () => {
      const { status, json } = await configure({ url: server.url });

      expect(status).toBe(200);
      expect(json).toEqual({
        url: server.url,
        token: DEFAULT_PUSH_TOKEN,
        encodingAesKey: DEFAULT_PUSH_ENCODING_AES_KEY,
        mode: 'safe',
        format: 'json',
        originalId: DEFAULT_ORIGINAL_ID,
        verified: true,
      });
      const [verification] = server.received;
      expect(server.received).toHaveLength(1);
      expect(verification?.method).toBe('GET');
      expect(verification?.url.pathname).toBe(PUSH_PATH);
      expect(verification?.url.searchParams.get('timestamp')).toBe(String(Math.floor(clock.ms / 1000)));
      expect(verification?.url.searchParams.get('nonce')).toMatch(/^\d+$/);
      expect(verification?.url.searchParams.get('echostr')).toMatch(/^\d{19}$/);
      expect(verification && server.signatureValid(verification)).toBe(true);
      expect(await getJson(sut, '/__control/push-config')).toMatchObject({ url: server.url, verified: true });
    });

    it('signs the verification with the token being saved', async () => {
      server.token = 'AnotherToken42';

      expect((await configure({ url: server.url })).status).toBe(400);
      expect((await configure({ url: server.url, token: 'AnotherToken42', mode: 'plain', format: 'xml' })).json).toMatchObject({
        token: 'AnotherToken42',
        mode: 'plain',
        format: 'xml',
        verified: true,
      });
    });

    it('refuses the settings when the body is not exactly the echostr, and keeps the old ones', async () => {
      server.verifyReply = { status: 200, body: '"wrapped in JSON"' };

      const { status, json } = await configure({ url: server.url });

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.stringMatching(/URL verification failed: .* instead of the echostr/) });
      expect(await getJson(sut, '/__control/push-config')).toMatchObject({ url: null, verified: false });
    });

    it('refuses the settings when the server rejects the signature', async () => {
      server.token = 'SomeoneElse';

      expect(await configure({ url: server.url })).toEqual({ status: 400, json: { error: expect.stringMatching(/answered HTTP 401/) } });
    });

    it('refuses the settings when nothing listens at the URL', async () => {
      const closed = new DeveloperServer();
      await closed.start();
      await closed.stop();

      expect(await configure({ url: closed.url })).toEqual({ status: 400, json: { error: expect.stringMatching(/could not be reached/) } });
    });

    it.each([
      { problem: 'no url', body: {} },
      { problem: 'an ftp url', body: { url: 'ftp://127.0.0.1/push' } },
      { problem: 'a relative url', body: { url: '/api/wechat/push' } },
      { problem: 'a 2-character token', body: { url: 'http://127.0.0.1/x', token: 'ab' } },
      { problem: 'a token with a dash', body: { url: 'http://127.0.0.1/x', token: 'glow-dev' } },
      { problem: 'a 42-character EncodingAESKey', body: { url: 'http://127.0.0.1/x', encodingAesKey: 'a'.repeat(42) } },
      { problem: 'an unknown mode', body: { url: 'http://127.0.0.1/x', mode: 'secure' } },
      { problem: 'an unknown format', body: { url: 'http://127.0.0.1/x', format: 'yaml' } },
      { problem: 'an unknown field', body: { url: 'http://127.0.0.1/x', originalId: 'gh_x' } },
    ])('answers 400 for $problem without calling anyone', async ({ body }) => {
      const { status, json } = await configure(body);

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.any(String) });
      expect(server.received).toHaveLength(0);
    });

    it('lets a browser page save the settings (CORS preflight allows PUT)', async () => {
      const response = await sut.inject({
        method: 'OPTIONS',
        url: '/__control/push-config',
        headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'PUT' },
      });

      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-methods']).toContain('PUT');
    });

    it('returns to the settings the sandbox started with on reset', async () => {
      await configure({ url: server.url, mode: 'plain' });
      await postJson(sut, '/__control/reset', {});

      expect(await getJson(sut, '/__control/push-config')).toMatchObject({ url: null, mode: 'safe', verified: false });
    });
  });

  describe('POST /__control/cs/messages', () => {
    it('pushes a safe-mode JSON message the server can verify and decrypt', async () => {
      await configure({ url: server.url });

      const outcome = await userSays({ msgType: 'text', content: '你好，想预约周六' });

      expect(outcome).toEqual({
        delivered: true,
        attempts: 1,
        lastStatus: 200,
        lastBody: 'success',
        error: null,
        message: {
          ToUserName: DEFAULT_ORIGINAL_ID,
          FromUserName: 'oAlice',
          CreateTime: Math.floor(clock.ms / 1000),
          MsgType: 'text',
          Content: '你好，想预约周六',
          MsgId: expect.any(Number),
        },
      });
      const msgId = (outcome.message as Json).MsgId as number;
      expect(String(msgId)).toMatch(/^\d{16}$/);
      expect(Number.isSafeInteger(msgId)).toBe(true);

      const [push] = server.posts;
      if (!push) throw new Error('nothing pushed');
      expect(push.headers['content-type']).toBe('application/json');
      expect(push.url.searchParams.get('encrypt_type')).toBe('aes');
      expect(server.signatureValid(push)).toBe(true);
      const body = JSON.parse(push.body) as Json;
      expect(Object.keys(body)).toEqual(['ToUserName', 'Encrypt']);
      expect(body.ToUserName).toBe(DEFAULT_ORIGINAL_ID);
      expect(server.msgSignatureValid(push, String(body.Encrypt))).toBe(true);
      const decrypted = decryptPushMessage(DEFAULT_PUSH_ENCODING_AES_KEY, String(body.Encrypt));
      expect(decrypted.appId).toBe(APP_ID);
      expect(JSON.parse(decrypted.message)).toEqual(outcome.message);
    });

    it('pushes a safe-mode XML message with the Encrypt in CDATA', async () => {
      await configure({ url: server.url, format: 'xml' });

      const outcome = await userSays({ msgType: 'text', content: 'a ]]> b' });

      const [push] = server.posts;
      if (!push) throw new Error('nothing pushed');
      expect(push.headers['content-type']).toBe('text/xml');
      expect(push.body).toMatch(/^<xml><ToUserName><!\[CDATA\[gh_glowdev00001\]\]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><\/xml>$/);
      const encrypt = encryptOf(push.body);
      expect(server.msgSignatureValid(push, encrypt)).toBe(true);
      const { MsgId, CreateTime } = outcome.message as Json;
      expect(decryptPushMessage(DEFAULT_PUSH_ENCODING_AES_KEY, encrypt).message).toBe(
        '<xml><ToUserName><![CDATA[gh_glowdev00001]]></ToUserName><FromUserName><![CDATA[oAlice]]></FromUserName>' +
          `<CreateTime>${String(CreateTime)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
          `<Content><![CDATA[a ]]]]><![CDATA[> b]]></Content><MsgId>${String(MsgId)}</MsgId></xml>`,
      );
    });

    it('pushes the plain document in plain mode, signed but without encrypt_type', async () => {
      await configure({ url: server.url, mode: 'plain' });

      const outcome = await userSays({ msgType: 'text', content: '你好' });

      const [push] = server.posts;
      if (!push) throw new Error('nothing pushed');
      expect(push.url.searchParams.has('encrypt_type')).toBe(false);
      expect(push.url.searchParams.has('msg_signature')).toBe(false);
      expect(server.signatureValid(push)).toBe(true);
      expect(JSON.parse(push.body)).toEqual(outcome.message);
    });

    it('pushes both the plain fields and their Encrypt in compatible mode', async () => {
      await configure({ url: server.url, mode: 'compatible' });

      const outcome = await userSays({ msgType: 'text', content: '你好' });

      const [push] = server.posts;
      if (!push) throw new Error('nothing pushed');
      const { Encrypt, ...plain } = JSON.parse(push.body) as Json;
      expect(plain).toEqual(outcome.message);
      expect(push.url.searchParams.get('encrypt_type')).toBe('aes');
      expect(server.msgSignatureValid(push, String(Encrypt))).toBe(true);
      expect(JSON.parse(decryptPushMessage(DEFAULT_PUSH_ENCODING_AES_KEY, String(Encrypt)).message)).toEqual(outcome.message);
    });

    it('gives an image a MediaId whose bytes the control API serves, and a PicUrl pointing at them', async () => {
      await configure({ url: server.url, mode: 'plain' });

      const { message } = await userSays({ msgType: 'image' });

      const { MediaId, PicUrl } = message as Json;
      expect(message).toMatchObject({ MsgType: 'image', MsgId: expect.any(Number) });
      expect(PicUrl).toBe(`http://localhost:80/__control/media/${String(MediaId)}`);
      const image = await sut.inject({ method: 'GET', url: `/__control/media/${String(MediaId)}` });
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    });

    it('keeps a PicUrl given by the test', async () => {
      await configure({ url: server.url, mode: 'plain' });

      const { message } = await userSays({ msgType: 'image', picUrl: 'https://mmbiz.qpic.cn/mmbiz_jpg/test/0' });

      expect(message).toMatchObject({ PicUrl: 'https://mmbiz.qpic.cn/mmbiz_jpg/test/0' });
    });

    it('pushes a mini-program card with the fields of §6e', async () => {
      await configure({ url: server.url, mode: 'plain' });

      const { message } = await userSays({ msgType: 'miniprogrampage', title: '焕颜护理', pagePath: 'pages/service/detail?id=7' });

      expect(message).toEqual({
        ToUserName: DEFAULT_ORIGINAL_ID,
        FromUserName: 'oAlice',
        CreateTime: Math.floor(clock.ms / 1000),
        MsgType: 'miniprogrampage',
        Title: '焕颜护理',
        AppId: APP_ID,
        PagePath: 'pages/service/detail?id=7',
        ThumbUrl: expect.stringMatching(/^http:\/\/localhost:80\/__control\/media\//),
        ThumbMediaId: expect.any(String),
        MsgId: expect.any(Number),
      });
    });

    it('opens the 48-hour window and makes the user known, even with no push URL configured', async () => {
      const outcome = await userSays({ msgType: 'text', content: '你好' });

      expect(outcome).toMatchObject({ delivered: false, attempts: 0, lastStatus: null, lastBody: null, error: expect.stringMatching(/no push URL/) });
      expect(await getJson(sut, '/__control/cs/window?openid=oAlice')).toMatchObject({ remaining: 5, active: true });
    });

    it('accepts an empty 200 reply as well as success', async () => {
      await configure({ url: server.url });
      server.replies = [{ status: 200, body: '' }];

      expect(await userSays({ msgType: 'text', content: '你好' })).toMatchObject({ delivered: true, attempts: 1, lastStatus: 200, lastBody: '' });
    });

    it('tries 3 times when the server answers 500, each with the same MsgId', async () => {
      await configure({ url: server.url });
      server.replies = [500, 500, 500].map((status) => ({ status, body: 'Internal Server Error' }));

      const outcome = await userSays({ msgType: 'text', content: '你好' });

      expect(outcome).toMatchObject({ delivered: false, attempts: 3, lastStatus: 500, lastBody: 'Internal Server Error', error: null });
      const msgIds = server.posts.map((push) => JSON.parse(decryptPushMessage(DEFAULT_PUSH_ENCODING_AES_KEY, encryptOf(push.body)).message).MsgId);
      expect(msgIds).toEqual([0, 1, 2].map(() => (outcome.message as Json).MsgId));
    });

    it('stops retrying once the server accepts', async () => {
      await configure({ url: server.url });
      server.replies = [{ status: 500, body: '' }];

      expect(await userSays({ msgType: 'text', content: '你好' })).toMatchObject({ delivered: true, attempts: 2, lastStatus: 200 });
      expect(server.posts).toHaveLength(2);
    });

    it('does not accept a 200 whose body is neither success nor empty', async () => {
      await configure({ url: server.url });
      server.replies = [1, 2, 3].map(() => ({ status: 200, body: '{"ok":true}' }));

      expect(await userSays({ msgType: 'text', content: '你好' })).toMatchObject({ delivered: false, attempts: 3, lastStatus: 200, lastBody: '{"ok":true}' });
    });

    it('tries 3 times when the server does not answer in time', async () => {
      await sut.close();
      ({ sut, clock } = buildSandbox({ push: { timeoutMs: 100 } }));
      await configure({ url: server.url });
      server.replies = [1, 2, 3].map(() => ({ status: 200, body: 'success', delayMs: 1_000 }));

      const outcome = await userSays({ msgType: 'text', content: '你好' });

      expect(outcome).toMatchObject({ delivered: false, attempts: 3, lastStatus: null, lastBody: null, error: null });
      expect(server.posts).toHaveLength(3);
    });

    it.each([
      { how: '?forge=signature', query: '?forge=signature', body: {} },
      { how: 'forgeSignature: true', query: '', body: { forgeSignature: true } },
    ])('signs with the wrong token for $how, and changes nothing in the sandbox', async ({ query, body }) => {
      await configure({ url: server.url });

      const outcome = await userSays({ msgType: 'text', content: '伪造', ...body }, query);

      expect(outcome).toMatchObject({ delivered: false, attempts: 3, lastStatus: 401 });
      const [push] = server.posts;
      if (!push) throw new Error('nothing pushed');
      expect(server.signatureValid(push)).toBe(false);
      expect(server.msgSignatureValid(push, encryptOf(push.body))).toBe(false);
      expect(await getJson(sut, '/__control/cs/window?openid=oAlice')).toMatchObject({ until: null, remaining: 0 });
    });

    it.each([
      { problem: 'no openid', body: { openid: undefined, msgType: 'text', content: 'hi' } },
      { problem: 'an unknown msgType', body: { msgType: 'voice' } },
      { problem: 'a text without content', body: { msgType: 'text' } },
      { problem: 'a blank text', body: { msgType: 'text', content: '  ' } },
      { problem: 'a picUrl on a text', body: { msgType: 'text', content: 'hi', picUrl: 'https://a.cn/x.png' } },
      { problem: 'content on an image', body: { msgType: 'image', content: 'hi' } },
      { problem: 'a card without pagePath', body: { msgType: 'miniprogrampage', title: '护理' } },
      { problem: 'a picUrl that is not http(s)', body: { msgType: 'image', picUrl: 'file:///etc/passwd' } },
      { problem: 'a non-boolean forgeSignature', body: { msgType: 'text', content: 'hi', forgeSignature: 'yes' } },
    ])('answers 400 for $problem', async ({ body }) => {
      const { status, json } = await postJson(sut, '/__control/cs/messages', { openid: 'oAlice', ...body });

      expect(status).toBe(400);
      expect(json).toEqual({ error: expect.any(String) });
    });

    it('answers 400 for a forge query other than signature', async () => {
      const { status } = await postJson(sut, '/__control/cs/messages?forge=everything', { openid: 'oAlice', msgType: 'text', content: 'hi' });

      expect(status).toBe(400);
    });
  });

  describe('POST /__control/cs/enter', () => {
    it('pushes user_enter_tempsession with the session-from and opens the 1-minute window', async () => {
      await configure({ url: server.url, mode: 'plain' });

      const { status, json } = await postJson(sut, '/__control/cs/enter', { openid: 'oAlice', sessionFrom: 'store_0021' });

      expect(status).toBe(200);
      expect(json).toMatchObject({ delivered: true, attempts: 1 });
      expect(json.message).toEqual({
        ToUserName: DEFAULT_ORIGINAL_ID,
        FromUserName: 'oAlice',
        CreateTime: Math.floor(clock.ms / 1000),
        MsgType: 'event',
        Event: 'user_enter_tempsession',
        SessionFrom: 'store_0021',
      });
      expect(JSON.parse(server.posts[0]?.body ?? '{}')).toEqual(json.message);
      expect(await getJson(sut, '/__control/cs/window?openid=oAlice')).toMatchObject({ until: new Date(clock.ms + 60_000).toISOString(), remaining: 2 });
    });

    it('sends an empty SessionFrom when the button has none', async () => {
      const { json } = await postJson(sut, '/__control/cs/enter', { openid: 'oAlice' });

      expect(json.message).toMatchObject({ SessionFrom: '' });
    });
  });

  describe('settings from the start (createSandbox options or environment)', () => {
    let configured: FastifyInstance;

    afterEach(async () => {
      await configured.close();
    });

    it('verifies the URL on the first push only, since the server may start after the sandbox', async () => {
      configured = createSandbox({ appId: APP_ID, secret: SECRET, push: { url: server.url, mode: 'plain' } });
      expect(await getJson(configured, '/__control/push-config')).toMatchObject({ url: server.url, mode: 'plain', verified: false });

      const first = await postJson(configured, '/__control/cs/messages', { openid: 'oAlice', msgType: 'text', content: '一' });
      const second = await postJson(configured, '/__control/cs/messages', { openid: 'oAlice', msgType: 'text', content: '二' });

      expect(first.json).toMatchObject({ delivered: true, attempts: 1 });
      expect(second.json).toMatchObject({ delivered: true, attempts: 1 });
      expect(server.received.map((request) => request.method)).toEqual(['GET', 'POST', 'POST']);
      expect(await getJson(configured, '/__control/push-config')).toMatchObject({ verified: true });
    });

    it('pushes nothing while the URL fails verification, and tries again on the next push', async () => {
      configured = createSandbox({ appId: APP_ID, secret: SECRET, push: { url: server.url } });
      server.verifyReply = { status: 503, body: 'starting' };

      const { json } = await postJson(configured, '/__control/cs/messages', { openid: 'oAlice', msgType: 'text', content: '在吗' });

      expect(json).toMatchObject({ delivered: false, attempts: 0, error: expect.stringMatching(/URL verification failed: .*HTTP 503/) });
      server.verifyReply = null;
      expect((await postJson(configured, '/__control/cs/messages', { openid: 'oAlice', msgType: 'text', content: '在吗' })).json).toMatchObject({
        delivered: true,
      });
      expect(server.received.map((request) => request.method)).toEqual(['GET', 'GET', 'POST']);
    });

  });
});

describe('createSandbox push options', () => {
  it.each([
    { problem: 'a token with a dash', push: { token: 'glow-dev' } },
    { problem: 'a short EncodingAESKey', push: { encodingAesKey: 'short' } },
    { problem: 'a url that is not http(s)', push: { url: 'ws://127.0.0.1/push' } },
    { problem: 'an unknown mode', push: { mode: 'secure' as 'safe' } },
    { problem: 'an original id without gh_', push: { originalId: 'glow' } },
    { problem: 'a zero timeout', push: { timeoutMs: 0 } },
  ])('refuses to start with $problem', ({ push }) => {
    expect(() => createSandbox({ appId: APP_ID, secret: SECRET, push })).toThrow(/^push\./);
  });
});
