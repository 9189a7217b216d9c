import { requestSubscription } from './subscribe';

/**
 * Asks the member to allow one booking-reminder message and tells whether they accepted. WeChat only shows the
 * prompt in direct response to a tap, so call this first thing in the tap handler, before any other `await`.
 * A refusal, an error or a platform without subscribe messages all mean "no reminder": booking goes on.
 * The answer is not reported to `/me/subscriptions`: the booking request carries it (`reminderOptIn`) and the API
 * grants the credit from there.
 */
export async function askForBookingReminder(): Promise<boolean> {
  const { answers } = await requestSubscription(['booking-reminder']);
  return answers['booking-reminder'] === 'accept';
}
