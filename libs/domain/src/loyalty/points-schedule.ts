import { addDays, atBusinessTime, businessDate } from '../appointment/business-time';

const DAY_MS = 24 * 60 * 60_000;

/**
 * When points earned at `earnedAt` become spendable and when they expire.
 *
 * They stay pending for exactly the return window (counted in hours, so a return at the last minute still finds
 * them pending and can cancel them cleanly). They expire at the end of the business day `validityDays` after the
 * day they were earned, so a member is never told "valid until 14:37" and every lot earned on a day expires
 * together at Shanghai midnight.
 */
export function pointsSchedule(earnedAt: Date, returnWindowDays: number, validityDays: number): { activatesAt: Date; expiresAt: Date } {
  if (!Number.isSafeInteger(returnWindowDays) || returnWindowDays < 0) throw new RangeError(`returnWindowDays must be a non-negative whole number: ${returnWindowDays}`);
  if (!Number.isSafeInteger(validityDays) || validityDays < 0) throw new RangeError(`validityDays must be a non-negative whole number: ${validityDays}`);
  return {
    activatesAt: new Date(earnedAt.getTime() + returnWindowDays * DAY_MS),
    expiresAt: atBusinessTime(addDays(businessDate(earnedAt), validityDays), '24:00'),
  };
}

/** Is `at` in the member's birthday month, in Shanghai? False when the birthday is unknown. */
export function isBirthdayMonth(birthday: string | null, at: Date): boolean {
  if (birthday === null) return false;
  // addDays refuses anything that is not a real YYYY-MM-DD date, so a malformed birthday fails loudly.
  addDays(birthday, 0);
  return birthday.slice(5, 7) === businessDate(at).slice(5, 7);
}

/** The instant the business month (Asia/Shanghai) containing `at` began, where monthly caps reset. */
export function monthStart(at: Date): Date {
  return atBusinessTime(`${businessDate(at).slice(0, 8)}01`, '00:00');
}
