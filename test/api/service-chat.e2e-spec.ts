import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessageView, ChatSyncResponse, ConversationView, MemberChatResponse } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { ChatBot } from '../../apps/api/src/modules/service/chat-bot';
import { ChatRouter } from '../../apps/api/src/modules/service/chat-router';
import { chatAck as ack, chatOk as ok, connectChat, type ChatClient as Client } from '../support/chat-client';
import { as, newMember, type TestMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, staffLogin } from '../support/wechat-user';

let seq = 0;
const clientId = (what = 'm') => `${what}-${Date.now().toString(36)}-${++seq}`.padEnd(8, 'x');


describe('Advisor chat: realtime delivery, catch-up, routing, bot, WeChat customer service', () => {
  let stack: Stack;
  let db: DataSource;
  let advisor1: { token: string; id: string };
  let advisor2: { token: string; id: string };
  let manager: string;
  let sh01: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    stack = await startStack({ chatServiceHours: '00:00-24:00', chatBotDelaySeconds: 30, chatDefaultCapacity: 5 }, { listen: true });
    db = await e2eDataSource();
    const login = async (u: string) => {
      const s = await staffLogin(stack, u);
      const [row] = await db.query(`SELECT id FROM staff WHERE code = (SELECT code FROM staff WHERE id = $1)`, [s.staff.id]);
      return { token: s.accessToken, id: row.id as string };
    };
    advisor1 = await login('advisor1');
    advisor2 = await login('advisor2');
    manager = (await staffLogin(stack, 'manager1')).accessToken;
    [{ id: sh01 }] = await db.query(`SELECT id FROM store WHERE code = 'SH01'`);
    // Start from a clean slate of chat state for these advisors (other suites may have run first).
    await db.query(`UPDATE conversation SET status = 'resolved', advisor_id = NULL WHERE advisor_id = ANY($1::uuid[]) OR store_id = $2`, [[advisor1.id, advisor2.id], sh01]);
    await db.query(`DELETE FROM advisor_presence`);
  });
  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    await db.destroy();
    await stack.close();
  });

  // --- helpers ---

  const connect = async (token: string): Promise<Client> => {
    const client = await connectChat(stack.apiUrl, token);
    clients.push(client);
    return client;
  };
  const messagesHeard = (c: Client, conversationId?: string) =>
    c.heard.filter((h) => h.event === 'message').map((h) => h.payload as ChatMessageView).filter((m) => !conversationId || m.conversationId === conversationId);
  const waitFor = async <T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 5000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const text = (t: string) => ({ clientId: clientId(), type: 'text', text: t });
  const bindTo = async (m: TestMember, advisorId: string | null) => db.query(`UPDATE member SET advisor_id = $2, store_id = $3 WHERE id = $1`, [m.id, advisorId, sh01]);
  const memberChat = async (m: TestMember) => (await api(stack).get('/api/me/chat').set(as(m.token)).expect(200)).body as MemberChatResponse;

  it('delivers in order over real sockets, routes to the bound advisor, catches up after a dropped connection, and keeps members apart', async () => {
    const a1 = await connect(advisor1.token);
    const a2 = await connect(advisor2.token);
    const alice = await newMember(stack);
    const bob = await newMember(stack);
    await bindTo(alice, advisor2.id); // Alice's own advisor is advisor2
    await bindTo(bob, null);
    const ma = await connect(alice.token);
    const mb = await connect(bob.token);

    const first = await ok<ChatMessageView>(ma, 'message:send', text('你好，我想问下精华怎么用'));
    expect(first.seq).toBe(1);
    const conversationA = first.conversationId;
    // The bound advisor gets it: assigned to advisor2, who hears the message and the assignment.
    await waitFor('advisor2 hears Alice', () => messagesHeard(a2, conversationA).some((m) => m.id === first.id));
    const viewA = (await api(stack).get(`/api/staff/conversations/${conversationA}`).set(as(advisor2.token)).expect(200)).body as ConversationView;
    expect(viewA.advisorId).toBe(advisor2.id);

    // Bob has no advisor: the least-loaded advisor of the store takes him (advisor1 has none, advisor2 has Alice).
    const bobFirst = await ok<ChatMessageView>(mb, 'message:send', text('在吗'));
    await waitFor('advisor1 hears Bob', () => messagesHeard(a1, bobFirst.conversationId).some((m) => m.id === bobFirst.id));
    expect(((await api(stack).get(`/api/staff/conversations/${bobFirst.conversationId}`).set(as(advisor1.token)).expect(200)).body as ConversationView).advisorId).toBe(advisor1.id);

    // Ten quick messages arrive at the advisor in the order stored, without gaps.
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => ok<ChatMessageView>(ma, 'message:send', text(`第${i + 1}条`))));
    const seqs = sent.map((m) => m.seq).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(10);
    await waitFor('all ten at advisor2', () => messagesHeard(a2, conversationA).filter((m) => sent.some((s) => s.id === m.id)).length === 10);
    const heardSeqs = messagesHeard(a2, conversationA).map((m) => m.seq);
    expect(heardSeqs).toEqual([...heardSeqs].sort((x, y) => x - y));
    const all = await ok<ChatSyncResponse>(ma, 'sync', { afterSeq: 0 });
    expect(all.messages.map((m) => m.seq)).toEqual(all.messages.map((_, i) => i + 1));

    // Resending with the same clientId returns the stored message, not a second one.
    const again = await ok<ChatMessageView>(ma, 'message:send', { ...text('第1条'), clientId: sent[0].clientId });
    expect(again.id).toBe(sent[0].id);

    // Read receipts and typing reach the other side.
    const reply = await ok<ChatMessageView>(a2, 'message:send', { conversationId: conversationA, ...text('您好，我是您的专属顾问') });
    await waitFor('Alice hears the reply', () => messagesHeard(ma, conversationA).some((m) => m.id === reply.id));
    await ok(ma, 'read', { seq: reply.seq });
    await waitFor('advisor2 hears the read receipt', () => a2.heard.some((h) => h.event === 'read' && (h.payload as { seq: number }).seq === reply.seq));
    await ok(a2, 'typing', { conversationId: conversationA, typing: true });
    await waitFor('Alice sees typing', () => ma.heard.some((h) => h.event === 'typing' && (h.payload as { who: string }).who === 'advisor'));

    // Alice drops; advisor2 writes twice; on reconnect she catches up from her last seq with exactly those two.
    const lastSeen = Math.max(...messagesHeard(ma, conversationA).map((m) => m.seq), reply.seq);
    ma.socket.disconnect();
    const missed = [
      await ok<ChatMessageView>(a2, 'message:send', { conversationId: conversationA, ...text('早晚各一次') }),
      await ok<ChatMessageView>(a2, 'message:send', { conversationId: conversationA, ...text('先水后精华') }),
    ];
    const back = await connect(alice.token);
    const caught = await ok<ChatSyncResponse>(back, 'sync', { afterSeq: lastSeen });
    expect(caught.messages.map((m) => m.id)).toEqual(missed.map((m) => m.id));

    // Bob never hears Alice's conversation, cannot sync it, and his chat shows only his own messages.
    expect(mb.heard.filter((h) => h.event === 'message').every((h) => (h.payload as ChatMessageView).conversationId === bobFirst.conversationId)).toBe(true);
    const refused = await ack(mb, 'sync', { conversationId: conversationA, afterSeq: 0 });
    expect(refused).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    const bobs = await memberChat(bob);
    expect(bobs.messages.every((m) => m.conversationId === bobFirst.conversationId)).toBe(true);
    // An advisor of another store cannot open it either.
    const beijing = (await staffLogin(stack, 'advisor3')).accessToken;
    await api(stack).get(`/api/staff/conversations/${conversationA}`).set(as(beijing)).expect(404);
    // advisor1 may not write in advisor2's conversation.
    const other = await ack(a1, 'message:send', { conversationId: conversationA, ...text('插一句') });
    expect(other).toMatchObject({ ok: false, code: 'STAFF_OUT_OF_SCOPE' });
    // A socket without a valid token is refused.
    await expect(connect('not-a-token-at-all')).rejects.toThrow(/AUTH_TOKEN_INVALID/);

    await api(stack).post(`/api/staff/conversations/${conversationA}/status`).set(as(advisor2.token)).send({ status: 'resolved' }).expect(200);
    await api(stack).post(`/api/staff/conversations/${bobFirst.conversationId}/status`).set(as(advisor1.token)).send({ status: 'resolved' }).expect(200);
  });

  it('queues members when every advisor is at capacity, oldest waiting first, and transfers only to an advisor with room', async () => {
    // Both advisors online (their sockets are their presence).
    await connect(advisor1.token);
    await connect(advisor2.token);
    await api(stack).patch('/api/staff/advisors/me').set(as(advisor1.token)).send({ capacity: 1 }).expect(200);
    await api(stack).patch('/api/staff/advisors/me').set(as(advisor2.token)).send({ capacity: 1 }).expect(200);
    const [m1, m2, m3, m4] = [await newMember(stack), await newMember(stack), await newMember(stack), await newMember(stack)];
    for (const m of [m1, m2, m3, m4]) await bindTo(m, null);
    const send = async (m: TestMember, t: string) => (await api(stack).post('/api/me/chat/messages').set(as(m.token)).send(text(t)).expect(201)).body as ChatMessageView;
    const c1 = await send(m1, '一号');
    const c2 = await send(m2, '二号');
    const c3 = await send(m3, '三号');
    await new Promise((r) => setTimeout(r, 20));
    const c4 = await send(m4, '四号');
    const advisorOf = async (id: string) => ((await db.query(`SELECT advisor_id FROM conversation WHERE id = $1`, [id])) as { advisor_id: string | null }[])[0].advisor_id;
    expect(new Set([await advisorOf(c1.conversationId), await advisorOf(c2.conversationId)])).toEqual(new Set([advisor1.id, advisor2.id]));
    expect(await advisorOf(c3.conversationId)).toBeNull();
    expect(await advisorOf(c4.conversationId)).toBeNull();
    const queue = (await api(stack).get('/api/staff/conversations?view=queue').set(as(manager)).expect(200)).body as ConversationView[];
    const ids = queue.map((c) => c.id);
    expect(ids.indexOf(c3.conversationId)).toBeLessThan(ids.indexOf(c4.conversationId));

    // A full advisor cannot take a transfer.
    const holder = (await advisorOf(c1.conversationId)) === advisor1.id ? advisor1 : advisor2;
    const otherAdvisor = holder === advisor1 ? advisor2 : advisor1;
    const full = await api(stack).post(`/api/staff/conversations/${c1.conversationId}/transfer`).set(as(holder.token)).send({ advisorId: otherAdvisor.id });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('CHAT_TRANSFER_INVALID');

    // Resolving frees a seat: the oldest waiting member (m3) gets it, m4 still waits.
    await api(stack).post(`/api/staff/conversations/${c1.conversationId}/status`).set(as(holder.token)).send({ status: 'resolved' }).expect(200);
    await api(stack).patch('/api/staff/advisors/me').set(as(holder.token)).send({ accepting: true }).expect(200);
    await waitFor('m3 assigned', async () => (await advisorOf(c3.conversationId)) === holder.id);
    expect(await advisorOf(c4.conversationId)).toBeNull();

    // With room again, a transfer works and the member is told.
    await api(stack).patch('/api/staff/advisors/me').set(as(otherAdvisor.token)).send({ capacity: 3 }).expect(200);
    const moved = (await api(stack).post(`/api/staff/conversations/${c3.conversationId}/transfer`).set(as(holder.token)).send({ advisorId: otherAdvisor.id }).expect(200)).body as ConversationView;
    expect(moved.advisorId).toBe(otherAdvisor.id);
    const history = (await api(stack).get('/api/me/chat').set(as(m3.token)).expect(200)).body as MemberChatResponse;
    expect(history.messages.some((m) => m.type === 'system' && (m.body as { event: string }).event === 'transferred')).toBe(true);
    for (const c of [c2, c3, c4]) await db.query(`UPDATE conversation SET status = 'resolved' WHERE id = $1`, [c.conversationId]);
    for (const a of [advisor1, advisor2]) await api(stack).patch('/api/staff/advisors/me').set(as(a.token)).send({ capacity: 5 }).expect(200);
  });

  it('takes an advisor offline when their last socket closes, but not when a reload’s new socket came first', async () => {
    const lastSeen = async () => ((await db.query(`SELECT last_seen FROM advisor_presence WHERE staff_id = $1`, [advisor2.id])) as { last_seen: Date | null }[])[0]?.last_seen ?? null;
    for (const c of clients) c.socket.disconnect();
    await db.query(`UPDATE advisor_presence SET last_seen = NULL`);
    const page = await connect(advisor2.token);
    await waitFor('advisor2 online', async () => (await lastSeen()) !== null);
    page.socket.disconnect();
    await waitFor('advisor2 offline', async () => (await lastSeen()) === null);

    // A reload: the new page's socket said hello (a heartbeat) before the server heard the old one close.
    const router = stack.app.get(ChatRouter);
    const reconnectedAt = new Date();
    await router.heartbeat([advisor2.id], reconnectedAt);
    await router.offline(advisor2.id, new Date(reconnectedAt.getTime() - 1000));
    expect(await lastSeen()).toEqual(reconnectedAt);
    await router.offline(advisor2.id, new Date(reconnectedAt.getTime() + 1000));
    expect(await lastSeen()).toBeNull();
  });

  it('lets the bot answer a question nobody answered in time, hands over on 转人工, and answers at once out of hours', async () => {
    for (const c of clients) c.socket.disconnect();
    await db.query(`UPDATE advisor_presence SET last_seen = NULL`);
    const bot = stack.app.get(ChatBot);
    const eve = await newMember(stack);
    await bindTo(eve, null);
    await api(stack).post('/api/me/chat/messages').set(as(eve.token)).send(text('积分多久会过期呀')).expect(201);
    // Nobody is online: within hours the bot waits for the delay, then answers from the knowledge base.
    expect((await bot.runDue(new Date())).answered).toBe(0);
    const later = new Date(Date.now() + 31_000);
    expect((await bot.runDue(later)).answered).toBe(1);
    let chat = await memberChat(eve);
    const answer = chat.messages.find((m) => m.senderKind === 'bot');
    expect(answer).toBeDefined();
    expect(answer?.body).toMatchObject({ offerHandover: true });
    expect((answer?.body as { articleId?: string }).articleId).toBeTruthy();
    // It answers once, not again on the next pass.
    expect((await bot.runDue(new Date(later.getTime() + 60_000))).answered).toBe(0);

    // 转人工: the bot steps back; the conversation waits for a person, and the article counts a hand-over.
    const handed = (await api(stack).post('/api/me/chat/handover').set(as(eve.token)).expect(200)).body as ConversationView;
    expect(handed.botActive).toBe(false);
    await api(stack).post('/api/me/chat/messages').set(as(eve.token)).send(text('积分多久会过期')).expect(201);
    expect((await bot.runDue(new Date(Date.now() + 3_600_000))).answered).toBe(0);
    const [article] = await db.query(`SELECT answered_count, handover_count FROM kb_article WHERE id = $1`, [(answer?.body as { articleId: string }).articleId]);
    expect(article.handover_count).toBeGreaterThanOrEqual(1);
    // Asking for a person in words does the same.
    const fay = await newMember(stack);
    await bindTo(fay, null);
    await api(stack).post('/api/me/chat/messages').set(as(fay.token)).send(text('我要转人工')).expect(201);
    chat = await memberChat(fay);
    expect(chat.conversation?.botActive).toBe(false);
    expect(chat.messages.some((m) => m.type === 'system' && (m.body as { event: string }).event === 'handover')).toBe(true);

    // Out of hours (03:00 in Shanghai) the bot answers at once; an unknown question gets the after-hours note.
    const gus = await newMember(stack);
    await bindTo(gus, null);
    const q = (await api(stack).post('/api/me/chat/messages').set(as(gus.token)).send(text('你们家的猫叫什么名字')).expect(201)).body as ChatMessageView;
    const night = new Date('2026-11-25T19:00:00Z');
    await db.query(`UPDATE conversation SET bot_checked_seq = 0 WHERE id = $1`, [q.conversationId]);
    const outOfHours = stack.app.get(ChatBot);
    await outOfHours.answer(q.conversationId, night, true);
    chat = await memberChat(gus);
    const note = chat.messages.find((m) => m.senderKind === 'bot');
    expect((note?.body as { text: string }).text).toContain('非服务时间');
  });

  it('refuses risky text and flags text for review using WeChat’s content check', async () => {
    const hal = await newMember(stack);
    const risky = await api(stack).post('/api/me/chat/messages').set(as(hal.token)).send(text('这里可以代开发票'));
    expect(risky.status).toBe(422);
    expect(risky.body.code).toBe('CHAT_CONTENT_BLOCKED');
    expect((await memberChat(hal)).messages).toHaveLength(0);
    const review = (await api(stack).post('/api/me/chat/messages').set(as(hal.token)).send(text('[审核] 这个能退吗')).expect(201)).body as ChatMessageView;
    const [row] = await db.query(`SELECT flagged FROM chat_message WHERE id = $1::bigint`, [review.id]);
    expect(row.flagged).toBe(true);
    const bad = await api(stack).post('/api/me/chat/messages').set(as(hal.token)).send({ clientId: clientId(), type: 'coupon', couponTemplateId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.status).toBe(400);
  });

  it('takes WeChat customer-service pushes (safe mode), answers within WeChat’s window, and rejects forged pushes', async () => {
    const ivy = await newMember(stack);
    await bindTo(ivy, advisor1.id);
    const a1 = await connect(advisor1.token);
    const cfg = await fetch(`${stack.sandboxUrl}/__control/push-config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${stack.apiUrl}/api/wechat/push`, token: 'glowdevtoken', encodingAesKey: 'GlowDevEncodingAesKey0123456789abcdefghijkl', mode: 'safe', format: 'json' }),
    });
    expect(cfg.status).toBeLessThan(300);
    const push = async (body: Record<string, unknown>) => {
      const res = await fetch(`${stack.sandboxUrl}/__control/cs/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as { delivered: boolean; lastStatus?: number };
    };
    expect((await push({ openid: ivy.openid, msgType: 'text', content: '我在微信里问一下，订单什么时候发货' })).delivered).toBe(true);
    const [conv] = await db.query(`SELECT id, advisor_id, wechat_window_left FROM conversation WHERE openid = $1 AND channel = 'wechat'`, [ivy.openid]);
    expect(conv.wechat_window_left).toBe(5);
    expect(conv.advisor_id).toBe(advisor1.id);
    await waitFor('advisor1 hears the WeChat message', () => messagesHeard(a1, conv.id).length > 0);

    // Five replies go out through custom/send; the sixth is refused until the member writes again.
    for (let i = 1; i <= 5; i++) {
      await api(stack).post(`/api/staff/conversations/${conv.id}/messages`).set(as(advisor1.token)).send(text(`第${i}条回复`)).expect(201);
    }
    const sixth = await api(stack).post(`/api/staff/conversations/${conv.id}/messages`).set(as(advisor1.token)).send(text('第6条'));
    expect(sixth.status).toBe(409);
    expect(sixth.body.code).toBe('WECHAT_WINDOW_CLOSED');
    const { messages: sent } = (await (await fetch(`${stack.sandboxUrl}/__control/cs/sent?openid=${ivy.openid}`)).json()) as { messages: unknown[] };
    expect(sent).toHaveLength(5);
    expect((await push({ openid: ivy.openid, msgType: 'text', content: '好的谢谢' })).delivered).toBe(true);
    await api(stack).post(`/api/staff/conversations/${conv.id}/messages`).set(as(advisor1.token)).send(text('不客气')).expect(201);

    // A product card goes to WeChat as a mini-program card, its picture uploaded as the thumbnail; a product whose
    // picture cannot be fetched goes as text with the shop's path.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
    const pictures = createServer((req, res) => {
      if (req.url === '/cream.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pictures.listen(0, '127.0.0.1', resolve));
    const [withPicture, withoutPicture] = await db.query(`SELECT id, name, images FROM product WHERE active ORDER BY sku LIMIT 2`);
    try {
      const base = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
      await db.query(`UPDATE product SET images = ARRAY[$2] WHERE id = $1`, [withPicture.id, `${base}/cream.png`]);
      await db.query(`UPDATE product SET images = ARRAY[$2] WHERE id = $1`, [withoutPicture.id, `${base}/gone.png`]);
      for (const p of [withPicture, withoutPicture]) {
        await api(stack).post(`/api/staff/conversations/${conv.id}/messages`).set(as(advisor1.token)).send({ clientId: clientId('p'), type: 'product', productId: p.id }).expect(201);
      }
      const { messages: cards } = (await (await fetch(`${stack.sandboxUrl}/__control/cs/sent?openid=${ivy.openid}`)).json()) as { messages: { msgtype: string; payload: Record<string, string> }[] };
      const [card, fallback] = cards.slice(-2);
      expect(card.msgtype).toBe('miniprogrampage');
      expect(card.payload).toMatchObject({ title: expect.stringContaining(withPicture.name), pagepath: 'packages/shop/pages/shop/index', thumb_media_id: expect.any(String) });
      expect(fallback.msgtype).toBe('text');
      expect(fallback.payload['content']).toContain(withoutPicture.name);
      expect(fallback.payload['content']).toContain('packages/shop/pages/shop/index');
    } finally {
      pictures.close();
      for (const p of [withPicture, withoutPicture]) await db.query(`UPDATE product SET images = $2 WHERE id = $1`, [p.id, p.images]);
    }

    // A forged push is refused by the API and stores nothing.
    const before = await db.query(`SELECT count(*)::int AS n FROM chat_message WHERE conversation_id = $1`, [conv.id]);
    expect((await push({ openid: ivy.openid, msgType: 'text', content: '伪造', forgeSignature: true })).delivered).toBe(false);
    const after = await db.query(`SELECT count(*)::int AS n FROM chat_message WHERE conversation_id = $1`, [conv.id]);
    expect(after[0].n).toBe(before[0].n);

    // WeChat retries a push it got no answer to: the same MsgId is stored once (plain mode, signed by hand).
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(4).toString('hex');
    const signature = createHash('sha1').update(['glowdevtoken', timestamp, nonce].sort().join('')).digest('hex');
    const doc = { ToUserName: 'gh_glowdev00001', FromUserName: ivy.openid, CreateTime: Number(timestamp), MsgType: 'text', Content: '重复推送', MsgId: 7234567890123456 };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${stack.apiUrl}/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
      expect(await res.text()).toBe('success');
    }
    const dup = await db.query(`SELECT count(*)::int AS n FROM chat_message WHERE wechat_msg_id = '7234567890123456'`);
    expect(dup[0].n).toBe(1);
    const forged = await fetch(`${stack.apiUrl}/api/wechat/push?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
    expect({ status: forged.status, body: await forged.text() }).toMatchObject({ status: 401 });
    // URL verification echoes echostr only with a valid signature.
    const echo = await fetch(`${stack.apiUrl}/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&echostr=12345`);
    expect(await echo.text()).toBe('12345');
  });
});
