import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/** Paths pino censors: phone numbers, openids, codes and tokens never reach the logs in clear. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.phone',
  '*.phoneNumber',
  '*.purePhoneNumber',
  '*.openid',
  '*.unionid',
  '*.code',
  '*.phoneCode',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
];

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Query strings can hold a searched phone number or an access token; log the path only.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
