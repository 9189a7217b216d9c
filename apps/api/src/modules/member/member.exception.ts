import { AppException } from '../../platform/errors/app.exception';

/** Errors the member module raises; codes and messages live in `@glow/contracts`. */
export class MemberException extends AppException {}
