import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WechatPayClient, type WechatPayTransaction } from '../../platform/wechat/wechat-pay.client';
import { OnlineOrderService } from '../order/online-order.service';
import { OrderService } from '../order/order.service';

/**
 * WeChat Pay notifications, verified (signature against the platform key, timestamp within 5 minutes, AES-256-GCM
 * with its tag) before anything is read. Handling is idempotent twice over: by notification id (a re-delivery is
 * answered without work) and by order state (a paid order is never paid again).
 */
@Injectable()
export class PaymentService {
  private readonly log = new Logger(PaymentService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pay: WechatPayClient,
    private readonly online: OnlineOrderService,
    private readonly orders: OrderService,
  ) {}

  async receive(headers: Record<string, string | string[] | undefined>, rawBody: string, kind: 'payment' | 'refund'): Promise<'handled' | 'rejected' | 'retry'> {
    let n: { id: string; eventType: string; resource: Record<string, unknown> };
    try {
      n = this.pay.verifyNotification(headers, rawBody);
    } catch (e) {
      this.log.warn(`WeChat Pay ${kind} notification rejected: ${String(e)}`);
      return 'rejected';
    }
    const [seen] = await this.db.query<unknown[]>(`SELECT 1 FROM payment_notification WHERE id = $1`, [n.id]);
    if (seen) return 'handled';
    try {
      if (kind === 'payment' && n.eventType === 'TRANSACTION.SUCCESS') {
        const outcome = await this.online.settle(n.resource as unknown as WechatPayTransaction);
        if (outcome === 'mismatch') this.log.error(`notification ${n.id}: amount mismatch, left for a person to check`);
      } else if (kind === 'refund' && n.eventType.startsWith('REFUND.')) {
        const r = n.resource as { out_refund_no?: string; refund_status?: string; refund_id?: string };
        if (r.out_refund_no && (r.refund_status === 'SUCCESS' || r.refund_status === 'CLOSED' || r.refund_status === 'ABNORMAL')) {
          await this.orders.refundSettled(r.out_refund_no, r.refund_status, r.refund_id ?? null);
        }
      }
      // Kept as the accounting record of the payment, without the payer's openid (personal data the order already links).
      const kept = { ...n.resource };
      delete kept['payer'];
      await this.db.query(`INSERT INTO payment_notification (id, event_type, out_trade_no, resource) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
        n.id,
        n.eventType,
        typeof kept['out_trade_no'] === 'string' ? kept['out_trade_no'] : null,
        JSON.stringify(kept),
      ]);
      return 'handled';
    } catch (e) {
      this.log.error(`WeChat Pay notification ${n.id} failed, WeChat will retry: ${String(e)}`);
      return 'retry';
    }
  }
}
