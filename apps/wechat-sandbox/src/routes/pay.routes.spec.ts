import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  DEV_PAY_API_V3_KEY,
  DEV_PAY_MCH_ID,
  DEV_PAY_MERCHANT_PRIVATE_KEY_PEM,
  DEV_PAY_MERCHANT_SERIAL,
  DEV_PAY_PLATFORM_PUBLIC_KEY_ID,
  DEV_PAY_PLATFORM_PUBLIC_KEY_PEM,
} from '../pay/dev-keys';
import { decryptResource, randomNonce, requestSignMessage, responseSignMessage, signSha256Rsa, verifySha256Rsa } from '../pay/pay-crypto';
import { APP_ID, buildSandbox, type FakeClock, type Json } from '../testing/sandbox.fixture';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** The merchant's notify endpoint: records what arrives and answers with whatever status the test wants next. */
class Merchant {
  readonly received: Received[] = [];
  /** Statuses to answer, in order; once used up, `fallback` is answered. */
  replies: number[] = [];
  fallback = 200;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.replies.shift() ?? this.fallback;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status === 200 || status === 204 ? '' : JSON.stringify({ code: 'FAIL', message: '失败' }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Asserts WeChat Pay's signature headers are present and verify with the platform public key over this body. */
function expectPlatformSigned(headers: Record<string, unknown>, body: string): void {
  expect(headers['wechatpay-serial']).toBe(DEV_PAY_PLATFORM_PUBLIC_KEY_ID);
  const timestamp = String(headers['wechatpay-timestamp']);
  const nonce = String(headers['wechatpay-nonce']);
  expect(verifySha256Rsa(DEV_PAY_PLATFORM_PUBLIC_KEY_PEM, responseSignMessage(timestamp, nonce, body), String(headers['wechatpay-signature']))).toBe(true);
}

function decryptNotification(body: string): { envelope: Json; resource: Json } {
  const envelope = JSON.parse(body) as Json;
  const resource = envelope.resource as { nonce: string; associated_data: string; ciphertext: string };
  return { envelope, resource: JSON.parse(decryptResource(DEV_PAY_API_V3_KEY, resource.nonce, resource.associated_data, resource.ciphertext)) as Json };
}

describe('WeChat Pay v3 (/v3/pay, /v3/refund)', () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let merchant: Merchant;

  type CallOptions = { serial?: string; timestamp?: number; signedBody?: string; authorization?: string | null };

  /** A merchant request signed as §8a says, with the sandbox's (fake) clock. */
  async function call(method: 'GET' | 'POST', url: string, body?: unknown, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(options.timestamp ?? Math.floor(clock.ms / 1000));
    const nonce = randomNonce();
    const signature = signSha256Rsa(DEV_PAY_MERCHANT_PRIVATE_KEY_PEM, requestSignMessage(method, url, timestamp, nonce, options.signedBody ?? payload));
    const authorization =
      options.authorization === undefined
        ? `WECHATPAY2-SHA256-RSA2048 mchid="${DEV_PAY_MCH_ID}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${options.serial ?? DEV_PAY_MERCHANT_SERIAL}",signature="${signature}"`
        : options.authorization;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization !== null) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return sut.inject({ method, url, headers, payload: body === undefined ? undefined : payload });
  }

  function prepayBody(overrides: Json = {}): Json {
    return {
      appid: APP_ID,
      mchid: DEV_PAY_MCH_ID,
      description: 'Glow 焕颜精华 30ml',
      out_trade_no: 'GLOW20250106000001',
      attach: 'order-1',
      notify_url: `${merchant.url}/pay/notify`,
      amount: { total: 39900, currency: 'CNY' },
      payer: { openid: 'oAlice' },
      ...overrides,
    };
  }

  async function prepay(overrides: Json = {}): Promise<LightMyRequestResponse> {
    return call('POST', '/v3/pay/transactions/jsapi', prepayBody(overrides));
  }

  async function query(outTradeNo: string): Promise<LightMyRequestResponse> {
    return call('GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${DEV_PAY_MCH_ID}`);
  }

  async function userPays(outTradeNo: string): Promise<{ status: number; json: Json }> {
    const response = await sut.inject({ method: 'POST', url: `/__control/pay/transactions/${outTradeNo}/pay`, payload: {} });
    return { status: response.statusCode, json: response.json<Json>() };
  }

  async function notifications(outTradeNo: string): Promise<Json[]> {
    return (await sut.inject({ method: 'GET', url: `/__control/pay/notifications?outTradeNo=${outTradeNo}` })).json<{ notifications: Json[] }>().notifications;
  }

  /** Waits until the sandbox has recorded the merchant's answer, not just until the merchant got the request. */
  async function delivered(outTradeNo: string, count = 1): Promise<void> {
    await until(async () => (await notifications(outTradeNo)).filter((n) => n.delivered).length === count);
  }

  async function refund(overrides: Json = {}): Promise<LightMyRequestResponse> {
    return call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: 'GLOW20250106000001',
      out_refund_no: 'RF20250106000001',
      reason: '七天无理由',
      notify_url: `${merchant.url}/pay/refund-notify`,
      amount: { refund: 10000, total: 39900, currency: 'CNY' },
      ...overrides,
    });
  }

  beforeEach(async () => {
    merchant = new Merchant();
    await merchant.start();
    ({ sut, clock } = buildSandbox({ pay: { notifyRetryScale: 0.001 } }));
  });

  afterEach(async () => {
    await sut.close();
    await merchant.stop();
  });

  describe('request signatures', () => {
    it('refuses a request without Authorization with 401 SIGN_ERROR, unsigned', async () => {
      const response = await call('POST', '/v3/pay/transactions/jsapi', prepayBody(), { authorization: null });

      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'SIGN_ERROR', message: expect.any(String), detail: { location: 'authorization' } });
      expect(response.headers['wechatpay-signature']).toBeUndefined();
    });

    it('refuses a body other than the one signed, showing the message it checked', async () => {
      const response = await call('POST', '/v3/pay/transactions/jsapi', prepayBody(), { signedBody: JSON.stringify(prepayBody({ amount: { total: 1 } })) });

      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'SIGN_ERROR',
        message: '错误的签名,验签失败',
        detail: { detail: { issue: 'sign not match' }, sign_information: { method: 'POST', url: '/v3/pay/transactions/jsapi' } },
      });
    });

    it('refuses a serial_no other than the merchant certificate’s', async () => {
      const response = await prepayWith({ serial: '0'.repeat(40) });

      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'SIGN_ERROR', detail: { detail: { issue: 'serial_no not match' } } });
    });

    it('accepts a timestamp up to 5 minutes off and refuses one further away', async () => {
      const now = Math.floor(clock.ms / 1000);

      expect((await prepayWith({ timestamp: now - 300 })).statusCode).toBe(200);
      expect((await prepayWith({ timestamp: now + 301 })).statusCode).toBe(401);
      expect((await prepayWith({ timestamp: now - 301 })).json()).toMatchObject({ code: 'SIGN_ERROR', detail: { detail: { issue: 'timestamp expired' } } });
    });

    it('takes the five Authorization fields in any order', async () => {
      const body = JSON.stringify(prepayBody());
      const timestamp = String(Math.floor(clock.ms / 1000));
      const signature = signSha256Rsa(DEV_PAY_MERCHANT_PRIVATE_KEY_PEM, requestSignMessage('POST', '/v3/pay/transactions/jsapi', timestamp, 'abc', body));
      const authorization = `WECHATPAY2-SHA256-RSA2048 signature="${signature}",serial_no="${DEV_PAY_MERCHANT_SERIAL}",timestamp="${timestamp}",nonce_str="abc",mchid="${DEV_PAY_MCH_ID}"`;

      expect((await call('POST', '/v3/pay/transactions/jsapi', prepayBody(), { authorization })).statusCode).toBe(200);
    });

    it('signs the query string too', async () => {
      await prepay();
      const signedFor = '/v3/pay/transactions/out-trade-no/GLOW20250106000001?mchid=1';
      const timestamp = String(Math.floor(clock.ms / 1000));
      const signature = signSha256Rsa(DEV_PAY_MERCHANT_PRIVATE_KEY_PEM, requestSignMessage('GET', signedFor, timestamp, 'n', ''));
      const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${DEV_PAY_MCH_ID}",nonce_str="n",timestamp="${timestamp}",serial_no="${DEV_PAY_MERCHANT_SERIAL}",signature="${signature}"`;

      expect((await call('GET', `/v3/pay/transactions/out-trade-no/GLOW20250106000001?mchid=${DEV_PAY_MCH_ID}`, undefined, { authorization })).statusCode).toBe(401);
    });

    async function prepayWith(options: CallOptions): Promise<LightMyRequestResponse> {
      return call('POST', '/v3/pay/transactions/jsapi', prepayBody(), options);
    }
  });

  describe('POST /v3/pay/transactions/jsapi', () => {
    it('answers a prepay_id, signed with the platform key under its public-key id', async () => {
      const response = await prepay();

      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ prepay_id: expect.stringMatching(/^wx20250106100000[0-9a-f]{20}$/) });
      expectPlatformSigned(response.headers, response.body);
    });

    it('returns the same prepay_id for the same parameters, and a fresh one once it is 2 hours old', async () => {
      const first = (await prepay()).json<Json>().prepay_id;

      expect((await prepay()).json<Json>().prepay_id).toBe(first);
      clock.advance(7200);
      expect((await prepay()).json<Json>().prepay_id).not.toBe(first);
    });

    it('refuses the same out_trade_no with other parameters: 400 INVALID_REQUEST 201 商户订单号重复', async () => {
      await prepay();
      const response = await prepay({ amount: { total: 100 } });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
      expectPlatformSigned(response.headers, response.body);
    });

    it('accepts https and local http notify URLs', async () => {
      expect((await prepay({ out_trade_no: 'HTTPS-0001', notify_url: 'https://glow.example.com/api/payments/wechat/notify' })).statusCode).toBe(200);
      expect((await prepay({ out_trade_no: 'LOCAL-0001', notify_url: 'http://localhost:3000/api/payments/wechat/notify' })).statusCode).toBe(200);
    });

    it.each([
      { problem: 'description longer than 127 characters', body: { description: '美'.repeat(128) }, message: /description/ },
      { problem: 'no description', body: { description: undefined }, message: /description/ },
      { problem: 'out_trade_no shorter than 6', body: { out_trade_no: 'A1234' }, message: /out_trade_no/ },
      { problem: 'out_trade_no longer than 32', body: { out_trade_no: 'A'.repeat(33) }, message: /out_trade_no/ },
      { problem: 'out_trade_no with a dot', body: { out_trade_no: 'GLOW.000001' }, message: /out_trade_no/ },
      { problem: 'no notify_url', body: { notify_url: undefined }, message: /notify_url/ },
      { problem: 'a plain http notify_url elsewhere', body: { notify_url: 'http://glow.example.com/notify' }, message: /https/ },
      { problem: 'a notify_url with a query string', body: { notify_url: 'https://glow.example.com/notify?order=1' }, message: /notify_url/ },
      { problem: 'amount.total 0', body: { amount: { total: 0 } }, message: /amount\.total/ },
      { problem: 'a fractional amount.total', body: { amount: { total: 99.5 } }, message: /amount\.total/ },
      { problem: 'amount.total as a string', body: { amount: { total: '100' } }, message: /amount\.total/ },
      { problem: 'a currency other than CNY', body: { amount: { total: 100, currency: 'USD' } }, message: /currency/ },
      { problem: 'no payer.openid', body: { payer: {} }, message: /openid/ },
      { problem: 'a malformed time_expire', body: { time_expire: '2025-01-06 12:00:00' }, message: /time_expire/ },
      { problem: 'a time_expire less than a minute away', body: { time_expire: '2025-01-06T10:00:30+08:00' }, message: /time_expire/ },
    ])('answers 400 PARAM_ERROR for $problem', async ({ body, message }) => {
      const response = await prepay(body);

      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ code: 'PARAM_ERROR', message: expect.stringMatching(message) });
    });

    it('refuses an appid the merchant is not bound to', async () => {
      const response = await prepay({ appid: 'wxsomeoneelse0001' });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'APPID_MCHID_NOT_MATCH' });
    });
  });

  describe('query and close', () => {
    it('reads an unpaid order as NOTPAY without the fields only payment brings', async () => {
      await prepay();
      const response = await query('GLOW20250106000001');

      expect(response.statusCode).toBe(200);
      expectPlatformSigned(response.headers, response.body);
      expect(response.json()).toEqual({
        appid: APP_ID,
        mchid: DEV_PAY_MCH_ID,
        out_trade_no: 'GLOW20250106000001',
        trade_state: 'NOTPAY',
        trade_state_desc: '订单未支付',
        attach: 'order-1',
        payer: { openid: 'oAlice' },
        amount: { total: 39900, currency: 'CNY' },
        promotion_detail: [],
      });
    });

    it('answers 404 ORDER_NOT_EXIST for an unknown order, and 400 without mchid', async () => {
      const unknown = await query('NOSUCHORDER');

      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      expect((await call('GET', '/v3/pay/transactions/out-trade-no/GLOW20250106000001')).statusCode).toBe(400);
    });

    it('reads an unpaid order as CLOSED once time_expire has passed; it can then be neither paid nor prepaid', async () => {
      await prepay({ time_expire: '2025-01-06T10:15:00+08:00' });

      clock.advance(15 * 60);
      expect((await query('GLOW20250106000001')).json()).toMatchObject({ trade_state: 'NOTPAY' });
      clock.advance(1);
      expect((await query('GLOW20250106000001')).json()).toMatchObject({ trade_state: 'CLOSED', trade_state_desc: '订单已关闭' });
      expect((await userPays('GLOW20250106000001')).status).toBe(409);
      expect((await prepay({ time_expire: '2025-01-06T10:15:00+08:00' })).json()).toEqual({ code: 'ORDER_CLOSED', message: '该订单已关闭' });
    });

    it('closes an unpaid order with a signed 204; closing again is harmless; the user can no longer pay', async () => {
      await prepay();
      const closed = await call('POST', '/v3/pay/transactions/out-trade-no/GLOW20250106000001/close', { mchid: DEV_PAY_MCH_ID });

      expect(closed.statusCode).toBe(204);
      expect(closed.body).toBe('');
      expectPlatformSigned(closed.headers, '');
      expect((await call('POST', '/v3/pay/transactions/out-trade-no/GLOW20250106000001/close', { mchid: DEV_PAY_MCH_ID })).statusCode).toBe(204);
      expect((await query('GLOW20250106000001')).json()).toMatchObject({ trade_state: 'CLOSED' });
      expect(await userPays('GLOW20250106000001')).toEqual({ status: 409, json: { error: expect.stringContaining('closed') } });
      expect((await prepay()).json()).toMatchObject({ code: 'ORDER_CLOSED' });
    });

    it('refuses to close a paid order (400 ORDER_PAID) and to prepay it again', async () => {
      await prepay();
      await userPays('GLOW20250106000001');

      const response = await call('POST', '/v3/pay/transactions/out-trade-no/GLOW20250106000001/close', { mchid: DEV_PAY_MCH_ID });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ code: 'ORDER_PAID', message: '订单已支付' });
      expect((await prepay()).json()).toEqual({ code: 'ORDER_PAID', message: '该订单已支付' });
    });

    it('answers 404 ORDER_NOT_EXIST when closing an unknown order', async () => {
      expect((await call('POST', '/v3/pay/transactions/out-trade-no/NOSUCHORDER/close', { mchid: DEV_PAY_MCH_ID })).statusCode).toBe(404);
    });
  });

  describe('payment and its notification', () => {
    it('pays once: SUCCESS with a 28-digit transaction_id, then a signed, encrypted TRANSACTION.SUCCESS notification', async () => {
      await prepay();
      const paid = await userPays('GLOW20250106000001');

      expect(paid).toEqual({ status: 200, json: { transactionId: expect.stringMatching(/^4200\d{24}$/) } });
      await delivered('GLOW20250106000001');
      const [notification] = merchant.received;
      if (!notification) throw new Error('no notification');
      expect(notification.path).toBe('/pay/notify');
      expect(notification.headers['content-type']).toBe('application/json');
      expectPlatformSigned(notification.headers, notification.body);
      const { envelope, resource } = decryptNotification(notification.body);
      expect(envelope).toMatchObject({
        id: expect.any(String),
        create_time: '2025-01-06T10:00:00+08:00',
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', nonce: expect.stringMatching(/^\w{12}$/) },
      });
      expect(resource).toEqual({
        appid: APP_ID,
        mchid: DEV_PAY_MCH_ID,
        out_trade_no: 'GLOW20250106000001',
        transaction_id: paid.json.transactionId,
        trade_type: 'JSAPI',
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        bank_type: 'OTHERS',
        attach: 'order-1',
        success_time: '2025-01-06T10:00:00+08:00',
        payer: { openid: 'oAlice' },
        amount: { total: 39900, payer_total: 39900, currency: 'CNY', payer_currency: 'CNY' },
        promotion_detail: [],
      });
      expect((await query('GLOW20250106000001')).json()).toEqual(resource);
      expect(await notifications('GLOW20250106000001')).toEqual([
        { id: envelope.id, eventType: 'TRANSACTION.SUCCESS', url: `${merchant.url}/pay/notify`, outRefundNo: null, attempts: 1, delivered: true, lastStatus: 200 },
      ]);
      expect((await userPays('GLOW20250106000001')).status).toBe(409);
    });

    it('answers 404 for paying an order WeChat Pay never saw', async () => {
      expect((await userPays('NOSUCHORDER')).status).toBe(404);
    });

    it('retries on the schedule until the merchant answers 200 or 204', async () => {
      merchant.replies = [500, 404];
      merchant.fallback = 204;
      await prepay();
      await userPays('GLOW20250106000001');

      await until(() => merchant.received.length === 3);
      const bodies = new Set(merchant.received.map((r) => r.body));
      expect(bodies.size).toBe(1);
      // 15 s then 15 s, times 0.001.
      await sleep(60);
      expect(merchant.received).toHaveLength(3);
      expect(await notifications('GLOW20250106000001')).toMatchObject([{ attempts: 3, delivered: true, lastStatus: 204 }]);
    });

    it('gives up after the 15 retries of the schedule', async () => {
      await sut.close();
      ({ sut, clock } = buildSandbox({ pay: { notifyRetryScale: 0.00001 } }));
      merchant.fallback = 503;
      await prepay();
      await userPays('GLOW20250106000001');

      await until(() => merchant.received.length === 16, 5_000);
      await sleep(300);
      expect(merchant.received).toHaveLength(16);
      expect(await notifications('GLOW20250106000001')).toMatchObject([{ attempts: 16, delivered: false, lastStatus: 503 }]);
    });

    it('counts an unreachable merchant as a failed attempt', async () => {
      await prepay({ notify_url: 'http://127.0.0.1:9/notify' });
      await userPays('GLOW20250106000001');

      await until(async () => (await notifications('GLOW20250106000001'))[0]?.attempts === 2);
      expect(await notifications('GLOW20250106000001')).toMatchObject([{ delivered: false, lastStatus: null }]);
    });

    it('redelivers the very same notification on request', async () => {
      await prepay();
      await userPays('GLOW20250106000001');
      await delivered('GLOW20250106000001');
      const [{ id }] = (await notifications('GLOW20250106000001')) as [{ id: string }];

      const response = await sut.inject({ method: 'POST', url: `/__control/pay/notifications/${id}/redeliver` });

      expect(response.json()).toMatchObject({ id, attempts: 2, delivered: true, status: 200 });
      expect(merchant.received).toHaveLength(2);
      expect(merchant.received[1]?.body).toBe(merchant.received[0]?.body);
      expect(merchant.received[1]?.headers['wechatpay-nonce']).not.toBe(merchant.received[0]?.headers['wechatpay-nonce']);
      expect((await sut.inject({ method: 'POST', url: '/__control/pay/notifications/nope/redeliver' })).statusCode).toBe(404);
    });

    it('stops retrying when the sandbox closes', async () => {
      await sut.close();
      ({ sut, clock } = buildSandbox({ pay: { notifyRetryScale: 0.002 } }));
      merchant.fallback = 500;
      await prepay();
      await userPays('GLOW20250106000001');
      await until(() => merchant.received.length === 1);

      await sut.close();
      await sleep(100);
      expect(merchant.received).toHaveLength(1);
    });

    it('forgets orders and pending retries on /__control/reset', async () => {
      merchant.fallback = 500;
      await prepay();
      await userPays('GLOW20250106000001');
      await until(() => merchant.received.length === 1);

      await sut.inject({ method: 'POST', url: '/__control/reset' });
      await sleep(100);
      expect(merchant.received).toHaveLength(1);
      expect((await query('GLOW20250106000001')).statusCode).toBe(404);
    });
  });

  describe('signature probes', () => {
    it('sends a notification signed WECHATPAY/SIGNTEST/… and reports what the merchant answered', async () => {
      merchant.replies = [401];
      const response = await sut.inject({ method: 'POST', url: '/__control/pay/probe', payload: { url: `${merchant.url}/pay/notify` } });

      expect(response.json()).toEqual({ status: 401 });
      const [probe] = merchant.received;
      expect(String(probe?.headers['wechatpay-signature'])).toMatch(/^WECHATPAY\/SIGNTEST\//);
      expect(probe?.headers['wechatpay-serial']).toBe(DEV_PAY_PLATFORM_PUBLIC_KEY_ID);
      expect(decryptNotification(probe?.body ?? '').envelope).toMatchObject({ event_type: 'TRANSACTION.SUCCESS' });
    });

    it('needs a url', async () => {
      expect((await sut.inject({ method: 'POST', url: '/__control/pay/probe', payload: {} })).statusCode).toBe(400);
    });
  });

  describe('refunds', () => {
    beforeEach(async () => {
      await prepay();
      await userPays('GLOW20250106000001');
      await delivered('GLOW20250106000001');
    });

    it('answers PROCESSING, then succeeds and sends a signed REFUND.SUCCESS notification encrypted with AAD "refund"', async () => {
      const response = await refund();

      expect(response.statusCode).toBe(200);
      expectPlatformSigned(response.headers, response.body);
      const created = response.json<Json>();
      expect(created).toMatchObject({
        refund_id: expect.stringMatching(/^50\d{27}$/),
        out_refund_no: 'RF20250106000001',
        out_trade_no: 'GLOW20250106000001',
        transaction_id: expect.stringMatching(/^4200\d{24}$/),
        channel: 'ORIGINAL',
        status: 'PROCESSING',
        create_time: '2025-01-06T10:00:00+08:00',
        amount: { total: 39900, refund: 10000, payer_total: 39900, payer_refund: 10000, currency: 'CNY' },
      });
      expect(created.success_time).toBeUndefined();

      await until(() => merchant.received.length === 2);
      const notification = merchant.received[1];
      if (!notification) throw new Error('no refund notification');
      expectPlatformSigned(notification.headers, notification.body);
      const { envelope, resource } = decryptNotification(notification.body);
      expect(envelope).toMatchObject({ event_type: 'REFUND.SUCCESS', resource: { original_type: 'refund', associated_data: 'refund' } });
      expect(resource).toEqual({
        mchid: DEV_PAY_MCH_ID,
        out_trade_no: 'GLOW20250106000001',
        transaction_id: created.transaction_id,
        refund_id: created.refund_id,
        out_refund_no: 'RF20250106000001',
        refund_status: 'SUCCESS',
        success_time: '2025-01-06T10:00:00+08:00',
        user_received_account: '支付用户零钱',
        amount: { total: 39900, refund: 10000, payer_total: 39900, payer_refund: 10000 },
      });
      expect(notification.path).toBe('/pay/refund-notify');
      expect((await call('GET', '/v3/refund/domestic/refunds/RF20250106000001')).json()).toMatchObject({ status: 'SUCCESS', success_time: expect.any(String) });
      expect((await query('GLOW20250106000001')).json()).toMatchObject({ trade_state: 'REFUND', trade_state_desc: '转入退款' });
    });

    it('returns the same refund for a repeated out_refund_no and refuses one with other amounts', async () => {
      const first = (await refund()).json<Json>();
      const again = await refund();
      const changed = await refund({ amount: { refund: 20000, total: 39900, currency: 'CNY' } });

      expect(again.json()).toMatchObject({ refund_id: first.refund_id });
      expect(changed.statusCode).toBe(400);
      expect(changed.json()).toMatchObject({ code: 'INVALID_REQUEST' });
      await until(() => merchant.received.length === 2);
      await sleep(100);
      expect(merchant.received).toHaveLength(2);
    });

    it('never refunds more than was paid, counting earlier refunds', async () => {
      expect((await refund({ amount: { refund: 30000, total: 39900, currency: 'CNY' } })).statusCode).toBe(200);
      const over = await refund({ out_refund_no: 'RF20250106000002', amount: { refund: 9901, total: 39900, currency: 'CNY' } });
      const rest = await refund({ out_refund_no: 'RF20250106000003', amount: { refund: 9900, total: 39900, currency: 'CNY' } });

      expect(over.statusCode).toBe(400);
      expect(over.json()).toEqual({ code: 'INVALID_REQUEST', message: '申请退款金额超过订单可退金额' });
      expect(rest.statusCode).toBe(200);
    });

    it('refuses a total other than the order’s, an unknown order and an unpaid order', async () => {
      await prepay({ out_trade_no: 'GLOW20250106000002' });

      expect((await refund({ amount: { refund: 100, total: 100, currency: 'CNY' } })).json()).toMatchObject({ code: 'INVALID_REQUEST' });
      expect((await refund({ out_trade_no: 'NOSUCHORDER' })).statusCode).toBe(404);
      expect((await refund({ out_trade_no: 'GLOW20250106000002' })).json()).toMatchObject({ code: 'INVALID_REQUEST' });
    });

    it.each([
      { problem: 'no amount.currency', body: { amount: { refund: 100, total: 39900 } } },
      { problem: 'a zero refund', body: { amount: { refund: 0, total: 39900, currency: 'CNY' } } },
      { problem: 'no out_refund_no', body: { out_refund_no: undefined } },
      { problem: 'neither out_trade_no nor transaction_id', body: { out_trade_no: undefined } },
      { problem: 'a notify_url with a query string', body: { notify_url: 'https://glow.example.com/refund?x=1' } },
    ])('answers 400 PARAM_ERROR for $problem', async ({ body }) => {
      const response = await refund(body);

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'PARAM_ERROR' });
    });

    it('settles a refund without notify_url silently', async () => {
      await refund({ notify_url: undefined });

      await until(async () => (await call('GET', '/v3/refund/domestic/refunds/RF20250106000001')).json<Json>().status === 'SUCCESS');
      expect(merchant.received).toHaveLength(1);
    });

    it('answers 404 RESOURCE_NOT_EXISTS for an unknown refund', async () => {
      const response = await call('GET', '/v3/refund/domestic/refunds/NOSUCHREFUND');

      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
    });

    it('shows the order with its refunds and notifications through the control API', async () => {
      await refund();
      await delivered('GLOW20250106000001', 2);

      const order = (await sut.inject({ method: 'GET', url: '/__control/pay/transactions/GLOW20250106000001' })).json<Json>();
      expect(order).toMatchObject({
        outTradeNo: 'GLOW20250106000001',
        tradeState: 'REFUND',
        total: 39900,
        refunds: [{ outRefundNo: 'RF20250106000001', refund: 10000, status: 'SUCCESS' }],
      });
      expect((await notifications('GLOW20250106000001')).map((n) => n.eventType)).toEqual(['TRANSACTION.SUCCESS', 'REFUND.SUCCESS']);
      expect((await sut.inject({ method: 'GET', url: '/__control/pay/transactions/NOSUCH' })).statusCode).toBe(404);
    });
  });

  describe('POST /__control/pay/settings', () => {
    it('changes the retry pace until reset', async () => {
      const set = await sut.inject({ method: 'POST', url: '/__control/pay/settings', payload: { notifyRetryScale: 0.5 } });

      expect(set.json()).toEqual({ notifyRetryScale: 0.5 });
      await sut.inject({ method: 'POST', url: '/__control/reset' });
      expect((await sut.inject({ method: 'POST', url: '/__control/pay/settings', payload: {} })).json()).toEqual({ notifyRetryScale: 0.001 });
      expect((await sut.inject({ method: 'POST', url: '/__control/pay/settings', payload: { notifyRetryScale: 0 } })).statusCode).toBe(400);
    });
  });
});
