import { loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('gives a working development config with no environment at all', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({ port: 3000, embeddedPgPort: 54329, demoMode: true });
    expect(sut.databaseUrl).toBeUndefined();
  });

  it('reads and converts environment variables', () => {
    const sut = loadConfig({ PORT: '8080', DEMO_MODE: 'false', DATABASE_URL: 'postgres://u@db:5432/glow' });
    expect(sut).toMatchObject({ port: 8080, demoMode: false, databaseUrl: 'postgres://u@db:5432/glow' });
  });

  it('refuses to boot on a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PHONE_ENCRYPTION_KEY: 'too-short' })).toThrow(/PHONE_ENCRYPTION_KEY/);
  });

  it('refuses to run production with the development keys', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*PHONE_ENCRYPTION_KEY[\s\S]*PHONE_HMAC_KEY/);
  });
});
