import { type ErrorCode } from '@glow/contracts';

/**
 * Base of every coded exception. Each module throws its own subclass with the codes it owns;
 * the global filter turns the code into the HTTP status and Chinese message from `@glow/contracts`.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    /** A more specific Chinese message for the client, field-level problems, and extra fields for the body. */
    readonly extra: { message?: string; details?: { field: string; problems: string[] }[]; body?: Record<string, unknown> } = {},
  ) {
    super(detail ?? code);
    this.name = new.target.name;
  }
}
