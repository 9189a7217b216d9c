import { CSAT_WINDOW_HOURS, csatAllowed, csatOpenUntil } from './csat-rules';

const at = (iso: string) => new Date(iso);
const resolvedAt = at('2026-11-24T18:00:00+08:00');

describe(csatOpenUntil.name, () => {
  it('keeps rating open for 48 hours after resolution', () => {
    expect(CSAT_WINDOW_HOURS).toBe(48);
    expect(csatOpenUntil(resolvedAt)).toEqual(at('2026-11-26T18:00:00+08:00'));
  });

  it('uses a shorter window when the brand sets one', () => {
    expect(csatOpenUntil(resolvedAt, 24)).toEqual(at('2026-11-25T18:00:00+08:00'));
  });
});

describe(csatAllowed.name, () => {
  it.each<[string, Date | null, string, boolean, boolean]>([
    ['right after resolution', resolvedAt, '2026-11-24T18:00:01+08:00', false, true],
    ['the next day', resolvedAt, '2026-11-25T20:00:00+08:00', false, true],
    ['a minute before the window closes', resolvedAt, '2026-11-26T17:59:00+08:00', false, true],
    ['not at the moment the window closes', resolvedAt, '2026-11-26T18:00:00+08:00', false, false],
    ['not three days later', resolvedAt, '2026-11-27T18:00:00+08:00', false, false],
    ['not twice', resolvedAt, '2026-11-24T19:00:00+08:00', true, false],
    ['not before it is resolved', null, '2026-11-24T19:00:00+08:00', false, false],
  ])('lets the member rate %s → %p', (_, resolved, now, alreadyRated, allowed) => {
    expect(csatAllowed({ resolvedAt: resolved, now: at(now), alreadyRated })).toBe(allowed);
  });

  it('honours a custom window', () => {
    const now = at('2026-11-25T20:00:00+08:00');
    expect(csatAllowed({ resolvedAt, now, alreadyRated: false, hours: 24 })).toBe(false);
    expect(csatAllowed({ resolvedAt, now, alreadyRated: false, hours: 72 })).toBe(true);
  });
});
