import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
// The real sandbox, as the e2e stack uses it: the client is tested against WeChat Pay's wire format, not a mock.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSandbox, DEV_PAY_MERCHANT_PUBLIC_KEY_PEM, DEV_PAY_PLATFORM_PRIVATE_KEY_PEM, platformSignatureHeaders } from '../../../../wechat-sandbox/src';
import { type AppConfig, loadConfig } from '../config/app-config';
import { WechatPayApiError, WechatPayClient, WechatPayNotificationError, type WechatPayTransaction } from './wechat-pay.client';
import { WechatApiError } from './wechat.exception';

const APP_ID = 'wxglowpaytest0001';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe(WechatPayClient.name, () => {
  let sandbox: FastifyInstance;
  let sandboxUrl: string;
  let receiver: Server;
  let received: Received[];
  let config: AppConfig;
  let sut: WechatPayClient;
  let orderSeq = 0;
  let outTradeNo: string;

  const payBefore = (): Date => new Date(Date.now() + 15 * 60_000);

  async function control(path: string, body: unknown = {}): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${sandboxUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async function notificationAt(path: string, index = 0): Promise<Received> {
    await until(() => received.filter((r) => r.path === path).length > index);
    const found = received.filter((r) => r.path === path)[index];
    if (!found) throw new Error(`no notification at ${path}`);
    return found;
  }

  async function prepay(overrides: Partial<Parameters<WechatPayClient['prepayJsapi']>[0]> = {}): Promise<string> {
    return sut.prepayJsapi({ outTradeNo, description: 'Glow 焕颜精华 30ml', totalFen: 39900, openid: 'oAlice', timeExpire: payBefore(), attach: 'order-1', ...overrides });
  }

  /** Prepays, lets the user pay in the sandbox and returns the notification the API would receive. */
  async function paidNotification(): Promise<Received> {
    await prepay();
    expect((await control(`/__control/pay/transactions/${outTradeNo}/pay`)).status).toBe(200);
    return notificationAt('/api/payments/wechat/notify');
  }

  beforeAll(async () => {
    sandbox = createSandbox({ appId: APP_ID, secret: 'glow-test-secret', pay: { notifyRetryScale: 0.001 } });
    await sandbox.listen({ port: 0, host: '127.0.0.1' });
    sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
    const merchant = await listen((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    receiver = merchant.server;
    config = loadConfig({}, { nodeEnv: 'test', wechatAppId: APP_ID, wechatPayApiBase: sandboxUrl, publicBaseUrl: merchant.url, logLevel: 'silent' });
  });

  afterAll(async () => {
    await sandbox.close();
    await stop(receiver);
  });

  beforeEach(() => {
    received = [];
    orderSeq += 1;
    outTradeNo = `GLOWTEST${Date.now()}${orderSeq}`;
    sut = new WechatPayClient(config);
  });

  describe('prepay and wx.requestPayment', () => {
    it('creates the order and signs the payment parameters with the merchant key', async () => {
      const prepayId = await prepay();
      const sutParams = sut.paymentParams(prepayId);

      expect(prepayId).toMatch(/^wx\d{14}/);
      expect(sutParams).toEqual({
        appId: APP_ID,
        timeStamp: expect.stringMatching(/^\d{10}$/),
        nonceStr: expect.stringMatching(/^[0-9A-Za-z]{32}$/),
        package: `prepay_id=${prepayId}`,
        signType: 'RSA',
        paySign: expect.any(String),
      });
      const signed = `${APP_ID}\n${sutParams.timeStamp}\n${sutParams.nonceStr}\nprepay_id=${prepayId}\n`;
      expect(createVerify('RSA-SHA256').update(signed).verify(DEV_PAY_MERCHANT_PUBLIC_KEY_PEM, sutParams.paySign, 'base64')).toBe(true);
    });

    it('sends the notify URL built from publicBaseUrl and time_expire in Beijing time', async () => {
      await prepay({ timeExpire: new Date('2099-01-01T04:30:00.123Z') });
      const order = (await (await fetch(`${sandboxUrl}/__control/pay/transactions/${outTradeNo}`)).json()) as Record<string, unknown>;

      expect(order).toMatchObject({ notifyUrl: `${config.publicBaseUrl}/api/payments/wechat/notify`, total: 39900, openid: 'oAlice', attach: 'order-1' });
      // WeChat Pay clamps time_expire to 90 days, so the far-off date only shows its Beijing clock time.
      expect(String(order.timeExpire)).toMatch(/\+08:00$/);
    });

    it('gets the same prepay_id for the same order, and WeChat Pay’s codes for a changed or paid one', async () => {
      const timeExpire = payBefore();
      const first = await prepay({ timeExpire });

      expect(await prepay({ timeExpire })).toBe(first);
      await expect(prepay({ timeExpire, totalFen: 100 })).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
      await control(`/__control/pay/transactions/${outTradeNo}/pay`);
      await expect(prepay({ timeExpire })).rejects.toMatchObject({ status: 400, code: 'ORDER_PAID' });
    });

    it('passes WeChat Pay’s parameter errors on as WechatPayApiError', async () => {
      const error = await prepay({ totalFen: 0 }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WechatPayApiError);
      expect(error).toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    });

    it('keeps a long description within WeChat Pay’s 127 characters', async () => {
      await prepay({ description: '焕'.repeat(200) });
      const order = (await (await fetch(`${sandboxUrl}/__control/pay/transactions/${outTradeNo}`)).json()) as { description: string };

      expect([...order.description]).toHaveLength(127);
    });
  });

  describe('payment notification', () => {
    it('verifies and decrypts TRANSACTION.SUCCESS; the query then agrees', async () => {
      const notification = await paidNotification();
      const result = sut.verifyNotification(notification.headers, notification.body);

      expect(result).toEqual({ id: expect.any(String), eventType: 'TRANSACTION.SUCCESS', resource: expect.any(Object) });
      const transaction = result.resource as unknown as WechatPayTransaction;
      expect(transaction).toMatchObject({
        out_trade_no: outTradeNo,
        appid: APP_ID,
        mchid: config.wechatPayMchId,
        trade_state: 'SUCCESS',
        transaction_id: expect.stringMatching(/^\d{28}$/),
        attach: 'order-1',
        payer: { openid: 'oAlice' },
        amount: { total: 39900, payer_total: 39900 },
      });
      expect(await sut.query(outTradeNo)).toEqual(transaction);
    });

    it('rejects a tampered body', async () => {
      const { headers, body } = await paidNotification();
      const tampered = body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ');

      expect(errorOf(() => sut.verifyNotification(headers, tampered))).toBeInstanceOf(WechatPayNotificationError);
    });

    it('rejects a serial other than the configured public key id', async () => {
      const { headers, body } = await paidNotification();

      expect(() => sut.verifyNotification({ ...headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000000000000000000000' }, body)).toThrow(
        WechatPayNotificationError,
      );
    });

    it('rejects missing signature headers', async () => {
      const { headers, body } = await paidNotification();

      expect(() => sut.verifyNotification({ ...headers, 'wechatpay-signature': undefined }, body)).toThrow(WechatPayNotificationError);
    });

    it('rejects a correctly signed notification whose timestamp is 5 minutes old, and accepts it when fresh', async () => {
      const { body } = await paidNotification();
      const platform = { privateKeyPem: DEV_PAY_PLATFORM_PRIVATE_KEY_PEM, publicKeyId: config.wechatPayPlatformPublicKeyId };
      const now = Math.floor(Date.now() / 1000);
      // The clock stands still while the headers are signed (RSA signing on a loaded machine can take a second).
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now * 1000);
      try {
        expect(sut.verifyNotification(platformSignatureHeaders(platform, now - 290, body), body).eventType).toBe('TRANSACTION.SUCCESS');
        expect(() => sut.verifyNotification(platformSignatureHeaders(platform, now - 300, body), body)).toThrow(/Timestamp/);
        expect(() => sut.verifyNotification(platformSignatureHeaders(platform, now + 301, body), body)).toThrow(/Timestamp/);
      } finally {
        clock.mockRestore();
      }
    });

    it('rejects a signature made with another key', async () => {
      const { body } = await paidNotification();
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const headers = platformSignatureHeaders({ privateKeyPem: stranger, publicKeyId: config.wechatPayPlatformPublicKeyId }, Math.floor(Date.now() / 1000), body);

      expect(() => sut.verifyNotification(headers, body)).toThrow(/does not verify/);
    });

    it('rejects a ciphertext that fails the GCM tag even when the envelope is validly signed', async () => {
      const { body } = await paidNotification();
      const envelope = JSON.parse(body) as { resource: { ciphertext: string } };
      const bytes = Buffer.from(envelope.resource.ciphertext, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      envelope.resource.ciphertext = bytes.toString('base64');
      const forged = JSON.stringify(envelope);
      const platform = { privateKeyPem: DEV_PAY_PLATFORM_PRIVATE_KEY_PEM, publicKeyId: config.wechatPayPlatformPublicKeyId };

      expect(() => sut.verifyNotification(platformSignatureHeaders(platform, Math.floor(Date.now() / 1000), forged), forged)).toThrow(/GCM/);
    });

    it('rejects a WeChat Pay signature probe', async () => {
      const probe = await control('/__control/pay/probe', { url: `${config.publicBaseUrl}/api/payments/wechat/notify` });
      const { headers, body } = await notificationAt('/api/payments/wechat/notify');

      expect(probe.json).toEqual({ status: 204 });
      expect(String(headers['wechatpay-signature'])).toMatch(/^WECHATPAY\/SIGNTEST\//);
      expect(() => sut.verifyNotification(headers, body)).toThrow(WechatPayNotificationError);
    });
  });

  describe('query and close', () => {
    it('answers null for an order WeChat Pay does not know', async () => {
      expect(await sut.query('NOSUCHORDER01')).toBeNull();
    });

    it('closes an unpaid order, and treats closing it again or closing an unknown order as done', async () => {
      await prepay();
      expect(await sut.query(outTradeNo)).toMatchObject({ trade_state: 'NOTPAY' });

      await sut.close(outTradeNo);
      await sut.close(outTradeNo);
      await sut.close('NOSUCHORDER01');

      expect(await sut.query(outTradeNo)).toMatchObject({ trade_state: 'CLOSED' });
      expect((await control(`/__control/pay/transactions/${outTradeNo}/pay`)).status).toBe(409);
    });

    it('refuses to close a paid order with ORDER_PAID: the payment won the race', async () => {
      await paidNotification();

      await expect(sut.close(outTradeNo)).rejects.toMatchObject({ status: 400, code: 'ORDER_PAID' });
    });
  });

  describe('refunds', () => {
    it('refunds, then receives and verifies REFUND.SUCCESS; queryRefund agrees', async () => {
      await paidNotification();
      const outRefundNo = `R${outTradeNo}`;

      const refund = await sut.refund({ outTradeNo, outRefundNo, refundFen: 10000, totalFen: 39900, reason: '七天无理由' });

      expect(refund).toMatchObject({ out_refund_no: outRefundNo, out_trade_no: outTradeNo, status: 'PROCESSING', amount: { refund: 10000, total: 39900 } });
      const notification = await notificationAt('/api/payments/wechat/refund-notify');
      const result = sut.verifyNotification(notification.headers, notification.body);
      expect(result).toMatchObject({
        eventType: 'REFUND.SUCCESS',
        resource: { out_trade_no: outTradeNo, out_refund_no: outRefundNo, refund_id: refund.refund_id, refund_status: 'SUCCESS', amount: { refund: 10000, total: 39900 } },
      });
      expect(await sut.queryRefund(outRefundNo)).toMatchObject({ status: 'SUCCESS', refund_id: refund.refund_id });
      expect(await sut.query(outTradeNo)).toMatchObject({ trade_state: 'REFUND' });
      expect(await sut.queryRefund('NOSUCHREFUND')).toBeNull();
    });

    it('passes a refund above what is left on to the caller', async () => {
      await paidNotification();

      await expect(sut.refund({ outTradeNo, outRefundNo: `R${outTradeNo}`, refundFen: 40000, totalFen: 39900, reason: '退款' })).rejects.toMatchObject({
        status: 400,
        code: 'INVALID_REQUEST',
      });
    });
  });

  describe('talking to the wrong party', () => {
    let fake: { server: Server; url: string } | null = null;
    let logged: jest.SpyInstance;

    beforeEach(() => {
      logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    });

    afterEach(async () => {
      logged.mockRestore();
      if (fake) await stop(fake.server);
      fake = null;
    });

    function clientFor(overrides: Partial<AppConfig>): WechatPayClient {
      return new WechatPayClient(loadConfig({}, { nodeEnv: 'test', wechatAppId: APP_ID, wechatPayApiBase: sandboxUrl, logLevel: 'silent', ...overrides }));
    }

    it('reports WeChat Pay unreachable as WechatApiError -1 (WeChat unavailable)', async () => {
      const error = await clientFor({ wechatPayApiBase: 'http://127.0.0.1:9' })
        .query('GLOW0000000001')
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toMatchObject({ errcode: -1 });
    });

    it('reports a 5xx as WeChat unavailable', async () => {
      fake = await listen((_request, response) => response.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway'));

      await expect(clientFor({ wechatPayApiBase: fake.url }).query('GLOW0000000001')).rejects.toMatchObject({ errcode: -1 });
    });

    it('rejects an unsigned 200 reply', async () => {
      fake = await listen((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"prepay_id":"wx1"}'));

      const error = await clientFor({ wechatPayApiBase: fake.url })
        .prepayJsapi({ outTradeNo: 'GLOW0000000001', description: 'x', totalFen: 1, openid: 'o', timeExpire: payBefore() })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toMatchObject({ errcode: -1, errmsg: expect.stringContaining('not signed') });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('rejected'));
    });

    it('rejects a reply signed by another key under the right key id', async () => {
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      fake = await listen((_request, response) => {
        const body = '{"prepay_id":"wx1"}';
        const headers = platformSignatureHeaders({ privateKeyPem: stranger, publicKeyId: config.wechatPayPlatformPublicKeyId }, Math.floor(Date.now() / 1000), body);
        response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(body);
      });

      await expect(
        clientFor({ wechatPayApiBase: fake.url }).prepayJsapi({ outTradeNo: 'GLOW0000000001', description: 'x', totalFen: 1, openid: 'o', timeExpire: payBefore() }),
      ).rejects.toMatchObject({ errcode: -1 });
    });

    it('gets 401 SIGN_ERROR from WeChat Pay when the merchant serial is wrong', async () => {
      await expect(clientFor({ wechatPayMerchantSerial: '0'.repeat(40) }).query('GLOW0000000001')).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    });

    it('reads a merchant key given on one line with literal \\n, as environments pass it', () => {
      const oneLine = config.wechatPayMerchantPrivateKey.replace(/\n/g, '\\n');
      const fromEnv = loadConfig({ WECHAT_PAY_MERCHANT_PRIVATE_KEY: oneLine });

      expect(fromEnv.wechatPayMerchantPrivateKey).toBe(config.wechatPayMerchantPrivateKey);
      expect(createPublicKey(fromEnv.wechatPayMerchantPrivateKey).export({ type: 'spki', format: 'pem' })).toBe(DEV_PAY_MERCHANT_PUBLIC_KEY_PEM);
    });
  });
});
