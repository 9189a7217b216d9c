import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { mpShot, openBrowser, shot } from '../support/browser';
import { consoleLogin, joinInMiniProgram } from '../support/miniprogram';
import { e2eDataSource, startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');
const H5 = (stack: Stack, path: string) => `${stack.apiUrl}/h5/#${path}`;

async function pick(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(`.ant-select:has(#${selectId})`).click();
  const option = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title*="${text}"]`).first();
  await option.waitFor();
  await option.click();
}

describe('A member writes to the brand, the advisor answers with the 360 open, then files and resolves a ticket', () => {
  let stack: Stack;
  let db: DataSource;

  beforeAll(async () => {
    stack = await startStack(
      { demoMode: true, consoleDist: join(ROOT, 'apps/console/dist'), h5Dist: join(ROOT, 'apps/miniprogram/dist/h5'), chatServiceHours: '00:00-24:00', chatBotDelaySeconds: 3600 },
      { listen: true },
    );
    db = await e2eDataSource();
    // Only this test's advisor is online: the member (bound to advisor1 by the store QR) goes to them.
    await db.query(`UPDATE advisor_presence SET last_seen = NULL`);
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  it('H5 chat → console workbench reply → ticket created from the conversation and resolved → member sees it resolved', async () => {
    const phone = `1993${String(Date.now()).slice(-7)}`;
    const nickname = `客服${phone.slice(-3)}`;
    const question = '面霜用了两天脸有点发红，还能继续用吗？';
    const answer = '请先暂停使用，用清水洗脸，我帮您登记一下';

    const con = await openBrowser({ width: 1440, height: 900 });
    const mp = await openBrowser({ width: 390, height: 844 });
    try {
      // The advisor opens the workbench: the socket connects and they are online.
      await consoleLogin(con.page, stack.apiUrl, 'advisor1', '/console/service/inbox');
      await con.page.locator('#chat-connection[data-state="connected"]').waitFor({ timeout: 30_000 });

      // The member joins through advisor1's store QR, opens 在线客服 and writes.
      await joinInMiniProgram(mp.page, stack.apiUrl, phone, nickname);
      await mp.page.goto(H5(stack, '/packages/service/pages/chat/index'));
      await mp.page.locator('#chat[data-connection="online"]').waitFor({ timeout: 30_000 });
      await mp.page.locator('textarea[placeholder="请输入消息"]').fill(question);
      await mp.page.locator('#chat-send').click();
      await mp.page.locator('.chat-message[data-sender="member"]').filter({ hasText: question }).waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'service-1-member-writes');

      // The conversation arrives in the advisor's inbox in real time; they open it with the customer 360 beside it.
      const item = con.page.locator('#inbox-list .conversation-item').filter({ hasText: nickname });
      await item.waitFor({ timeout: 20_000 });
      await item.click();
      await con.page.locator('#message-list .chat-message').filter({ hasText: question }).waitFor({ timeout: 15_000 });
      await con.page.locator('#customer-360 #c360-name').filter({ hasText: nickname }).waitFor({ timeout: 15_000 });
      await con.page.locator('#composer-input').fill(answer);
      await con.page.locator('#composer-send').click();
      await con.page.locator('#message-list .chat-from-advisor').filter({ hasText: answer }).waitFor({ timeout: 15_000 });

      // The member sees the answer without reloading, and the advisor sees it read.
      await mp.page.locator('.chat-message[data-sender="advisor"]').filter({ hasText: answer }).waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'service-2-member-sees-answer');
      await con.page.locator('#message-list .chat-from-advisor .message-read').first().waitFor({ timeout: 15_000 });
      await shot(con.page, 'service-3-console-workbench-360');

      // From the conversation the advisor files an allergy ticket, opens it from the 360 panel and resolves it.
      await con.page.locator('#conversation-ticket').click();
      await con.page.locator('#ticket-form').waitFor();
      await pick(con.page, 'ticket-category', '过敏不适');
      await con.page.locator('#ticket-title').fill('面霜使用后发红');
      await con.page.locator('#ticket-description').fill('会员反馈使用两天后脸颊发红，已建议暂停使用');
      await con.page.locator('#ticket-submit').click();
      const ticketLink = con.page.locator('#c360-tickets .c360-ticket a').filter({ hasText: 'T' }).first();
      await ticketLink.waitFor({ timeout: 15_000 });
      const [ticket] = await db.query(`SELECT t.id, t.ticket_no, t.status, t.conversation_id IS NOT NULL AS linked FROM ticket t JOIN member m ON m.id = t.member_id WHERE m.nickname = $1`, [nickname]);
      expect(ticket).toMatchObject({ status: 'new', linked: true });
      await ticketLink.click();
      await con.page.locator(`#ticket-detail[data-ticket-id="${ticket.id}"]`).waitFor({ timeout: 15_000 });
      await con.page.locator('[data-ticket-action="resolved"]').click();
      const note = con.page.locator('#ticket-status-note');
      if (await note.count()) await note.fill('已为您办理退货，并补偿积分');
      await con.page.locator('#ticket-status-submit').click();
      await con.page.locator('#ticket-status').filter({ hasText: '已解决' }).waitFor({ timeout: 15_000 });
      await shot(con.page, 'service-4-console-ticket-resolved');
      expect((await db.query(`SELECT status FROM ticket WHERE id = $1`, [ticket.id]))[0].status).toBe('resolved');

      // The member follows the ticket in 我的工单.
      await mp.page.goto(H5(stack, '/packages/service/pages/tickets/index'));
      const mine = mp.page.locator(`.ticket-item[data-ticket-id="${ticket.id}"]`);
      await mine.waitFor({ timeout: 15_000 });
      await mine.filter({ hasText: '已解决' }).waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'service-5-member-ticket-resolved');
      expect([...con.errors, ...mp.errors].filter((e) => !/favicon|ResizeObserver/.test(e))).toEqual([]);
    } finally {
      await con.context.close();
      await mp.context.close();
    }
  });
});
