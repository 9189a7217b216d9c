import { TICKET_STATUSES, type TicketPriority, type TicketStatus } from './service-vocabulary';
import { canMoveTicket, DEFAULT_SLA_POLICY, escalationLevelAt, formatTicketNo, slaDueAt, TICKET_TRANSITIONS, ticketStatusNote } from './ticket-rules';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe(canMoveTicket.name, () => {
  it.each<[TicketStatus, TicketStatus]>([
    ['new', 'in_progress'],
    ['new', 'resolved'],
    ['new', 'closed'],
    ['in_progress', 'waiting_member'],
    ['in_progress', 'resolved'],
    ['waiting_member', 'in_progress'],
    ['waiting_member', 'resolved'],
    ['resolved', 'closed'],
    ['resolved', 'in_progress'],
  ])('allows %s → %s', (from, to) => {
    expect(canMoveTicket(from, to)).toBe(true);
  });

  it.each<[string, TicketStatus, TicketStatus]>([
    ['a closed ticket cannot be reopened', 'closed', 'in_progress'],
    ['a closed ticket stays closed', 'closed', 'resolved'],
    ['a ticket is not waiting for the member before anyone took it', 'new', 'waiting_member'],
    ['a ticket being handled is resolved before it is closed', 'in_progress', 'closed'],
    ['a ticket waiting for the member is resolved before it is closed', 'waiting_member', 'closed'],
    ['a ticket never goes back to new', 'in_progress', 'new'],
    ['a resolved ticket never goes back to new', 'resolved', 'new'],
    ['a resolved ticket does not wait for the member', 'resolved', 'waiting_member'],
  ])('refuses: %s', (_, from, to) => {
    expect(canMoveTicket(from, to)).toBe(false);
  });

  it('never counts staying in the same status as a move', () => {
    for (const status of TICKET_STATUSES) expect(canMoveTicket(status, status)).toBe(false);
  });

  it('lets every ticket reach closed, and nothing leave it', () => {
    for (const start of TICKET_STATUSES) {
      const seen = new Set<TicketStatus>([start]);
      const queue = [start];
      for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
        for (const next of TICKET_TRANSITIONS[status]) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.has('closed')).toBe(true);
    }
    expect(TICKET_TRANSITIONS.closed).toEqual([]);
  });

  it('refuses a status it does not know (e.g. a stale value from a client)', () => {
    expect(canMoveTicket('archived' as TicketStatus, 'closed')).toBe(false);
  });
});

describe(slaDueAt.name, () => {
  const created = at('2026-11-24T21:30:00+08:00');

  it.each<[string, TicketPriority, string]>([
    ['an urgent complaint is due within 4 hours, even overnight', 'urgent', '2026-11-25T01:30:00+08:00'],
    ['a high-priority ticket is due the next day at the same time', 'high', '2026-11-25T21:30:00+08:00'],
    ['a normal ticket is due in two days', 'normal', '2026-11-26T21:30:00+08:00'],
    ['a low-priority ticket is due in three days', 'low', '2026-11-27T21:30:00+08:00'],
  ])('%s', (_, priority, due) => {
    expect(slaDueAt(priority, created)).toEqual(at(due));
  });

  it('counts calendar hours through the weekend', () => {
    // Friday 18:00 + 48 h is Sunday 18:00.
    expect(slaDueAt('normal', at('2026-11-27T18:00:00+08:00'))).toEqual(at('2026-11-29T18:00:00+08:00'));
  });

  it('uses a brand’s own policy when given', () => {
    const policy = { hours: { ...DEFAULT_SLA_POLICY.hours, urgent: 2 } };
    expect(slaDueAt('urgent', created, policy)).toEqual(at('2026-11-24T23:30:00+08:00'));
  });

  it('orders the default policy from urgent (shortest) to low (longest)', () => {
    const { urgent, high, normal, low } = DEFAULT_SLA_POLICY.hours;
    expect([urgent, high, normal, low]).toEqual([4, 24, 48, 72]);
  });

  it('refuses a policy without hours for the priority', () => {
    expect(() => slaDueAt('low', created, { hours: { ...DEFAULT_SLA_POLICY.hours, low: 0 } })).toThrow(RangeError);
  });
});

describe(escalationLevelAt.name, () => {
  const created = at('2026-11-24T10:00:00+08:00');
  const due = new Date(created.getTime() + 4 * HOUR); // urgent: 4 h span

  it.each<[string, number, number]>([
    ['not escalated while inside the SLA', 1, 0],
    ['not escalated a second before it is due', 4 * HOUR - 1000, 0],
    ['level 1 the moment it is due', 4 * HOUR, 1],
    ['level 1 an hour overdue', 5 * HOUR, 1],
    ['level 2 when overdue by half the span (2 h)', 6 * HOUR, 2],
    ['level 2 just before a full span overdue', 8 * HOUR - 1000, 2],
    ['level 3 when overdue by a full span (4 h)', 8 * HOUR, 3],
    ['stays at level 3 days later', 72 * HOUR, 3],
  ])('an urgent ticket is %s', (_, afterMs, level) => {
    expect(escalationLevelAt(due, created, new Date(created.getTime() + afterMs))).toBe(level);
  });

  it('escalates a low-priority ticket in days, not hours', () => {
    const lowDue = slaDueAt('low', created);
    expect(escalationLevelAt(lowDue, created, new Date(lowDue.getTime() + 35 * HOUR))).toBe(1);
    expect(escalationLevelAt(lowDue, created, new Date(lowDue.getTime() + 36 * HOUR))).toBe(2);
    expect(escalationLevelAt(lowDue, created, new Date(lowDue.getTime() + 72 * HOUR))).toBe(3);
  });

  it('never goes down as time passes', () => {
    let last = 0;
    for (let h = 0; h <= 20; h += 0.25) {
      const level = escalationLevelAt(due, created, new Date(created.getTime() + h * HOUR));
      expect(level).toBeGreaterThanOrEqual(last);
      last = level;
    }
  });
});

describe(formatTicketNo.name, () => {
  it.each<[string, number, string]>([
    ['2026-11-24T10:00:00+08:00', 1, 'T2611240001'],
    ['2026-11-24T10:00:00+08:00', 123, 'T2611240123'],
    ['2026-11-24T10:00:00+08:00', 9999, 'T2611249999'],
    // 23:30 UTC on the 23rd is already the 24th in Shanghai.
    ['2026-11-23T16:30:00Z', 7, 'T2611240007'],
    ['2027-01-01T00:00:00+08:00', 1, 'T2701010001'],
  ])('numbers a ticket created %s with sequence %d as %s', (created, seq, no) => {
    expect(formatTicketNo(at(created), seq)).toBe(no);
  });

  it('widens rather than clashes past 9,999 tickets in a day', () => {
    expect(formatTicketNo(at('2026-11-24T10:00:00+08:00'), 10000)).toBe('T26112410000');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses sequence %p', (seq) => {
    expect(() => formatTicketNo(at('2026-11-24T10:00:00+08:00'), seq)).toThrow(RangeError);
  });
});

describe(ticketStatusNote.name, () => {
  it('tells the member their problem was taken up', () => {
    expect(ticketStatusNote('in_progress')).toContain('客服已受理您的问题');
  });

  it('invites a rating once resolved', () => {
    expect(ticketStatusNote('resolved')).toContain('评价');
  });

  it('has a distinct Chinese line for every status', () => {
    const notes = TICKET_STATUSES.map(ticketStatusNote);
    expect(new Set(notes).size).toBe(TICKET_STATUSES.length);
    for (const status of TICKET_STATUSES) expect(ticketStatusNote(status)).toMatch(/^[\u4e00-\u9fff，]+$/);
  });
});
