import type { OrderView, Paged, RefundOrderDto, StaffOrderQuery, StorePurchaseDto } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type OrderSearch = Pick<StaffOrderQuery, 'q' | 'status' | 'storeId' | 'memberId'> & { page: number; pageSize: number };

/**
 * Records a purchase made at the till: paid at once, and its points are earned in the same transaction.
 * Repeating the same `idempotencyKey` answers the order it first created.
 */
export function recordStorePurchase(body: StorePurchaseDto): Promise<OrderView> {
  return http.json<OrderView>(apiRoutes.staffStorePurchase, { method: 'POST', body });
}

/** Orders within the caller's store scope, newest first. */
export function listOrders(search: OrderSearch, signal?: AbortSignal): Promise<Paged<OrderView>> {
  return http.json<Paged<OrderView>>(apiRoutes.staffOrders, {
    query: { q: search.q, status: search.status, storeId: search.storeId, memberId: search.memberId, page: search.page, pageSize: search.pageSize },
    signal,
  });
}

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderView> {
  return http.json<OrderView>(apiRoutes.staffOrder(id), { signal });
}

/** A full, per-item or (for an order without items) amount refund; the order comes back with the refund and the points it took back. */
export function refundOrder(id: string, body: RefundOrderDto): Promise<OrderView> {
  return http.json<OrderView>(apiRoutes.staffOrderRefund(id), { method: 'POST', body });
}

export const orderKeys = {
  all: ['orders'] as const,
  lists: ['orders', 'list'] as const,
  list: (search: OrderSearch) => ['orders', 'list', search] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
};
