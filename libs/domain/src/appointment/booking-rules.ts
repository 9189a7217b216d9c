const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const CHECK_IN_CODE_LENGTH = 6;

export type BookingStatus = 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';

/** What members and staff see for each booking status. */
export const BOOKING_STATUS_LABELS: Readonly<Record<BookingStatus, string>> = {
  booked: '已预约',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到店',
};

export interface NoShowPolicy {
  /** How many no-shows within `windowDays` pause booking; below 1 never pauses. */
  maxNoShows: number;
  windowDays: number;
  pauseDays: number;
}

/**
 * A member may cancel until `cutoffMin` minutes before the start, that moment included, so the advisor's time
 * can still be offered to someone else.
 */
export function canCancel(startsAt: Date, now: Date, cutoffMin: number): boolean {
  return now.getTime() <= startsAt.getTime() - cutoffMin * MINUTE_MS;
}

/** Rescheduling releases the old time just as cancelling does, so it has the same cut-off as {@link canCancel}. */
export function canReschedule(startsAt: Date, now: Date, cutoffMin: number): boolean {
  return canCancel(startsAt, now, cutoffMin);
}

/**
 * The candidate with the fewest bookings that day (absent from `loadByAdvisor` = none), so work spreads evenly
 * when the member does not choose. Ties go to the smallest id, so the choice is the same on every run whatever
 * order the candidates come in. Null when there is no candidate.
 */
export function pickLeastLoaded(candidates: string[], loadByAdvisor: Record<string, number>): string | null {
  let best: string | null = null;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (const id of candidates) {
    const load = loadByAdvisor[id] ?? 0;
    if (load < bestLoad || (load === bestLoad && best !== null && id < best)) {
      best = id;
      bestLoad = load;
    }
  }
  return best;
}

/**
 * Until when a member may not book because of no-shows, or null.
 *
 * A pause starts with the no-show that makes `maxNoShows` within `windowDays` (counting back from that no-show,
 * itself included, `windowDays` exactly still inside) and lasts `pauseDays` from it. The window is measured at each
 * no-show rather than back from `now`, so a pause always runs its full length even when `pauseDays` is longer than
 * `windowDays` and the older no-shows age out of the window meanwhile. Of all pauses earned, the one ending last
 * counts; null when none is still running (booking is allowed again from the moment it ends). No-shows after `now`
 * cannot have happened yet and are ignored.
 */
export function noShowPause(noShowsAt: Date[], now: Date, policy: NoShowPolicy): Date | null {
  if (policy.maxNoShows < 1 || policy.pauseDays <= 0) return null;
  const times = noShowsAt.map((d) => d.getTime()).filter((t) => t <= now.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = policy.maxNoShows - 1; i < times.length; i++) {
    // Times are sorted, so the maxNoShows-th no-show back from this one is the oldest that must be in its window.
    if (times[i] - times[i - policy.maxNoShows + 1] > policy.windowDays * DAY_MS) continue;
    const end = times[i] + policy.pauseDays * DAY_MS;
    if (until === null || end > until) until = end;
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

/**
 * A six-digit check-in code from the first six of the caller's random bytes, each taken mod 10. Digits 0–5 come
 * up 26 times in 256 and 6–9 25 times: a bias too small to matter for a code that only has to tell apart a store's
 * open bookings (the database keeps it unique among them).
 */
export function checkInCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < CHECK_IN_CODE_LENGTH) throw new RangeError('not enough random bytes');
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += String(randomBytes[i] % 10);
  return code;
}
