import type { AdvisorScheduleView, BookableService, BookableStore, BookingView, MemberPortraitResponse, ServiceAdminView, SlotsResponse } from '@glow/contracts';
import { addDays, businessDate } from '@glow/domain';
import type { DataSource } from 'typeorm';
import { as, must, newMember, type TestMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, control, staffLogin } from '../support/wechat-user';

describe('Appointments: members book in-store services, stores run their day', () => {
  let stack: Stack;
  let db: DataSource;
  let admin: string;
  let sh01: string;
  let gz01: string;
  /** A business day a few days ahead: inside every booking window, past every notice period. */
  const day = (offset = 3) => addDays(businessDate(new Date()), offset);

  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
    admin = (await staffLogin(stack, 'admin')).accessToken;
    [{ id: sh01 }] = await db.query(`SELECT id FROM store WHERE code = 'SH01'`);
    [{ id: gz01 }] = await db.query(`SELECT id FROM store WHERE code = 'GZ01'`);
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  const serviceId = async (code: string): Promise<string> => (await db.query(`SELECT id FROM appointment_service WHERE code = $1`, [code]))[0].id;
  const slots = async (m: TestMember, storeId: string, service: string, date: string): Promise<SlotsResponse> =>
    (await api(stack).get(`/api/appointments/slots?storeId=${storeId}&serviceId=${service}&date=${date}`).set(as(m.token)).expect(200)).body;
  const book = (m: TestMember, body: object) => api(stack).post('/api/appointments').set(as(m.token)).send(body);

  it('a member browses stores (nearest first), services and free slots', async () => {
    const m = await newMember(stack);
    const stores = (await api(stack).get('/api/appointments/stores?lat=23.13&lng=113.33').set(as(m.token)).expect(200)).body as BookableStore[];
    expect(stores[0].id).toBe(gz01);
    expect(stores[0].distanceM).toBeLessThan(5000);
    expect(stores.map((s) => s.distanceM)).toEqual([...stores.map((s) => s.distanceM)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    const services = (await api(stack).get(`/api/appointments/services?storeId=${sh01}`).set(as(m.token)).expect(200)).body as BookableService[];
    expect(services.map((s) => s.code)).toEqual(expect.arrayContaining(['TRY-ON', 'MAKEUP', 'SKIN-TEST', 'FACIAL', 'CLASS-BASIC']));
    const free = await slots(m, sh01, await serviceId('TRY-ON'), day());
    expect(free.slots.length).toBeGreaterThan(10);
    expect(free.slots[0].advisors.length).toBeGreaterThan(0);
    // 10:00 in Shanghai is 02:00 UTC.
    expect(free.slots[0].startsAt).toBe(`${day()}T02:00:00.000Z`);
  });

  it('books a slot with any advisor; the advisor is then busy for it, and an odd time is refused', async () => {
    const m = await newMember(stack);
    const service = await serviceId('SKIN-TEST');
    const before = await slots(m, sh01, service, day(4));
    const slot = before.slots[2];
    const res = await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt, note: '想了解敏感肌护理' });
    expect(res.status).toBe(201);
    const b = res.body as BookingView;
    expect(b).toMatchObject({ status: 'booked', startsAt: slot.startsAt, note: '想了解敏感肌护理', canCancel: true });
    expect(b.checkInCode).toMatch(/^\d{6}$/);
    const after = await slots(m, sh01, service, day(4));
    const same = after.slots.find((s) => s.startsAt === slot.startsAt);
    expect(same?.advisors.map((a) => a.id) ?? []).not.toContain(b.advisor.id);

    const odd = await book(m, { storeId: sh01, serviceId: service, startsAt: `${day(4)}T02:07:00.000Z` });
    expect([odd.status, odd.body.code]).toEqual([400, 'APPOINTMENT_SLOT_UNAVAILABLE']);
    const night = await book(m, { storeId: sh01, serviceId: service, startsAt: `${day(4)}T15:00:00.000Z` });
    expect([night.status, night.body.code]).toEqual([400, 'APPOINTMENT_SLOT_UNAVAILABLE']);

    const other = await newMember(stack);
    expect((await api(stack).get(`/api/appointments/${b.id}`).set(as(other.token))).status).toBe(404);
    expect((await api(stack).post(`/api/appointments/${b.id}/cancel`).set(as(other.token))).status).toBe(404);
    const mine = (await api(stack).get('/api/appointments/mine').set(as(m.token)).expect(200)).body as BookingView[];
    expect(mine.map((x) => x.id)).toEqual([b.id]);
  });

  it('200 members race for the same advisor slot: exactly one booking, the others get fresh slots', async () => {
    const members = await Promise.all(Array.from({ length: 200 }, () => newMember(stack)));
    const service = await serviceId('MAKEUP');
    const free = await slots(members[0], sh01, service, day(5));
    const slot = free.slots[4];
    const advisorId = slot.advisors[0].id;
    const results = await Promise.all(members.map((m) => book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt, advisorId })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const loser = must(results.find((r) => r.status === 409), 'a loser');
    expect(loser.body.code).toBe('APPOINTMENT_SLOT_TAKEN');
    expect(loser.body.message).toBe('该时段已被预约');
    expect(Array.isArray(loser.body.slots)).toBe(true);
    expect(loser.body.slots.find((s: { startsAt: string }) => s.startsAt === slot.startsAt)?.advisors.map((a: { id: string }) => a.id) ?? []).not.toContain(advisorId);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM booking WHERE advisor_id = $1 AND starts_at = $2 AND status = 'booked'`, [advisorId, slot.startsAt]);
    expect(n).toBe(1);
  }, 120_000);

  it('200 members race for a class with 12 seats: exactly 12 get a seat', async () => {
    const [{ id: advisorId }] = await db.query(`SELECT id FROM staff WHERE code = 'A005'`);
    const created = await api(stack)
      .post('/api/staff/services')
      .set(as(admin))
      .send({ code: `CLASS12-${Date.now() % 100000}`, name: '周末彩妆大课', kind: 'class', durationMin: 120, bufferAfterMin: 15, seats: 12, priceFen: 9900, depositFen: 0, minNoticeMin: 60, bookingWindowDays: 30, cancelCutoffMin: 60, storeIds: [gz01] })
      .expect(201);
    const klass = created.body as ServiceAdminView;
    const schedules = (await api(stack).get(`/api/staff/advisor-schedules?storeId=${gz01}`).set(as(admin)).expect(200)).body as AdvisorScheduleView[];
    const a5 = must(schedules.find((s) => s.advisorId === advisorId), 'advisor5');
    await api(stack)
      .put(`/api/staff/advisor-schedules/${advisorId}`)
      .set(as(admin))
      .send({ rules: a5.rules.map(({ weekday, start, end }) => ({ weekday, start, end })), exceptions: [], serviceIds: [...a5.serviceIds, klass.id] })
      .expect(200);

    const members = await Promise.all(Array.from({ length: 200 }, () => newMember(stack)));
    const free = await slots(members[0], gz01, klass.id, day(6));
    const slot = free.slots[1];
    expect(slot.seatsLeft).toBe(12);
    const results = await Promise.all(members.map((m) => book(m, { storeId: gz01, serviceId: klass.id, startsAt: slot.startsAt })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(12);
    expect(results.filter((r) => r.status === 409)).toHaveLength(188);
    const [session] = await db.query(`SELECT booked, capacity FROM class_session WHERE service_id = $1 AND starts_at = $2`, [klass.id, slot.startsAt]);
    expect(session).toEqual({ booked: 12, capacity: 12 });
    const after = await slots(members[0], gz01, klass.id, day(6));
    expect(after.slots.find((s) => s.startsAt === slot.startsAt)).toBeUndefined();

    // A seat given back is free again.
    const winner = must(results.find((r) => r.status === 201), 'a winner').body as BookingView;
    const owner = must(members.find((m) => m.id === winner.member?.id), 'the winner');
    await api(stack).post(`/api/appointments/${winner.id}/cancel`).set(as(owner.token)).expect(200);
    const again = await slots(members[0], gz01, klass.id, day(6));
    expect(again.slots.find((s) => s.startsAt === slot.startsAt)?.seatsLeft).toBe(1);
  }, 120_000);

  it('a member cannot hold two bookings at the same time, even when racing with two advisors', async () => {
    const m = await newMember(stack);
    const tryOn = await serviceId('TRY-ON');
    const skinTest = await serviceId('SKIN-TEST');
    const slot = must((await slots(m, sh01, tryOn, day(13))).slots.find((s) => s.advisors.length >= 2), 'a slot with two advisors');
    const [a, b] = slot.advisors;
    const results = await Promise.all([
      book(m, { storeId: sh01, serviceId: tryOn, startsAt: slot.startsAt, advisorId: a.id }),
      book(m, { storeId: sh01, serviceId: skinTest, startsAt: slot.startsAt, advisorId: b.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(must(results.find((r) => r.status === 409), 'the refusal').body.code).toBe('APPOINTMENT_MEMBER_BUSY');
    const open = await db.query(`SELECT 1 FROM booking WHERE member_id = $1 AND status = 'booked'`, [m.id]);
    expect(open).toHaveLength(1);
  });

  it('cancel before the cut-off frees the slot; after the cut-off it is refused', async () => {
    const m = await newMember(stack);
    const service = await serviceId('TRY-ON');
    const slot = (await slots(m, sh01, service, day(7))).slots[3];
    const b = (await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt, advisorId: slot.advisors[0].id }).expect(201)).body as BookingView;
    const cancelled = (await api(stack).post(`/api/appointments/${b.id}/cancel`).set(as(m.token)).expect(200)).body as BookingView;
    expect(cancelled.status).toBe('cancelled');
    expect((await slots(m, sh01, service, day(7))).slots.find((s) => s.startsAt === slot.startsAt)?.advisors.map((a) => a.id)).toContain(slot.advisors[0].id);
    const twice = await api(stack).post(`/api/appointments/${b.id}/cancel`).set(as(m.token));
    expect([twice.status, twice.body.code]).toEqual([409, 'APPOINTMENT_STATE_INVALID']);

    const late = (await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt }).expect(201)).body as BookingView;
    // The visit is now 30 minutes away: inside the 60-minute cut-off.
    await db.query(`UPDATE booking SET starts_at = now() + interval '30 minutes', ends_at = now() + interval '60 minutes' WHERE id = $1`, [late.id]);
    const refused = await api(stack).post(`/api/appointments/${late.id}/cancel`).set(as(m.token));
    expect([refused.status, refused.body.code]).toEqual([409, 'APPOINTMENT_CUTOFF_PASSED']);
  });

  it('reschedules atomically: a taken target leaves the booking where it was', async () => {
    const m = await newMember(stack);
    const rival = await newMember(stack);
    const service = await serviceId('FACIAL');
    const free = await slots(m, sh01, service, day(8));
    const [first, second, third] = [free.slots[0], free.slots[4], free.slots[8]];
    const advisorId = first.advisors[0].id;
    const b = (await book(m, { storeId: sh01, serviceId: service, startsAt: first.startsAt, advisorId }).expect(201)).body as BookingView;
    await book(rival, { storeId: sh01, serviceId: service, startsAt: third.startsAt, advisorId }).expect(201);

    const moved = (await api(stack).post(`/api/appointments/${b.id}/reschedule`).set(as(m.token)).send({ startsAt: second.startsAt, advisorId }).expect(200)).body as BookingView;
    expect(moved.startsAt).toBe(second.startsAt);
    const blocked = await api(stack).post(`/api/appointments/${b.id}/reschedule`).set(as(m.token)).send({ startsAt: third.startsAt, advisorId });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'APPOINTMENT_SLOT_TAKEN']);
    const still = (await api(stack).get(`/api/appointments/${b.id}`).set(as(m.token)).expect(200)).body as BookingView;
    expect(still.startsAt).toBe(second.startsAt);
    const busy = await db.query(`SELECT lower(during) AS lo FROM advisor_busy WHERE booking_id = $1`, [b.id]);
    expect(busy.map((r: { lo: Date }) => new Date(r.lo).toISOString())).toEqual([second.startsAt]);
  });

  it('in store: check-in by code, completion with notes on the portrait, then the member rates the visit', async () => {
    const m = await newMember(stack, { scene: 's=SH01' });
    const service = await serviceId('TRY-ON');
    const slot = (await slots(m, sh01, service, day(2))).slots[0];
    const [product] = await db.query(`SELECT id, name FROM product WHERE active ORDER BY sku LIMIT 1`);
    const b = (await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt, productIds: [product.id] }).expect(201)).body as BookingView;
    expect(b.products).toEqual([{ id: product.id, name: product.name }]);
    const advisor = (await staffLogin(stack, 'advisor1')).accessToken;

    const early = await api(stack).post('/api/staff/appointments/check-in').set(as(advisor)).send({ code: b.checkInCode });
    expect([early.status, early.body.code]).toEqual([409, 'APPOINTMENT_CHECK_IN_TOO_EARLY']);
    await db.query(`UPDATE booking SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '40 minutes' WHERE id = $1`, [b.id]);
    const wrong = await api(stack).post('/api/staff/appointments/check-in').set(as(advisor)).send({ code: b.checkInCode === '000000' ? '111111' : '000000' });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'APPOINTMENT_CHECK_IN_CODE_INVALID']);
    const elsewhere = (await staffLogin(stack, 'advisor5')).accessToken;
    expect((await api(stack).post('/api/staff/appointments/check-in').set(as(elsewhere)).send({ code: b.checkInCode })).status).toBe(404);
    const marketer = (await staffLogin(stack, 'marketer')).accessToken;
    expect((await api(stack).post('/api/staff/appointments/check-in').set(as(marketer)).send({ code: b.checkInCode })).status).toBe(403);

    const early2 = await api(stack).post(`/api/appointments/${b.id}/feedback`).set(as(m.token)).send({ rating: 5 });
    expect([early2.status, early2.body.code]).toEqual([409, 'APPOINTMENT_STATE_INVALID']);
    const checked = (await api(stack).post('/api/staff/appointments/check-in').set(as(advisor)).send({ code: b.checkInCode }).expect(200)).body as BookingView;
    expect(checked.status).toBe('checked_in');
    const done = (await api(stack)
      .post(`/api/staff/appointments/${b.id}/complete`)
      .set(as(advisor))
      .send({ productsTried: [product.id], skinObservations: 'T区出油，两颊偏干，建议分区护理' })
      .expect(200)).body as BookingView;
    expect(done).toMatchObject({ status: 'completed', skinObservations: 'T区出油，两颊偏干，建议分区护理' });
    const [row] = await db.query(`SELECT follow_up_due_at > now() + interval '2 days' AS due FROM booking WHERE id = $1`, [b.id]);
    expect(row.due).toBe(true);

    const portrait = (await api(stack).get(`/api/staff/members/${m.id}/portrait`).set(as(advisor)).expect(200)).body as MemberPortraitResponse;
    const section = portrait.sections.appointments as { past: BookingView[] };
    expect(section.past[0]).toMatchObject({ id: b.id, skinObservations: 'T区出油，两颊偏干，建议分区护理' });

    const rated = (await api(stack).post(`/api/appointments/${b.id}/feedback`).set(as(m.token)).send({ rating: 5, comment: '顾问很专业' }).expect(200)).body as BookingView;
    expect(rated.feedback).toEqual({ rating: 5, comment: '顾问很专业' });
    const bad = await api(stack).post(`/api/appointments/${b.id}/feedback`).set(as(m.token)).send({ rating: 6 });
    expect(bad.status).toBe(400);
  });

  it('no-shows are marked after the grace period; three in 90 days pause booking', async () => {
    const m = await newMember(stack);
    const service = await serviceId('SKIN-TEST');
    const free = (await slots(m, sh01, service, day(9))).slots;
    for (const [i, slot] of [free[0], free[3], free[6]].entries()) {
      const b = (await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt }).expect(201)).body as BookingView;
      await db.query(`UPDATE booking SET starts_at = now() - make_interval(hours => $2), ends_at = now() - make_interval(hours => $2) + interval '30 minutes' WHERE id = $1`, [b.id, 2 + i]);
    }
    const run = await api(stack).post('/api/staff/jobs/appointment-no-shows/run').set(as(admin)).expect(200);
    expect(run.body.result.marked).toBeGreaterThanOrEqual(3);
    const rows = await db.query(`SELECT status FROM booking WHERE member_id = $1`, [m.id]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['no_show', 'no_show', 'no_show']);
    expect(await db.query(`SELECT 1 FROM advisor_busy b JOIN booking k ON k.id = b.booking_id WHERE k.member_id = $1`, [m.id])).toEqual([]);
    const paused = await book(m, { storeId: sh01, serviceId: service, startsAt: free[9].startsAt });
    expect([paused.status, paused.body.code]).toEqual([403, 'APPOINTMENT_BOOKING_PAUSED']);
    expect(paused.body.message).toContain('暂停至');

    // The policy is the admin's to set: with four no-shows allowed, the member may book again.
    const policy = (await api(stack).get('/api/staff/appointment-policy').set(as(admin)).expect(200)).body;
    expect(policy).toEqual({ noShowGraceMin: 30, noShowMax: 3, noShowWindowDays: 90, noShowPauseDays: 30, reminderHoursBefore: 24 });
    const manager = (await staffLogin(stack, 'manager1')).accessToken;
    expect((await api(stack).put('/api/staff/appointment-policy').set(as(manager)).send({ ...policy, noShowMax: 4 })).status).toBe(403);
    expect((await api(stack).put('/api/staff/appointment-policy').set(as(admin)).send({ ...policy, noShowMax: 0 })).status).toBe(400);
    try {
      await api(stack).put('/api/staff/appointment-policy').set(as(admin)).send({ ...policy, noShowMax: 4 }).expect(200);
      await book(m, { storeId: sh01, serviceId: service, startsAt: free[9].startsAt }).expect(201);
    } finally {
      await api(stack).put('/api/staff/appointment-policy').set(as(admin)).send(policy).expect(200);
    }
  });

  it('a reminder goes out once, N hours before, only to members who accepted the subscribe message', async () => {
    const accepted = await newMember(stack);
    const declined = await newMember(stack);
    await control(stack, '/__control/subscribe', { openid: accepted.openid, templateId: stack.config.wechatTemplateBookingReminder, accept: true });
    await control(stack, '/__control/subscribe', { openid: declined.openid, templateId: stack.config.wechatTemplateBookingReminder, accept: false });
    const service = await serviceId('SKIN-TEST');
    const free = (await slots(accepted, sh01, service, day(12))).slots;
    const ids: string[] = [];
    for (const [m, slot] of [[accepted, free[0]], [declined, free[2]]] as const) {
      const b = (await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt, reminderOptIn: true }).expect(201)).body as BookingView;
      ids.push(b.id);
    }
    await db.query(`UPDATE booking SET starts_at = now() + interval '3 hours', ends_at = now() + interval '210 minutes' WHERE id = ANY($1::uuid[])`, [ids]);
    const first = await api(stack).post('/api/staff/jobs/appointment-reminders/run').set(as(admin)).expect(200);
    expect(first.body.result).toMatchObject({ queued: 2 });
    // Booking with the reminder accepted gave each a credit; WeChat refuses the one whose member declined there.
    await api(stack).post('/api/staff/jobs/notifications-dispatch/run').set(as(admin)).expect(200);
    const outbox = await db.query(`SELECT member_id, status FROM notification_outbox WHERE dedupe_key = ANY($1::text[])`, [ids.map((id) => `booking-reminder:${id}`)]);
    expect(Object.fromEntries(outbox.map((o: { member_id: string; status: string }) => [o.member_id, o.status]))).toEqual({ [accepted.id]: 'sent', [declined.id]: 'refused' });
    const delivered = await stack.sandbox.inject({ method: 'GET', url: `/__control/subscribe/messages?openid=${accepted.openid}` });
    const messages = delivered.json().messages as { templateId: string; page: string; data: Record<string, string> }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ templateId: stack.config.wechatTemplateBookingReminder, page: `pages/booking-detail/index?id=${ids[0]}` });
    expect(messages[0].data.thing1).toBe('肌肤检测');
    const again = await api(stack).post('/api/staff/jobs/appointment-reminders/run').set(as(admin)).expect(200);
    expect(again.body.result).toMatchObject({ queued: 0 });
  });

  it('the store calendar lists the day; staff see only their store; setup changes what can be booked', async () => {
    const m = await newMember(stack);
    const service = await serviceId('TRY-ON');
    const slot = (await slots(m, sh01, service, day(10))).slots[0];
    const b = (await book(m, { storeId: sh01, serviceId: service, startsAt: slot.startsAt }).expect(201)).body as BookingView;
    const manager = (await staffLogin(stack, 'manager1')).accessToken;
    const list = (await api(stack).get(`/api/staff/appointments?from=${day(10)}&to=${day(10)}`).set(as(manager)).expect(200)).body as BookingView[];
    expect(list.map((x) => x.id)).toContain(b.id);
    const other = (await staffLogin(stack, 'manager3')).accessToken;
    const theirs = (await api(stack).get(`/api/staff/appointments?from=${day(10)}&to=${day(10)}`).set(as(other)).expect(200)).body as BookingView[];
    expect(theirs.map((x) => x.id)).not.toContain(b.id);
    expect((await api(stack).get(`/api/staff/appointments?from=${day(0)}&to=${day(40)}`).set(as(manager))).body.code).toBe('APPOINTMENT_RANGE_TOO_LONG');

    // The store closes on day 11: nothing can be booked that day.
    const schedule = (await api(stack).get(`/api/staff/stores/${sh01}/schedule`).set(as(manager)).expect(200)).body;
    const hours = Object.entries(schedule.hours as Record<string, { open: string; close: string } | null>).flatMap(([weekday, h]) => (h ? [{ weekday: Number(weekday), ...h }] : []));
    await api(stack).put(`/api/staff/stores/${sh01}/schedule`).set(as(manager)).send({ hours, specialDays: [{ date: day(11), closed: true, note: '店庆闭店' }] }).expect(200);
    expect((await slots(m, sh01, service, day(11))).slots).toEqual([]);
    const refused = await api(stack).put(`/api/staff/stores/${sh01}/schedule`).set(as(other)).send({ hours, specialDays: [] });
    expect(refused.status).toBe(403);
    const invalid = await api(stack).put(`/api/staff/stores/${sh01}/schedule`).set(as(manager)).send({ hours: [{ weekday: 1, open: '22:00', close: '10:00' }], specialDays: [] });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'APPOINTMENT_SCHEDULE_INVALID']);
    const advisor = (await staffLogin(stack, 'advisor1')).accessToken;
    expect((await api(stack).put(`/api/staff/stores/${sh01}/schedule`).set(as(advisor)).send({ hours, specialDays: [] })).status).toBe(403);
    const dup = await api(stack).post('/api/staff/services').set(as(admin)).send({ code: 'TRY-ON', name: '重复', kind: 'try_on', durationMin: 30, bufferAfterMin: 0, seats: 1, priceFen: 0, depositFen: 0, minNoticeMin: 0, bookingWindowDays: 7, cancelCutoffMin: 0 });
    expect([dup.status, dup.body.code]).toEqual([409, 'APPOINTMENT_SERVICE_CODE_TAKEN']);
    const deposit = await api(stack).post('/api/staff/services').set(as(admin)).send({ code: 'BAD-DEP', name: '定金过高', kind: 'facial', durationMin: 30, bufferAfterMin: 0, seats: 1, priceFen: 100, depositFen: 500, minNoticeMin: 0, bookingWindowDays: 7, cancelCutoffMin: 0 });
    expect(deposit.status).toBe(400);
  });
});
