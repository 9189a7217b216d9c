/** How long after resolution a member may rate the service: long enough to see the invitation, short enough to remember. */
export const CSAT_WINDOW_HOURS = 48;

const HOUR_MS = 3_600_000;

/** The moment rating closes for something resolved at `resolvedAt`. */
export function csatOpenUntil(resolvedAt: Date, hours: number = CSAT_WINDOW_HOURS): Date {
  return new Date(resolvedAt.getTime() + hours * HOUR_MS);
}

/**
 * May the member rate now? Only something resolved, only once, and only before the window closes (the close itself
 * excluded). A conversation or ticket reopened after resolution has no `resolvedAt` and cannot be rated until resolved
 * again.
 */
export function csatAllowed(input: { resolvedAt: Date | null; now: Date; alreadyRated: boolean; hours?: number }): boolean {
  if (input.resolvedAt === null || input.alreadyRated) return false;
  return input.now.getTime() < csatOpenUntil(input.resolvedAt, input.hours).getTime();
}
