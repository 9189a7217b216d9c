import { randomBytes } from 'node:crypto';
import type { ChatMessageView, Customer360View, MemberTicketView, ServiceMetricsResponse, TaskView, TicketDetailView } from '@glow/contracts';
import { businessDate } from '@glow/domain';
import type { DataSource } from 'typeorm';
import { FollowUpTaskService } from '../../apps/api/src/modules/service/follow-up-task.service';
import { TicketService } from '../../apps/api/src/modules/service/ticket.service';
import { as, newMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, staffLogin } from '../support/wechat-user';

const HOUR = 3_600_000;
const key = () => `k-${randomBytes(6).toString('hex')}`;

describe('Tickets, CSAT, follow-up tasks, the customer 360 and advisor metrics', () => {
  let stack: Stack;
  let db: DataSource;
  let advisor: string;
  let advisorId: string;
  let otherStore: string;
  let sh01: string;

  beforeAll(async () => {
    stack = await startStack({ chatServiceHours: '00:00-24:00' });
    db = await e2eDataSource();
    advisor = (await staffLogin(stack, 'advisor1')).accessToken;
    otherStore = (await staffLogin(stack, 'advisor3')).accessToken;
    [{ id: sh01 }] = await db.query(`SELECT id FROM store WHERE code = 'SH01'`);
    [{ id: advisorId }] = await db.query(`SELECT s.id FROM staff s JOIN staff_credential c ON c.staff_id = s.id WHERE c.username = 'advisor1'`);
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  it('takes a complaint from new to closed with history, refuses moves the flow does not allow, compensates once, and lets the member follow and rate it', async () => {
    const m = await newMember(stack);
    await db.query(`UPDATE member SET store_id = $2, advisor_id = $3 WHERE id = $1`, [m.id, sh01, advisorId]);
    const msg = (await api(stack).post('/api/me/chat/messages').set(as(m.token)).send({ clientId: key(), type: 'text', text: '面霜用了发红' }).expect(201)).body as ChatMessageView;
    let t = (
      await api(stack)
        .post('/api/staff/tickets')
        .set(as(advisor))
        .send({ memberId: m.id, category: 'allergy', priority: 'urgent', title: '面霜过敏', description: '使用后脸颊发红刺痛', conversationId: msg.conversationId })
        .expect(201)
    ).body as TicketDetailView;
    expect(t.ticketNo).toMatch(/^T\d{10}$/);
    expect(t.status).toBe('new');
    // An urgent ticket is due within 4 hours.
    expect(new Date(t.slaDueAt).getTime() - new Date(t.createdAt).getTime()).toBe(4 * HOUR);
    // Another store's advisor cannot see it.
    await api(stack).get(`/api/staff/tickets/${t.id}`).set(as(otherStore)).expect(404);

    const refused = await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'waiting_member' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TICKET_STATUS_INVALID');
    t = (await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'in_progress' }).expect(200)).body;
    t = (await api(stack).post(`/api/staff/tickets/${t.id}/notes`).set(as(advisor)).send({ note: '疑似批次问题，已上报', internal: true }).expect(200)).body;
    t = (await api(stack).post(`/api/staff/tickets/${t.id}/notes`).set(as(advisor)).send({ note: '请您拍一张面霜批号的照片', internal: false }).expect(200)).body;
    t = (await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'waiting_member' }).expect(200)).body;

    // The member sees the public history only, and answering moves the ticket back to in progress.
    let mine = (await api(stack).get(`/api/me/tickets/${t.id}`).set(as(m.token)).expect(200)).body as MemberTicketView;
    expect(mine.events.map((e) => e.text)).toContain('请您拍一张面霜批号的照片');
    expect(mine.events.map((e) => e.text)).not.toContain('疑似批次问题，已上报');
    mine = (await api(stack).post(`/api/me/tickets/${t.id}/reply`).set(as(m.token)).send({ text: '批号是 A123' }).expect(200)).body;
    expect(mine.status).toBe('in_progress');
    // Another member cannot read it.
    const stranger = await newMember(stack);
    await api(stack).get(`/api/me/tickets/${t.id}`).set(as(stranger.token)).expect(404);

    // Compensation in points, twice with the same key: credited once.
    const before = (await db.query(`SELECT balance FROM points_account WHERE member_id = $1`, [m.id]))[0]?.balance ?? 0;
    const k = key();
    for (let i = 0; i < 2; i++) {
      t = (await api(stack).post(`/api/staff/tickets/${t.id}/compensations`).set(as(advisor)).send({ kind: 'points', points: 200, reason: '过敏补偿', key: k }).expect(200)).body;
    }
    const after = (await db.query(`SELECT balance FROM points_account WHERE member_id = $1`, [m.id]))[0].balance;
    expect(after - before).toBe(200);
    expect(t.compensations).toHaveLength(1);

    t = (await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'resolved', note: '已为您办理退货并补偿积分' }).expect(200)).body;
    mine = (await api(stack).get(`/api/me/tickets/${t.id}`).set(as(m.token)).expect(200)).body;
    expect(mine.csatOpenUntil).not.toBeNull();
    await api(stack).post('/api/me/csat').set(as(m.token)).send({ subject: 'ticket', subjectId: t.id, score: 5, comment: '处理很快' }).expect(200);
    const twice = await api(stack).post('/api/me/csat').set(as(m.token)).send({ subject: 'ticket', subjectId: t.id, score: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CSAT_NOT_ALLOWED');
    t = (await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'closed' }).expect(200)).body;
    expect(t.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'status', 'note', 'reply', 'compensation']));
    expect(t.csat).toEqual({ score: 5, comment: '处理很快' });
    await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'in_progress' }).expect(409);
  });

  it('escalates a ticket past its SLA, and refuses a rating after the 48-hour window', async () => {
    const m = await newMember(stack);
    await db.query(`UPDATE member SET store_id = $2 WHERE id = $1`, [m.id, sh01]);
    const t = (await api(stack).post('/api/staff/tickets').set(as(advisor)).send({ memberId: m.id, category: 'delivery', priority: 'high', title: '没收到货', description: '物流一直不动' }).expect(201)).body as TicketDetailView;
    const tickets = stack.app.get(TicketService);
    const level = async () => ((await db.query(`SELECT escalation_level FROM ticket WHERE id = $1`, [t.id])) as { escalation_level: number }[])[0].escalation_level;
    await tickets.escalate(new Date(Date.now() + 23 * HOUR));
    expect(await level()).toBe(0);
    await tickets.escalate(new Date(Date.now() + 25 * HOUR));
    expect(await level()).toBe(1);
    const listed = (await api(stack).get('/api/staff/tickets').set(as(advisor)).expect(200)).body as TicketDetailView[];
    expect(listed.find((x) => x.id === t.id)?.escalationLevel).toBe(1);
    const [event] = await db.query(`SELECT internal, note FROM ticket_event WHERE ticket_id = $1 AND kind = 'escalated'`, [t.id]);
    expect(event.internal).toBe(true);
    // The advisor who filed it (its assignee) finds a task to act on in their list, once however often the job runs.
    await tickets.escalate(new Date(Date.now() + 26 * HOUR));
    const todo = (await api(stack).get(`/api/staff/tasks?dueBy=${new Date(Date.now() + 72 * HOUR).toISOString().slice(0, 10)}`).set(as(advisor)).expect(200)).body as { kind: string; title: string; memberId: string }[];
    expect(todo.filter((task) => task.kind === 'ticket' && task.memberId === m.id).map((task) => task.title)).toEqual([`工单${t.ticketNo}超时，已升级至1级`]);
    await api(stack).post(`/api/staff/tickets/${t.id}/status`).set(as(advisor)).send({ status: 'resolved' }).expect(200);
    await db.query(`UPDATE ticket SET resolved_at = now() - interval '49 hours' WHERE id = $1`, [t.id]);
    const late = await api(stack).post('/api/me/csat').set(as(m.token)).send({ subject: 'ticket', subjectId: t.id, score: 4 });
    expect(late.status).toBe(409);
  });

  it('creates 3-3-3 follow-up tasks after a purchase once, lists them by day, and closes each once with an outcome', async () => {
    const m = await newMember(stack);
    await db.query(`UPDATE member SET store_id = $2, advisor_id = $3 WHERE id = $1`, [m.id, sh01, advisorId]);
    const paidAt = new Date(Date.now() - HOUR);
    const [order] = await db.query(
      `INSERT INTO sales_order (order_no, member_id, channel, status, store_id, subtotal_fen, total_fen, idempotency_key, paid_at, created_at, updated_at)
       VALUES ($1, $2, 'store', 'paid', $3, 39900, 39900, $4, $5, $5, now()) RETURNING id`,
      [`T${randomBytes(8).toString('hex')}`, m.id, sh01, key(), paidAt],
    );
    await db.query(`INSERT INTO order_item (order_id, sku, name, category, unit_price_fen, quantity, paid_fen, position) VALUES ($1, 'GL-SK-001', '修护精华', 'skincare', 39900, 1, 39900, 0)`, [order.id]);
    const tasks = stack.app.get(FollowUpTaskService);
    await tasks.generate(new Date());
    await tasks.generate(new Date()); // a rerun creates nothing more
    const rows = await db.query(`SELECT kind, due_on::text AS due_on FROM follow_up_task WHERE source_key LIKE $1 ORDER BY due_on`, [`order:${order.id}:%`]);
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['purchase-3d', 'purchase-3w', 'purchase-3m']);
    const day3 = businessDate(new Date(paidAt.getTime() + 3 * 24 * HOUR));
    expect(rows[0].due_on).toBe(day3);

    const list = (await api(stack).get(`/api/staff/tasks?day=${day3}`).set(as(advisor)).expect(200)).body as TaskView[];
    const task = list.find((x) => x.memberId === m.id && x.kind === 'purchase-3d');
    expect(task).toBeDefined();
    expect(task?.title).toContain('修护精华');
    await api(stack).post(`/api/staff/tasks/${task?.id}`).set(as(advisor)).send({ status: 'done', outcome: '' }).expect(400);
    const done = (await api(stack).post(`/api/staff/tasks/${task?.id}`).set(as(advisor)).send({ status: 'done', outcome: '用着不错，下月复购' }).expect(200)).body as TaskView;
    expect(done.status).toBe('done');
    const again = await api(stack).post(`/api/staff/tasks/${task?.id}`).set(as(advisor)).send({ status: 'skipped', outcome: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TASK_STATE_INVALID');
  });

  it('creates birthday and post-visit tasks for the bound advisor, once each', async () => {
    const m = await newMember(stack);
    const inThreeDays = businessDate(new Date(Date.now() + 3 * 24 * HOUR));
    await db.query(`UPDATE member SET store_id = $2, advisor_id = $3, birthday = $4::date - interval '30 years' WHERE id = $1`, [m.id, sh01, advisorId, inThreeDays]);
    const [svc] = await db.query(`SELECT id FROM appointment_service ORDER BY code LIMIT 1`);
    const started = new Date(Date.now() - 26 * HOUR);
    const [visit] = await db.query(
      `INSERT INTO booking (check_in_code, member_id, store_id, service_id, advisor_id, starts_at, ends_at, status, completed_at)
       VALUES ('Z' || substr(md5(random()::text), 1, 5), $1, $2, $3, $4, $5, $5::timestamptz + interval '1 hour', 'completed', $5::timestamptz + interval '1 hour') RETURNING id`,
      [m.id, sh01, svc.id, advisorId, started],
    );
    const tasks = stack.app.get(FollowUpTaskService);
    await tasks.generate(new Date());
    await tasks.generate(new Date());
    const rows = await db.query(`SELECT kind, advisor_id, source_key FROM follow_up_task WHERE member_id = $1 ORDER BY kind`, [m.id]);
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['birthday', 'post-visit']);
    expect(rows.every((r: { advisor_id: string }) => r.advisor_id === advisorId)).toBe(true);
    expect(rows.find((r: { kind: string }) => r.kind === 'post-visit').source_key).toBe(`visit:${visit.id}`);
  });

  it('books a service for the member from the conversation with the member’s own rules', async () => {
    const m = await newMember(stack);
    await db.query(`UPDATE member SET store_id = $2, advisor_id = $3 WHERE id = $1`, [m.id, sh01, advisorId]);
    const [svc] = await db.query(`SELECT s.id FROM appointment_service s WHERE s.code = 'TRY-ON'`);
    const date = businessDate(new Date(Date.now() + 5 * 24 * HOUR));
    const free = (await api(stack).get(`/api/appointments/slots?storeId=${sh01}&serviceId=${svc.id}&date=${date}`).set(as(m.token)).expect(200)).body as { slots: { startsAt: string }[] };
    const slot = free.slots[3];
    const booked = (await api(stack).post(`/api/staff/members/${m.id}/bookings`).set(as(advisor)).send({ storeId: sh01, serviceId: svc.id, startsAt: slot.startsAt }).expect(201)).body as { id: string; status: string };
    expect(booked.status).toBe('booked');
    const [row] = await db.query(`SELECT member_id FROM booking WHERE id = $1`, [booked.id]);
    expect(row.member_id).toBe(m.id);
    // The same slot cannot be taken twice, and another store's advisor cannot book for this member.
    const again = await api(stack).post(`/api/staff/members/${m.id}/bookings`).set(as(advisor)).send({ storeId: sh01, serviceId: svc.id, startsAt: slot.startsAt });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    await api(stack).post(`/api/staff/members/${m.id}/bookings`).set(as(otherStore)).send({ storeId: sh01, serviceId: svc.id, startsAt: free.slots[5].startsAt }).expect(403);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE member_id = $1 AND action = 'booking.create-for-member'`, [m.id]);
    expect(audit[0].n).toBe(1);
  });

  it('shows the customer 360 beside a conversation (audited) and the advisor metrics with first response and CSAT', async () => {
    const m = await newMember(stack);
    await db.query(`UPDATE member SET store_id = $2, advisor_id = $3 WHERE id = $1`, [m.id, sh01, advisorId]);
    const asked = (await api(stack).post('/api/me/chat/messages').set(as(m.token)).send({ clientId: key(), type: 'text', text: '你好，在吗' }).expect(201)).body as ChatMessageView;
    await api(stack).post(`/api/staff/conversations/${asked.conversationId}/messages`).set(as(advisor)).send({ clientId: key(), type: 'text', text: '在的，您好' }).expect(201);
    const [template] = await db.query(`SELECT id FROM coupon_template WHERE status = 'active' AND NOT claimable ORDER BY code LIMIT 1`);
    const k = key();
    const card = (await api(stack).post(`/api/staff/conversations/${asked.conversationId}/compensation`).set(as(advisor)).send({ couponTemplateId: template.id, key: k }).expect(201)).body as ChatMessageView;
    await api(stack).post(`/api/staff/conversations/${asked.conversationId}/compensation`).set(as(advisor)).send({ couponTemplateId: template.id, key: k }).expect(201);
    const issued = await db.query(`SELECT count(*)::int AS n FROM member_coupon WHERE member_id = $1 AND issue_key = $2`, [m.id, `chat:${asked.conversationId}:${k}`]);
    expect(issued[0].n).toBe(1);
    expect(card.type).toBe('coupon');

    const view = (await api(stack).get(`/api/staff/members/${m.id}/360`).set(as(advisor)).expect(200)).body as Customer360View;
    expect(view.member.id).toBe(m.id);
    expect(view.tier?.name).toBeTruthy();
    expect(view.coupons.length).toBeGreaterThanOrEqual(1);
    expect(view.conversations.map((c) => c.id)).toContain(asked.conversationId);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE member_id = $1 AND action = 'member.view-360'`, [m.id]);
    expect(audit[0].n).toBe(1);

    await api(stack).post(`/api/staff/conversations/${asked.conversationId}/status`).set(as(advisor)).send({ status: 'resolved' }).expect(200);
    const chat = (await api(stack).get('/api/me/chat').set(as(m.token)).expect(200)).body as { messages: ChatMessageView[] };
    const invite = chat.messages.find((x) => x.type === 'system' && (x.body as { event: string }).event === 'csat-invite');
    const subjectId = (invite?.body as { csat: { subjectId: string } }).csat.subjectId;
    await api(stack).post('/api/me/csat').set(as(m.token)).send({ subject: 'conversation', subjectId, score: 4 }).expect(200);

    const today = businessDate(new Date());
    const metrics = (await api(stack).get(`/api/staff/service-metrics?from=${today}&to=${today}`).set(as(advisor)).expect(200)).body as ServiceMetricsResponse;
    const me = metrics.advisors.find((a) => a.id === advisorId);
    expect(me?.conversations).toBeGreaterThanOrEqual(1);
    expect(me?.firstResponseSeconds).not.toBeNull();
    expect(me?.csatCount).toBeGreaterThanOrEqual(1);
    expect(metrics.daily.find((d) => d.day === today)?.conversations).toBeGreaterThanOrEqual(1);
  });
});
