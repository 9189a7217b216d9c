import { type ErrorCode } from '@glow/contracts';

/**
 * Base of every coded exception. Each module throws its own subclass with the codes it owns;
 * the global filter turns the code into the HTTP status and Chinese message from `@glow/contracts`.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = new.target.name;
  }
}
