import { businessDate } from '../appointment/business-time';

/**
 * An order number: `S` (store till) or `W` (online, WeChat Pay's out_trade_no), the business date, and 8 random
 * digits, e.g. S2026112304815162. The caller supplies the random serial (0–99,999,999).
 */
export function orderNumber(channel: 'S' | 'W', at: Date, serial: number): string {
  return `${channel}${businessDate(at).split('-').join('')}${String(serial).padStart(8, '0')}`;
}
