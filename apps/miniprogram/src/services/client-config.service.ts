import type { ClientConfigResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

let cached: Promise<ClientConfigResponse> | null = null;
let loaded: ClientConfigResponse | null = null;

/** The API's client settings, fetched once per app run; a failed fetch is retried on the next call. */
export function getClientConfig(): Promise<ClientConfigResponse> {
  if (!cached) {
    cached = http.get<ClientConfigResponse>(apiRoutes.clientConfig);
    cached.then(
      (config) => {
        loaded = config;
      },
      () => {
        cached = null;
      },
    );
  }
  return cached;
}

/**
 * The settings if they have arrived, without waiting. A tap handler that must call a WeChat API before any `await`
 * (`wx.requestSubscribeMessage`) reads them here; the app starts fetching them at launch.
 */
export function loadedClientConfig(): ClientConfigResponse | null {
  return loaded;
}

/** Starts fetching the settings so that {@link loadedClientConfig} has them by the time they are needed. */
export function preloadClientConfig(): void {
  // A failure is not the launch's concern: the next call fetches again.
  getClientConfig().catch(() => undefined);
}
