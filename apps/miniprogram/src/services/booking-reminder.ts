import Taro from '@tarojs/taro';

/** The booking-reminder subscribe-message template; set at build time so it matches the one the API sends. */
export const BOOKING_REMINDER_TEMPLATE_ID = GLOW_BOOKING_REMINDER_TEMPLATE_ID;

/**
 * Asks the member to allow one booking-reminder message and tells whether they accepted. WeChat only shows the
 * prompt in direct response to a tap, so call this first thing in the tap handler, before any other `await`.
 * A refusal, an error or a platform without subscribe messages (H5) all mean "no reminder": booking goes on.
 */
export async function askForBookingReminder(): Promise<boolean> {
  // H5 has no subscribe messages; Taro's stand-in only logs "not supported".
  if (process.env.TARO_ENV === 'h5') return false;
  try {
    // Taro's typing also demands Alipay's `entityIds`; WeChat takes `tmplIds` only.
    const options = { tmplIds: [BOOKING_REMINDER_TEMPLATE_ID] } as Taro.requestSubscribeMessage.Option;
    const result: Record<string, unknown> = { ...(await Taro.requestSubscribeMessage(options)) };
    return result[BOOKING_REMINDER_TEMPLATE_ID] === 'accept';
  } catch {
    return false;
  }
}
