import { createSandbox } from './sandbox';

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got ${value}`);
  return port;
}

async function main(): Promise<void> {
  const port = readPort(process.env.SANDBOX_PORT);
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  const appId = process.env.WECHAT_APP_ID ?? 'wxglowdemo0000001';
  const secret = process.env.WECHAT_APP_SECRET ?? 'glow-sandbox-secret';

  const app = createSandbox({ appId, secret });
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
