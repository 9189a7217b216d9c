import { AppException } from '../../platform/errors/app.exception';

/** Errors the loyalty module raises; codes and messages live in `@glow/contracts`. */
export class LoyaltyException extends AppException {}
