import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1');

/** Development-only keys. Production refuses to boot with them (see `validateConfig`). */
const DEV_PHONE_KEY = 'ZGV2LW9ubHktcGhvbmUtZW5jcnlwdGlvbi1rZXktMzI=';
const DEV_HMAC_KEY = 'ZGV2LW9ubHktcGhvbmUtYmxpbmQtaW5kZXgta2V5MzI=';
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-in-production';
const DEV_MEMBER_CODE_KEY = 'ZGV2LW9ubHktbWVtYmVyLWNvZGUtc2lnbmluZy1rZXk=';

/**
 * Every setting the API reads, validated once at boot. `process.env` is read nowhere else.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  nodeEnv: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  port = 3000;

  @IsString()
  host = '127.0.0.1';

  /** External PostgreSQL; when absent the API starts an embedded one under `embeddedPgDir`. */
  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\//)
  databaseUrl?: string;

  @IsString()
  embeddedPgDir = '.data/pg';

  @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  embeddedPgPort = 54329;

  @IsUrl({ require_tld: false, require_protocol: true })
  wechatApiBase = 'http://127.0.0.1:3100';

  @IsString() @Length(2, 64)
  wechatAppId = 'wxglowdemo0000001';

  @IsString() @Length(4, 128)
  wechatAppSecret = 'glow-sandbox-secret';

  /** Subscribe-message template of the booking reminder, as configured in the mini-program's admin console. */
  @IsString() @Length(1, 64)
  wechatTemplateBookingReminder = 'glow-booking-reminder';

  /** Subscribe-message template of the points-expiry reminder. */
  @IsString() @Length(1, 64)
  wechatTemplatePointsExpiring = 'glow-points-expiring';

  /** When true, H5 clients may mint fake WeChat codes from the sandbox control API at `wechatApiBase`. */
  @Transform(toBool) @IsBoolean()
  demoMode = true;

  @IsString() @Length(32, 256)
  jwtSecret = DEV_JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(30) @Max(86400)
  accessTokenTtlSeconds = 900;

  @Transform(toInt) @IsInt() @Min(3600) @Max(365 * 86400)
  refreshTokenTtlSeconds = 30 * 86400;

  /** base64 of 32 bytes: AES-256-GCM key for phone numbers at rest. */
  @IsString() @Matches(/^[A-Za-z0-9+/]{43}=$/)
  phoneEncryptionKey = DEV_PHONE_KEY;

  /** base64 of 32 bytes: HMAC key of the phone blind index. */
  @IsString() @Matches(/^[A-Za-z0-9+/]{43}=$/)
  phoneHmacKey = DEV_HMAC_KEY;

  /** base64 of 32 bytes: HMAC key that signs the rotating member codes shown at the till. */
  @IsString() @Matches(/^[A-Za-z0-9+/]{43}=$/)
  memberCodeKey = DEV_MEMBER_CODE_KEY;

  /** Requests per minute per client on the auth routes. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  authThrottlePerMinute = 30;

  @IsString()
  mediaDir = '.data/media';

  @IsOptional() @IsString()
  consoleDist?: string;

  @IsOptional() @IsString()
  h5Dist?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';
}

const ENV_KEYS: Record<keyof AppConfig, string> = {
  nodeEnv: 'NODE_ENV',
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  embeddedPgDir: 'EMBEDDED_PG_DIR',
  embeddedPgPort: 'EMBEDDED_PG_PORT',
  wechatApiBase: 'WECHAT_API_BASE',
  wechatAppId: 'WECHAT_APP_ID',
  wechatAppSecret: 'WECHAT_APP_SECRET',
  wechatTemplateBookingReminder: 'WECHAT_TEMPLATE_BOOKING_REMINDER',
  wechatTemplatePointsExpiring: 'WECHAT_TEMPLATE_POINTS_EXPIRING',
  memberCodeKey: 'MEMBER_CODE_KEY',
  demoMode: 'DEMO_MODE',
  jwtSecret: 'JWT_SECRET',
  accessTokenTtlSeconds: 'ACCESS_TOKEN_TTL_SECONDS',
  refreshTokenTtlSeconds: 'REFRESH_TOKEN_TTL_SECONDS',
  phoneEncryptionKey: 'PHONE_ENCRYPTION_KEY',
  phoneHmacKey: 'PHONE_HMAC_KEY',
  authThrottlePerMinute: 'AUTH_THROTTLE_PER_MINUTE',
  mediaDir: 'MEDIA_DIR',
  consoleDist: 'CONSOLE_DIST',
  h5Dist: 'H5_DIST',
  logLevel: 'LOG_LEVEL',
};

/** Builds and validates the config from an environment (the process env by default), with overrides for tests. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, envKey] of Object.entries(ENV_KEYS)) {
    if (env[envKey] !== undefined && env[envKey] !== '') raw[key] = env[envKey];
  }
  const config = plainToInstance(AppConfig, { ...raw, ...overrides });
  return validateConfig(config);
}

export function validateConfig(config: AppConfig): AppConfig {
  const errors = validateSync(config, { forbidUnknownValues: true });
  const problems = errors.map((e) => `${ENV_KEYS[e.property as keyof AppConfig] ?? e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
  if (config.nodeEnv === 'production') {
    if (config.jwtSecret === DEV_JWT_SECRET) problems.push('JWT_SECRET: must be set in production');
    if (config.phoneEncryptionKey === DEV_PHONE_KEY) problems.push('PHONE_ENCRYPTION_KEY: must be set in production');
    if (config.phoneHmacKey === DEV_HMAC_KEY) problems.push('PHONE_HMAC_KEY: must be set in production');
    if (config.memberCodeKey === DEV_MEMBER_CODE_KEY) problems.push('MEMBER_CODE_KEY: must be set in production');
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
