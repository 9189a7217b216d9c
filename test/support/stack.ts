import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { createSandbox } from '../../apps/wechat-sandbox/src/sandbox';
import { createApp } from '../../apps/api/src/bootstrap';
import { type AppConfig, loadConfig } from '../../apps/api/src/platform/config/app-config';

export const APP_ID = 'wxglowtest00000001';
export const APP_SECRET = 'glow-test-secret';

export interface Stack {
  app: NestFastifyApplication;
  sandbox: FastifyInstance;
  sandboxUrl: string;
  /** Base URL when started with `listen: true`. */
  apiUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real API wired to a real WeChat sandbox over HTTP and to the run's PostgreSQL database.
 * Nothing of our own is mocked; only WeChat is emulated, as it is in development.
 */
export async function startStack(overrides: Partial<AppConfig> = {}, opts: { listen?: boolean } = {}): Promise<Stack> {
  const dbUrl = process.env['E2E_DATABASE_URL'];
  if (!dbUrl) throw new Error('E2E_DATABASE_URL is not set: run through the e2e jest config (global setup)');
  // WeChat Pay retries a failed notification after 15 s, 15 s, 30 s…; a thousandth of that keeps tests quick.
  const sandbox = createSandbox({ appId: APP_ID, secret: APP_SECRET, pay: { notifyRetryScale: 0.001 } });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
  // A listening API needs its port before it is built: WeChat Pay notifications go to `publicBaseUrl`.
  const port = opts.listen ? await freePort() : 0;
  const config = loadConfig(
    {},
    {
      nodeEnv: 'test',
      wechatApiBase: sandboxUrl,
      wechatPayApiBase: sandboxUrl,
      wechatAppId: APP_ID,
      wechatAppSecret: APP_SECRET,
      authThrottlePerMinute: 100000,
      mediaDir: mkdtempSync(join(tmpdir(), 'glow-media-')),
      logLevel: 'silent',
      ...(opts.listen ? { publicBaseUrl: `http://127.0.0.1:${port}` } : {}),
      ...overrides,
    },
  );
  const app = await createApp(config, dbUrl);
  let apiUrl = '';
  if (opts.listen) {
    await app.listen({ port, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }
  return {
    app,
    sandbox,
    sandboxUrl,
    apiUrl,
    config,
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}

/** A direct connection to the run's database, for tests that check what was (or was not) written. */
export function e2eDataSource(): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url: process.env['E2E_DATABASE_URL'] }).initialize();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
