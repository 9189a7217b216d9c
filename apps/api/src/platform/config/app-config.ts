import { createPrivateKey, createPublicKey } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min, validateSync } from 'class-validator';
import {
  DEV_WECHAT_PAY_API_V3_KEY,
  DEV_WECHAT_PAY_MCH_ID,
  DEV_WECHAT_PAY_MERCHANT_PRIVATE_KEY,
  DEV_WECHAT_PAY_MERCHANT_SERIAL,
  DEV_WECHAT_PAY_PLATFORM_PUBLIC_KEY,
  DEV_WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID,
} from '../wechat/wechat-pay.dev-keys';
import type { SubscribeTemplateKey } from '@glow/domain';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1');
/** PEM keys often reach the environment on one line, with literal `\n` where the line breaks were. */
const toPem = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\\n/g, '\n') : value);
const withoutTrailingSlash = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value);

/** Development-only keys. Production refuses to boot with them (see `validateConfig`). */
const DEV_PHONE_KEY = 'ZGV2LW9ubHktcGhvbmUtZW5jcnlwdGlvbi1rZXktMzI=';
const DEV_HMAC_KEY = 'ZGV2LW9ubHktcGhvbmUtYmxpbmQtaW5kZXgta2V5MzI=';
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-in-production';
const DEV_MEMBER_CODE_KEY = 'ZGV2LW9ubHktbWVtYmVyLWNvZGUtc2lnbmluZy1rZXk=';
/** The WeChat sandbox's message-push defaults (`apps/wechat-sandbox`), the same on both sides in development. */
export const DEV_WECHAT_PUSH_TOKEN = 'glowdevtoken';
export const DEV_WECHAT_PUSH_AES_KEY = 'GlowDevEncodingAesKey0123456789abcdefghijkl';

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

  /** Subscribe-message template of the coupon-expiry reminder. */
  @IsString() @Length(1, 64)
  wechatTemplateCouponExpiring = 'glow-coupon-expiring';

  /** Subscribe-message template telling a member a coupon arrived in their wallet. */
  @IsString() @Length(1, 64)
  wechatTemplateCouponArrival = 'glow-coupon-arrival';

  /** Subscribe-message template of a tier change. */
  @IsString() @Length(1, 64)
  wechatTemplateTierChange = 'glow-tier-change';

  /** Members a campaign run processes per transaction (its checkpoint moves once per batch). */
  @Transform(toInt) @IsInt() @Min(1) @Max(20000)
  campaignBatchSize = 2000;

  /** Seconds a campaign-run job may stay active without finishing before the queue hands it to another worker. */
  @Transform(toInt) @IsInt() @Min(5) @Max(86400)
  campaignJobExpireSeconds = 3600;

  /** Seconds before a failed campaign-run job is retried (doubling each time). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  campaignRetryDelaySeconds = 30;

  /** Outbox: sends that failed for a passing reason are retried with backoff this many times, then left `dead`. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  outboxMaxAttempts = 8;

  /** Outbox: first retry delay in seconds (doubling each attempt, at most one hour). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  outboxRetrySeconds = 30;

  /** WeChat Pay API v3 (`https://api.mch.weixin.qq.com` in production); the sandbox emulates it in development and tests. */
  @Transform(withoutTrailingSlash) @IsUrl({ require_tld: false, require_protocol: true })
  wechatPayApiBase = 'http://127.0.0.1:3100';

  @IsString() @Matches(/^\d{1,32}$/)
  wechatPayMchId = DEV_WECHAT_PAY_MCH_ID;

  /** Serial number of the merchant API certificate, named in every request's Authorization header. */
  @IsString() @Matches(/^[0-9A-Fa-f]{8,40}$/)
  wechatPayMerchantSerial = DEV_WECHAT_PAY_MERCHANT_SERIAL;

  /** apiclient_key.pem: signs requests and wx.requestPayment parameters. */
  @Transform(toPem) @IsString() @Matches(/-----BEGIN (RSA )?PRIVATE KEY-----/)
  wechatPayMerchantPrivateKey = DEV_WECHAT_PAY_MERCHANT_PRIVATE_KEY;

  /** Id of the WeChat Pay public key (public-key mode): the `Wechatpay-Serial` replies and notifications must carry. */
  @IsString() @Matches(/^PUB_KEY_ID_\w{1,64}$/)
  wechatPayPlatformPublicKeyId = DEV_WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID;

  /** The WeChat Pay public key (pub_key.pem): verifies replies and notifications. */
  @Transform(toPem) @IsString() @Matches(/-----BEGIN PUBLIC KEY-----/)
  wechatPayPlatformPublicKey = DEV_WECHAT_PAY_PLATFORM_PUBLIC_KEY;

  /** APIv3 key: 32 ASCII characters, the AES-256-GCM key of notification resources. */
  @IsString() @Matches(/^[\x21-\x7E]{32}$/, { message: 'must be exactly 32 ASCII characters' })
  wechatPayApiV3Key = DEV_WECHAT_PAY_API_V3_KEY;

  /** Where WeChat reaches this API from outside (payment notify URLs are built from it); https in production. */
  @Transform(withoutTrailingSlash) @IsUrl({ require_tld: false, require_protocol: true })
  publicBaseUrl = 'http://127.0.0.1:3000';

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

  /** Message push (customer service): the Token and EncodingAESKey set in the mini-program's admin console. */
  @IsString() @Matches(/^[A-Za-z0-9]{3,32}$/)
  wechatPushToken = DEV_WECHAT_PUSH_TOKEN;

  @IsString() @Matches(/^[A-Za-z0-9]{43}$/)
  wechatPushAesKey = DEV_WECHAT_PUSH_AES_KEY;

  /** Brand service hours (Asia/Shanghai) during which advisors answer chats; outside them the bot answers. */
  @IsString() @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/)
  chatServiceHours = '09:00-22:00';

  /** Within service hours the bot answers a member's question nobody has answered for this many seconds. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  chatBotDelaySeconds = 45;

  /** Open conversations an advisor takes at most, unless they set their own. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  chatDefaultCapacity = 5;

  /** When set, socket.io instances share rooms through Redis (several API instances). */
  @IsOptional() @IsString()
  redisUrl?: string;

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
  wechatTemplateCouponExpiring: 'WECHAT_TEMPLATE_COUPON_EXPIRING',
  wechatTemplateCouponArrival: 'WECHAT_TEMPLATE_COUPON_ARRIVAL',
  wechatTemplateTierChange: 'WECHAT_TEMPLATE_TIER_CHANGE',
  campaignBatchSize: 'CAMPAIGN_BATCH_SIZE',
  campaignJobExpireSeconds: 'CAMPAIGN_JOB_EXPIRE_SECONDS',
  campaignRetryDelaySeconds: 'CAMPAIGN_RETRY_DELAY_SECONDS',
  outboxMaxAttempts: 'OUTBOX_MAX_ATTEMPTS',
  outboxRetrySeconds: 'OUTBOX_RETRY_SECONDS',
  wechatPayApiBase: 'WECHAT_PAY_API_BASE',
  wechatPayMchId: 'WECHAT_PAY_MCH_ID',
  wechatPayMerchantSerial: 'WECHAT_PAY_MERCHANT_SERIAL',
  wechatPayMerchantPrivateKey: 'WECHAT_PAY_MERCHANT_PRIVATE_KEY',
  wechatPayPlatformPublicKeyId: 'WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID',
  wechatPayPlatformPublicKey: 'WECHAT_PAY_PLATFORM_PUBLIC_KEY',
  wechatPayApiV3Key: 'WECHAT_PAY_API_V3_KEY',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  memberCodeKey: 'MEMBER_CODE_KEY',
  demoMode: 'DEMO_MODE',
  jwtSecret: 'JWT_SECRET',
  accessTokenTtlSeconds: 'ACCESS_TOKEN_TTL_SECONDS',
  refreshTokenTtlSeconds: 'REFRESH_TOKEN_TTL_SECONDS',
  phoneEncryptionKey: 'PHONE_ENCRYPTION_KEY',
  phoneHmacKey: 'PHONE_HMAC_KEY',
  authThrottlePerMinute: 'AUTH_THROTTLE_PER_MINUTE',
  mediaDir: 'MEDIA_DIR',
  wechatPushToken: 'WECHAT_PUSH_TOKEN',
  wechatPushAesKey: 'WECHAT_PUSH_AES_KEY',
  chatServiceHours: 'CHAT_SERVICE_HOURS',
  chatBotDelaySeconds: 'CHAT_BOT_DELAY_SECONDS',
  chatDefaultCapacity: 'CHAT_DEFAULT_CAPACITY',
  redisUrl: 'REDIS_URL',
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

/** A PEM that matches the pattern can still be garbage; find out at boot rather than at the first payment. */
function unreadableKeys(config: AppConfig, alreadyReported: string[]): string[] {
  const problems: string[] = [];
  const check = (property: keyof AppConfig, read: () => unknown): void => {
    if (alreadyReported.includes(property)) return;
    try {
      read();
    } catch {
      problems.push(`${ENV_KEYS[property]}: not a readable PEM key`);
    }
  };
  check('wechatPayMerchantPrivateKey', () => createPrivateKey(config.wechatPayMerchantPrivateKey));
  check('wechatPayPlatformPublicKey', () => createPublicKey(config.wechatPayPlatformPublicKey));
  return problems;
}

export function validateConfig(config: AppConfig): AppConfig {
  const errors = validateSync(config, { forbidUnknownValues: true });
  const problems = errors.map((e) => `${ENV_KEYS[e.property as keyof AppConfig] ?? e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
  if (config.nodeEnv === 'production') {
    if (config.jwtSecret === DEV_JWT_SECRET) problems.push('JWT_SECRET: must be set in production');
    if (config.phoneEncryptionKey === DEV_PHONE_KEY) problems.push('PHONE_ENCRYPTION_KEY: must be set in production');
    if (config.phoneHmacKey === DEV_HMAC_KEY) problems.push('PHONE_HMAC_KEY: must be set in production');
    if (config.memberCodeKey === DEV_MEMBER_CODE_KEY) problems.push('MEMBER_CODE_KEY: must be set in production');
    if (config.wechatPayMerchantPrivateKey === DEV_WECHAT_PAY_MERCHANT_PRIVATE_KEY) problems.push('WECHAT_PAY_MERCHANT_PRIVATE_KEY: must be set in production');
    // The dev platform key's private half is in the repository: trusting it would let anyone forge payment notifications.
    if (config.wechatPayPlatformPublicKey === DEV_WECHAT_PAY_PLATFORM_PUBLIC_KEY) problems.push('WECHAT_PAY_PLATFORM_PUBLIC_KEY: must be set in production');
    if (config.wechatPayApiV3Key === DEV_WECHAT_PAY_API_V3_KEY) problems.push('WECHAT_PAY_API_V3_KEY: must be set in production');
    if (config.wechatPushToken === DEV_WECHAT_PUSH_TOKEN) problems.push('WECHAT_PUSH_TOKEN: must be set in production');
    if (config.wechatPushAesKey === DEV_WECHAT_PUSH_AES_KEY) problems.push('WECHAT_PUSH_AES_KEY: must be set in production');
    // WeChat Pay only calls https notify URLs.
    if (!config.publicBaseUrl.startsWith('https://')) problems.push('PUBLIC_BASE_URL: must be an https URL in production');
  }
  problems.push(...unreadableKeys(config, errors.map((e) => e.property)));
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}

/** WeChat template id of each of our subscribe-message purposes. */
export function subscribeTemplateIds(config: AppConfig): Record<SubscribeTemplateKey, string> {
  return {
    'coupon-arrival': config.wechatTemplateCouponArrival,
    'coupon-expiring': config.wechatTemplateCouponExpiring,
    'booking-reminder': config.wechatTemplateBookingReminder,
    'points-expiring': config.wechatTemplatePointsExpiring,
    'tier-change': config.wechatTemplateTierChange,
  };
}
