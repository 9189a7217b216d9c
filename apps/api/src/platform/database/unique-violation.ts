import { QueryFailedError } from 'typeorm';

/** The name of the unique constraint a failed write violated, if that is why it failed. */
export function uniqueViolation(e: unknown): string | undefined {
  return e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505' ? (e.driverError as { constraint?: string }).constraint : undefined;
}
