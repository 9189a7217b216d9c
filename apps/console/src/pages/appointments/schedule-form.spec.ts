import { advisorSchedule, storeSchedule } from './appointment.fixtures';
import {
  duplicateDates,
  rangeIsEmpty,
  rangesOverlap,
  toAdvisorScheduleBody,
  toAdvisorScheduleFormValues,
  toStoreHoursFormValues,
  toStoreScheduleBody,
} from './schedule-form';

describe(toStoreScheduleBody.name, () => {
  it('round-trips the API’s schedule, leaving closed weekdays out', () => {
    const body = toStoreScheduleBody(toStoreHoursFormValues(storeSchedule));
    expect(body.hours.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(body.specialDays).toEqual([{ date: '2026-12-31', closed: false, open: '10:00', close: '18:00', note: '跨年提前闭店' }]);
    expect(body).toMatchObject({ latitude: 31.224361, longitude: 121.446235 });
  });

  it('sends the location only when both coordinates are given', () => {
    const values = { ...toStoreHoursFormValues(storeSchedule), longitude: null };
    expect(toStoreScheduleBody(values)).not.toHaveProperty('latitude');
  });
});

describe(toAdvisorScheduleBody.name, () => {
  it('makes one rule per range, reads database times as HH:mm and drops the hours of a day off', () => {
    const view = advisorSchedule({
      rules: [
        { advisorId: 'adv-1', weekday: 3, start: '15:00:00', end: '21:00:00' },
        { advisorId: 'adv-1', weekday: 3, start: '10:00:00', end: '14:00:00' },
      ],
      exceptions: [
        { date: '2026-12-31', off: false, start: '12:00:00', end: '18:00:00' },
        { date: '2026-12-24', off: true, start: null, end: null },
      ],
    });
    expect(toAdvisorScheduleBody(toAdvisorScheduleFormValues(view))).toEqual({
      rules: [
        { weekday: 3, start: '10:00', end: '14:00' },
        { weekday: 3, start: '15:00', end: '21:00' },
      ],
      exceptions: [
        { date: '2026-12-24', off: true },
        { date: '2026-12-31', off: false, start: '12:00', end: '18:00' },
      ],
      serviceIds: ['svc-try'],
    });
  });
});

describe(rangesOverlap.name, () => {
  it('allows ranges that only touch', () => {
    expect(rangesOverlap([['14:00', '18:00'], ['10:00', '14:00']])).toBe(false);
    expect(rangesOverlap([['10:00', '14:00'], null, ['13:30', '18:00']])).toBe(true);
    expect(rangeIsEmpty(['18:00', '18:00'])).toBe(true);
    expect(duplicateDates(['2026-12-24', null, '2026-12-24', '2026-12-31'])).toEqual(['2026-12-24']);
  });
});
