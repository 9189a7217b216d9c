import type { OrderView } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';

/** The member's orders, in store and online, latest first, with the points each earned. */
export function listMyOrders(): Promise<OrderView[]> {
  return memberHttp.get<OrderView[]>(apiRoutes.ordersMine);
}
