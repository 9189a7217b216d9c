import { AppException } from '../../platform/errors/app.exception';

/** Errors the identity module raises; codes and messages live in `@glow/contracts`. */
export class IdentityException extends AppException {}
