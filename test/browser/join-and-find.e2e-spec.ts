import { join } from 'node:path';
import { openBrowser, shot } from '../support/browser';
import { fill } from '../support/miniprogram';
import { startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');

describe('A consumer joins in the mini-program and staff find them in the console', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(
      { demoMode: true, consoleDist: join(ROOT, 'apps/console/dist'), h5Dist: join(ROOT, 'apps/miniprogram/dist/h5') },
      { listen: true },
    );
  });
  afterAll(() => stack.close());

  it('joins through the H5 mini-program, then a marketer finds the new member by phone and opens the audited record', async () => {
    const phone = `1990${String(Date.now()).slice(-7)}`;

    // The consumer, on a phone-sized screen.
    const mp = await openBrowser({ width: 390, height: 844 });
    try {
      await mp.page.goto(`${stack.apiUrl}/h5/#/pages/index/index?scene=${encodeURIComponent('s=SH01&a=A001')}`);
      await mp.page.locator('#join-cta').waitFor({ timeout: 30_000 });
      await shot(mp.page, 'miniprogram-1-home-before-joining');
      await mp.page.locator('#join-cta').click();

      await mp.page.locator('#policy-title').waitFor();
      await fill(mp.page, 'demo-phone-input', phone);
      await mp.page.locator('#demo-phone-button').click();
      await mp.page.locator('#phone-status').filter({ hasText: phone.slice(-4) }).waitFor();
      await fill(mp.page, 'nickname-input', '小雅');
      await fill(mp.page, 'city-input', '上海');
      await mp.page.locator('#consent-checkbox').click();
      await shot(mp.page, 'miniprogram-2-join-form');
      await mp.page.locator('#join-submit').click();

      await mp.page.locator('#member-card').waitFor({ timeout: 30_000 });
      await expect(mp.page.locator('#member-nickname').textContent()).resolves.toContain('小雅');
      const memberNo = (await mp.page.locator('#member-no').textContent())?.trim();
      expect(memberNo).toMatch(/[A-Z0-9]{10}/);
      await expect(mp.page.locator('#member-card').textContent()).resolves.toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      await shot(mp.page, 'miniprogram-3-member-card');
      expect(mp.errors).toEqual([]);
    } finally {
      await mp.context.close();
    }

    // The marketer, at a desk.
    const con = await openBrowser({ width: 1366, height: 900 });
    try {
      await con.page.goto(`${stack.apiUrl}/console/members`);
      await con.page.locator('#username').waitFor();
      await con.page.locator('#username').fill('marketer');
      await con.page.locator('#password').fill('glow1234');
      await shot(con.page, 'console-1-login');
      await con.page.locator('#login-submit').click();
      await con.page.locator('#staff-name').filter({ hasText: '陈思琪' }).waitFor();

      const search = con.page.locator('#member-search');
      await search.fill(phone);
      await search.press('Enter');
      // The list first shows everyone, newest first; the phone search narrows it to exactly this member.
      await con.page.waitForFunction(() => document.querySelectorAll('tr[data-row-key]').length === 1, undefined, { timeout: 15_000 });
      const row = con.page.locator('tr[data-row-key]').filter({ hasText: '小雅' });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('上海静安嘉里中心店');
      await shot(con.page, 'console-2-search-by-phone');
      await row.click();

      await con.page.locator('#member-detail').waitFor();
      await expect(con.page.locator('#member-phone').textContent()).resolves.toContain(phone);
      await expect(con.page.locator('#audit-note').textContent()).resolves.toContain('审计日志');
      await expect(con.page.locator('#member-detail').textContent()).resolves.toContain('王晓雯');
      await shot(con.page, 'console-3-member-detail');

      // The overview counts the new member in this month's WeChat joins.
      await con.page.locator('.ant-menu-item').filter({ hasText: '概览' }).click();
      await con.page.locator('#chart-joins canvas').waitFor();
      await con.page.locator('#chart-stores canvas').waitFor();
      await expect(con.page.locator('#stat-total').textContent()).resolves.toMatch(/\d/);
      // Let ECharts finish its entry animation so the screenshot shows the bars.
      await con.page.waitForTimeout(1500);
      await shot(con.page, 'console-4-overview');
      expect(con.errors).toEqual([]);
    } finally {
      await con.context.close();
    }
  });
});
