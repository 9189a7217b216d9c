import { PUSH_FORMATS, PUSH_MODES } from './push/push-message';
import { createSandbox, type SandboxOptions } from './sandbox';

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got ${value}`);
  return port;
}

/** PEM keys may come through the environment on one line, with literal `\n` between the lines. */
function readPem(value: string | undefined): string | undefined {
  return value?.replace(/\\n/g, '\n');
}

function readRetryScale(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const scale = Number(value);
  if (!(scale > 0)) throw new Error(`WECHAT_PAY_NOTIFY_RETRY_SCALE must be a positive number, got ${value}`);
  return scale;
}

/** Every setting is optional: without any, the sandbox pays with the dev keys the API also defaults to. */
function readPayOptions(env: NodeJS.ProcessEnv): NonNullable<SandboxOptions['pay']> {
  return {
    mchId: env.WECHAT_PAY_MCH_ID || undefined,
    apiV3Key: env.WECHAT_PAY_API_V3_KEY || undefined,
    merchantPublicKeyPem: readPem(env.WECHAT_PAY_MERCHANT_PUBLIC_KEY || undefined),
    merchantSerial: env.WECHAT_PAY_MERCHANT_SERIAL || undefined,
    platformPrivateKeyPem: readPem(env.WECHAT_PAY_PLATFORM_PRIVATE_KEY || undefined),
    platformPublicKeyId: env.WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID || undefined,
    notifyRetryScale: readRetryScale(env.WECHAT_PAY_NOTIFY_RETRY_SCALE),
  };
}

function oneOf<T extends string>(name: string, values: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined || value === '') return undefined;
  const match = values.find((allowed) => allowed === value);
  if (match === undefined) throw new Error(`${name} must be one of ${values.join(', ')}, got ${value}`);
  return match;
}

/**
 * Message push defaults to the dev token and key the API also defaults to, in safe mode with JSON. With
 * WECHAT_PUSH_URL set, the first push verifies the URL (the API may start after the sandbox); without it, nothing
 * is pushed until a URL is saved through PUT /__control/push-config.
 */
function readPushOptions(env: NodeJS.ProcessEnv): NonNullable<SandboxOptions['push']> {
  return {
    url: env.WECHAT_PUSH_URL || undefined,
    token: env.WECHAT_PUSH_TOKEN || undefined,
    encodingAesKey: env.WECHAT_PUSH_AES_KEY || undefined,
    mode: oneOf('WECHAT_PUSH_MODE', PUSH_MODES, env.WECHAT_PUSH_MODE),
    format: oneOf('WECHAT_PUSH_FORMAT', PUSH_FORMATS, env.WECHAT_PUSH_FORMAT),
    originalId: env.WECHAT_ORIGINAL_ID || undefined,
  };
}

async function main(): Promise<void> {
  const port = readPort(process.env.SANDBOX_PORT);
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  const appId = process.env.WECHAT_APP_ID ?? 'wxglowdemo0000001';
  const secret = process.env.WECHAT_APP_SECRET ?? 'glow-sandbox-secret';

  const app = createSandbox({ appId, secret, pay: readPayOptions(process.env), push: readPushOptions(process.env) });
  const address = await app.listen({ port, host });
  console.log(`WeChat sandbox for ${appId} listening on ${address}`);

  const close = (): void => {
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
