import { AppException } from '../../platform/errors/app.exception';

/** Errors the skin module raises; codes and messages live in `@glow/contracts`. */
export class SkinException extends AppException {}
