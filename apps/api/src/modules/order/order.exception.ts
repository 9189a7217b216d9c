import { AppException } from '../../platform/errors/app.exception';

/** Errors the order module raises; codes and messages live in `@glow/contracts`. */
export class OrderException extends AppException {}
