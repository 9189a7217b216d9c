import type { StoreSummary } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export function listStores(signal?: AbortSignal): Promise<StoreSummary[]> {
  return http.json<StoreSummary[]>(apiRoutes.staffStores, { signal });
}

/** The store's mini-program code as a PNG; fetched with the bearer token, so it cannot be a plain `<img src>`. */
export function getStoreQrCode(id: string, signal?: AbortSignal): Promise<Blob> {
  return http.blob(apiRoutes.storeQrCode(id), { signal });
}

export const storeKeys = {
  all: ['stores'] as const,
  qrCode: (id: string) => ['stores', 'qrcode', id] as const,
};
