import { bookingActions, memberLabel, normalizeCheckInCode } from './booking-rules';

const START = '2026-11-20T02:30:00.000Z';
const before = new Date('2026-11-20T02:00:00.000Z');
const after = new Date('2026-11-20T02:31:00.000Z');

describe(bookingActions.name, () => {
  it.each([
    ['booked', before, { checkIn: true, complete: false, noShow: false, cancel: true }],
    ['booked', after, { checkIn: true, complete: false, noShow: true, cancel: true }],
    ['checked_in', after, { checkIn: false, complete: true, noShow: false, cancel: false }],
    ['completed', after, { checkIn: false, complete: false, noShow: false, cancel: false }],
    ['cancelled', after, { checkIn: false, complete: false, noShow: false, cancel: false }],
    ['no_show', after, { checkIn: false, complete: false, noShow: false, cancel: false }],
  ] as const)('%s at %s', (status, now, expected) => {
    expect(bookingActions({ status, startsAt: START }, true, now)).toEqual(expected);
  });

  it('offers nothing to staff who may not operate bookings', () => {
    expect(Object.values(bookingActions({ status: 'booked', startsAt: START }, false, after))).toEqual([false, false, false, false]);
  });
});

describe(normalizeCheckInCode.name, () => {
  it('keeps the digits of whatever was pasted, at most six', () => {
    expect(normalizeCheckInCode('签到码：123 456')).toBe('123456');
    expect(normalizeCheckInCode('1234567')).toBe('123456');
    expect(normalizeCheckInCode('12a')).toBe('12');
  });
});

describe(memberLabel.name, () => {
  it('prefers the real name, then the nickname, then the member number', () => {
    expect(memberLabel({ id: 'm', memberNo: 'GM1', name: '王晓雯', nickname: '小雯' })).toBe('王晓雯');
    expect(memberLabel({ id: 'm', memberNo: 'GM1', name: null, nickname: '小雯' })).toBe('小雯');
    expect(memberLabel({ id: 'm', memberNo: 'GM1', name: null, nickname: null })).toBe('GM1');
    expect(memberLabel(null)).toBe('会员已注销');
  });
});
