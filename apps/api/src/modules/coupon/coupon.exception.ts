import { AppException } from '../../platform/errors/app.exception';

/** Errors the coupon module raises; codes and messages live in `@glow/contracts`. */
export class CouponException extends AppException {}
