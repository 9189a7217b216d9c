import { AppException } from '../../platform/errors/app.exception';

/** Errors the notification module raises; codes and messages live in `@glow/contracts`. */
export class NotificationException extends AppException {}
