import { parseServiceHours, withinServiceHours } from './service-hours';

const sh = (local: string) => new Date(`${local}+08:00`);

describe(parseServiceHours.name, () => {
  it.each<[string, { open: number; close: number }]>([
    ['10:00-22:00', { open: 600, close: 1320 }],
    ['00:00-24:00', { open: 0, close: 1440 }],
    ['09:30-21:30', { open: 570, close: 1290 }],
    ['20:00-02:00', { open: 1200, close: 120 }],
    ['9:00-18:00', { open: 540, close: 1080 }],
    [' 10:00 - 22:00 ', { open: 600, close: 1320 }],
    ['10:00~22:00', { open: 600, close: 1320 }],
    ['10:00～22:00', { open: 600, close: 1320 }],
  ])('reads %p', (hours, parsed) => {
    expect(parseServiceHours(hours)).toEqual(parsed);
  });

  it.each(['', '10:00', '10-22', '10:00-25:00', '24:00-10:00', '10:60-22:00', '10:00-10:00', '00:00-00:00', '早上十点到晚上十点', '10:00-22:00-23:00'])(
    'refuses %p',
    (hours) => {
      expect(parseServiceHours(hours)).toBeNull();
    },
  );
});

describe(withinServiceHours.name, () => {
  it.each<[string, string, boolean]>([
    ['10:00-22:00', '2026-11-24T10:00:00', true],
    ['10:00-22:00', '2026-11-24T09:59:59', false],
    ['10:00-22:00', '2026-11-24T21:59:00', true],
    ['10:00-22:00', '2026-11-24T22:00:00', false],
    ['10:00-22:00', '2026-11-24T03:00:00', false],
    ['00:00-24:00', '2026-11-24T00:00:00', true],
    ['00:00-24:00', '2026-11-24T23:59:59', true],
    ['00:00-24:00', '2026-11-24T12:00:00', true],
    ['20:00-02:00', '2026-11-24T23:30:00', true],
    ['20:00-02:00', '2026-11-25T01:59:00', true],
    ['20:00-02:00', '2026-11-25T02:00:00', false],
    ['20:00-02:00', '2026-11-24T12:00:00', false],
  ])('with hours %s a member writing at %s Shanghai reaches a person → %p', (hours, local, open) => {
    expect(withinServiceHours(hours, sh(local))).toBe(open);
  });

  it('reads the clock in Shanghai although servers run in UTC', () => {
    // 02:30 UTC is 10:30 in Shanghai; 15:00 UTC is 23:00.
    expect(withinServiceHours('10:00-22:00', new Date('2026-11-24T02:30:00Z'))).toBe(true);
    expect(withinServiceHours('10:00-22:00', new Date('2026-11-24T15:00:00Z'))).toBe(false);
  });

  it('reads another time zone’s clock, daylight saving included', () => {
    // 08:30 UTC is 09:30 in Paris in January (UTC+1) but 10:30 in July (UTC+2); it is 17:30 in Tokyo.
    expect(withinServiceHours('10:00-22:00', new Date('2026-01-15T08:30:00Z'), 'Europe/Paris')).toBe(false);
    expect(withinServiceHours('10:00-22:00', new Date('2026-07-15T08:30:00Z'), 'Europe/Paris')).toBe(true);
    expect(withinServiceHours('10:00-22:00', new Date('2026-07-15T08:30:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(withinServiceHours('10:00-22:00', new Date('2026-07-15T13:30:00Z'), 'Asia/Tokyo')).toBe(false);
  });

  it('gives the same answer for Shanghai through the fixed offset and through the time-zone database', () => {
    for (let minute = 0; minute < 24 * 60; minute += 13) {
      const at = new Date(Date.UTC(2026, 10, 24) + minute * 60_000);
      expect(withinServiceHours('10:00-22:00', at)).toBe(withinServiceHours('10:00-22:00', at, 'Asia/Chongqing'));
    }
  });

  it('treats malformed hours as closed so the bot answers', () => {
    expect(withinServiceHours('全天', sh('2026-11-24T12:00:00'))).toBe(false);
  });
});
