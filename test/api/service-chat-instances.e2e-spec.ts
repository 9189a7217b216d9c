import type { ChatMessageView, ConversationView } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { chatOk as ok, connectChat, type ChatClient as Client } from '../support/chat-client';
import { as, newMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, staffLogin } from '../support/wechat-user';

/** The machine's Redis (CI has one at this address); the chat's rooms span instances through it. */
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('Chat across two API instances: a member on one and their advisor on the other hear each other', () => {
  let one: Stack;
  let two: Stack;
  let db: DataSource;
  const clients: Client[] = [];

  beforeAll(async () => {
    const config = { redisUrl: REDIS_URL, chatServiceHours: '00:00-24:00', chatBotDelaySeconds: 3600 };
    one = await startStack(config, { listen: true });
    two = await startStack(config, { listen: true });
    db = await e2eDataSource();
  });
  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    await db.destroy();
    await one.close();
    await two.close();
  });

  const connect = async (stack: Stack, token: string): Promise<Client> => {
    const client = await connectChat(stack.apiUrl, token);
    clients.push(client);
    return client;
  };
  const heard = (c: Client, event: string) => c.heard.filter((h) => h.event === event).map((h) => h.payload);
  const waitFor = async (what: string, probe: () => boolean, ms = 5000): Promise<void> => {
    const until = Date.now() + ms;
    while (!probe()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const text = (t: string) => ({ clientId: `x-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, type: 'text', text: t });

  it('delivers the member’s message, the advisor’s reply, typing and read receipts between instances in real time', async () => {
    // advisor5 of Guangzhou (GZ01) works on instance two; nobody else of that store is online.
    const login = await staffLogin(two, 'advisor5');
    const advisorId = login.staff.id;
    const [{ store_id: storeId }] = await db.query(`SELECT store_id FROM staff WHERE id = $1`, [advisorId]);
    await db.query(`UPDATE conversation SET status = 'resolved' WHERE store_id = $1 AND status <> 'resolved'`, [storeId]);
    await db.query(`UPDATE advisor_presence SET last_seen = NULL WHERE staff_id IN (SELECT id FROM staff WHERE store_id = $1)`, [storeId]);
    const advisor = await connect(two, login.accessToken);

    // The member, bound to advisor5, is on instance one.
    const member = await newMember(one);
    await db.query(`UPDATE member SET advisor_id = $2, store_id = $3 WHERE id = $1`, [member.id, advisorId, storeId]);
    const phone = await connect(one, member.token);

    const question = await ok<ChatMessageView>(phone, 'message:send', text('跨实例：我的订单什么时候发货？'));
    await waitFor('the advisor on instance two hears the member', () => heard(advisor, 'message').some((m) => (m as ChatMessageView).id === question.id));
    const view = (await api(two).get(`/api/staff/conversations/${question.conversationId}`).set(as(login.accessToken)).expect(200)).body as ConversationView;
    expect(view.advisorId).toBe(advisorId);

    await ok(phone, 'typing', { typing: true });
    await waitFor('the advisor sees the member typing', () => heard(advisor, 'typing').some((e) => (e as { who: string }).who === 'member'));

    const reply = await ok<ChatMessageView>(advisor, 'message:send', { conversationId: question.conversationId, ...text('今天下午发出，请留意物流') });
    await waitFor('the member on instance one hears the reply', () => heard(phone, 'message').some((m) => (m as ChatMessageView).id === reply.id));
    await ok(phone, 'read', { seq: reply.seq });
    await waitFor('the advisor hears the read receipt', () => heard(advisor, 'read').some((e) => (e as { seq: number }).seq === reply.seq));
  });
});
