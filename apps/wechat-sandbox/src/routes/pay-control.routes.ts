import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notificationBody, publishNotification } from '../pay/pay-notifier';
import type { SandboxContext } from '../sandbox-context';
import { beijingTime, type NotificationRecord, type PayOrder, type PayStore } from '../state/pay-store';
import { isJsonObject, queryValue, type JsonObject, type QueryRecord } from '../wechat-request';
import { CONTROL_PREFIX } from './control.routes';

const PAY = `${CONTROL_PREFIX}/pay`;

type Params = { outTradeNo: string; id: string };

/** Control bodies are optional JSON objects; unknown fields are refused so a typo never passes silently. */
function readBody(raw: unknown, allowed: readonly string[]): { ok: true; value: JsonObject } | { ok: false; error: string } {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: {} };
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return { ok: false, error: 'body must be JSON' };
  }
  if (!isJsonObject(value)) return { ok: false, error: 'body must be a JSON object' };
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) return { ok: false, error: `unknown field(s): ${unknown.join(', ')}` };
  return { ok: true, value };
}

function notificationView({ id, eventType, url, outRefundNo, attempts, delivered, lastStatus }: NotificationRecord) {
  return { id, eventType, url, outRefundNo, attempts, delivered, lastStatus };
}

function orderView(store: PayStore, order: PayOrder) {
  return {
    outTradeNo: order.outTradeNo,
    tradeState: store.stateOf(order),
    prepayId: order.prepayId,
    transactionId: order.paid?.transactionId ?? null,
    successTime: order.paid ? beijingTime(order.paid.successAt) : null,
    description: order.description,
    total: order.total,
    openid: order.openid,
    attach: order.attach,
    notifyUrl: order.notifyUrl,
    timeExpire: beijingTime(order.expiresAt),
    refunds: store.refundsOf(order.outTradeNo).map((refund) => ({
      outRefundNo: refund.outRefundNo,
      refundId: refund.refundId,
      refund: refund.refund,
      status: refund.status,
      reason: refund.reason,
      notifyUrl: refund.notifyUrl,
      createTime: beijingTime(refund.createdAt),
      successTime: refund.successAt === null ? null : beijingTime(refund.successAt),
    })),
  };
}

function badRequest(reply: FastifyReply, error: string) {
  return reply.code(400).send({ error });
}

/**
 * What the person with the phone does in WeChat Pay (pay an order), and tools to watch and replay the notifications
 * the merchant receives. Under the same prefix and CORS rules as the other control routes.
 */
export function registerPayControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { pay } = ctx;
  const { store } = pay;

  // The user confirms the payment in the WeChat client; WeChat Pay then notifies the merchant.
  app.post<{ Params: Params }>(`${PAY}/transactions/:outTradeNo/pay`, async (request, reply) => {
    const body = readBody(request.body, []);
    if (!body.ok) return badRequest(reply, body.error);
    const { outTradeNo } = request.params;
    const outcome = store.pay(outTradeNo);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown') return reply.code(404).send({ error: `no order ${outTradeNo}; the merchant must call prepay first` });
      return reply.code(409).send({ error: outcome.reason === 'closed' ? `order ${outTradeNo} is closed or expired` : `order ${outTradeNo} is already paid` });
    }
    const { order } = outcome;
    publishNotification(
      pay,
      {
        eventType: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        originalType: 'transaction',
        resource: store.transactionView(order),
        url: order.notifyUrl,
        outTradeNo,
      },
      ctx.now(),
    );
    return { transactionId: order.paid?.transactionId };
  });

  app.get<{ Params: Params }>(`${PAY}/transactions/:outTradeNo`, async (request, reply) => {
    const order = store.order(request.params.outTradeNo);
    if (!order) return reply.code(404).send({ error: `no order ${request.params.outTradeNo}` });
    return orderView(store, order);
  });

  app.get<{ Querystring: QueryRecord }>(`${PAY}/notifications`, async (request) => {
    const outTradeNo = queryValue(request.query, 'outTradeNo') || undefined;
    return { notifications: store.notifications(outTradeNo).map(notificationView) };
  });

  // The same notification (same id and body, freshly signed) once more, as WeChat Pay does on a second network path.
  app.post<{ Params: Params }>(`${PAY}/notifications/:id/redeliver`, async (request, reply) => {
    const body = readBody(request.body, []);
    if (!body.ok) return badRequest(reply, body.error);
    const record = store.notification(request.params.id);
    if (!record) return reply.code(404).send({ error: `no notification ${request.params.id}` });
    const status = await pay.notifier.redeliver(record);
    return { ...notificationView(record), status };
  });

  // A signature probe: a well-formed notification whose signature is wrong on purpose. The merchant must refuse it.
  app.post(`${PAY}/probe`, async (request, reply) => {
    const body = readBody(request.body, ['url']);
    if (!body.ok) return badRequest(reply, body.error);
    const { url } = body.value;
    if (typeof url !== 'string' || !URL.canParse(url)) return badRequest(reply, 'url must be the merchant notify_url');
    const now = ctx.now();
    const probe = notificationBody(pay.config.apiV3Key, randomUUID(), now, {
      eventType: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      originalType: 'transaction',
      resource: { mchid: pay.config.mchId, appid: ctx.appId, out_trade_no: 'SIGNTEST', trade_state: 'SUCCESS' },
    });
    return { status: await pay.notifier.probe(url, probe) };
  });

  // Tests and the demo compress the retry schedule without restarting the sandbox.
  app.post(`${PAY}/settings`, async (request, reply) => {
    const body = readBody(request.body, ['notifyRetryScale']);
    if (!body.ok) return badRequest(reply, body.error);
    const { notifyRetryScale } = body.value;
    if (notifyRetryScale !== undefined) {
      if (typeof notifyRetryScale !== 'number' || !(notifyRetryScale > 0) || notifyRetryScale > 1) {
        return badRequest(reply, 'notifyRetryScale must be a number in (0, 1]');
      }
      pay.notifier.retryScale = notifyRetryScale;
    }
    return { notifyRetryScale: pay.notifier.retryScale };
  });
}
