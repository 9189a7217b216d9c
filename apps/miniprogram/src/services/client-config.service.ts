import type { ClientConfigResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

let cached: Promise<ClientConfigResponse> | null = null;

/** The API's client settings, fetched once per app run; a failed fetch is retried on the next call. */
export function getClientConfig(): Promise<ClientConfigResponse> {
  if (!cached) {
    cached = http.get<ClientConfigResponse>(apiRoutes.clientConfig);
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
