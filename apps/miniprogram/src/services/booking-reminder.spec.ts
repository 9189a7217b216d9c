import Taro from '@tarojs/taro';
import { askForBookingReminder, BOOKING_REMINDER_TEMPLATE_ID } from './booking-reminder';

type SubscribeResult = Taro.requestSubscribeMessage.SuccessCallbackResult;
const subscribe = jest.mocked(Taro.requestSubscribeMessage);

describe(askForBookingReminder.name, () => {
  const originalPlatform = process.env.TARO_ENV;

  beforeEach(() => {
    jest.clearAllMocks();
    process.env.TARO_ENV = 'weapp';
  });

  afterEach(() => {
    process.env.TARO_ENV = originalPlatform;
  });

  it('asks for the template fixed at build time', () => {
    expect(BOOKING_REMINDER_TEMPLATE_ID).toBe('tmpl-booking-reminder');
  });

  it.each([
    ['accept', true],
    ['reject', false],
    ['ban', false],
    ['filter', false],
  ])('reads "%s" as opt-in %p', async (answer, expected) => {
    subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [BOOKING_REMINDER_TEMPLATE_ID]: answer } as unknown as SubscribeResult);

    await expect(askForBookingReminder()).resolves.toBe(expected);
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: [BOOKING_REMINDER_TEMPLATE_ID] });
  });

  it('treats a failed prompt as no reminder', async () => {
    subscribe.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20004 });

    await expect(askForBookingReminder()).resolves.toBe(false);
  });

  it('does not ask in H5, where subscribe messages do not exist', async () => {
    process.env.TARO_ENV = 'h5';

    await expect(askForBookingReminder()).resolves.toBe(false);
    expect(subscribe).not.toHaveBeenCalled();
  });
});
