import { join } from 'node:path';
import type { RewardView } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { mpShot, openBrowser, shot } from '../support/browser';
import { as } from '../support/skin';
import { consoleLogin, joinInMiniProgram } from '../support/miniprogram';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, staffLogin } from '../support/wechat-user';

const ROOT = join(__dirname, '..', '..');
const H5 = (stack: Stack, path: string) => `${stack.apiUrl}/h5/#${path}`;

describe('A member earns points at the till with the member code and redeems a reward the advisor hands over', () => {
  let stack: Stack;
  let db: DataSource;
  let admin: string;
  let reward: RewardView;

  beforeAll(async () => {
    stack = await startStack({ demoMode: true, consoleDist: join(ROOT, 'apps/console/dist'), h5Dist: join(ROOT, 'apps/miniprogram/dist/h5') }, { listen: true });
    db = await e2eDataSource();
    admin = (await staffLogin(stack, 'admin')).accessToken;
    const marketer = (await staffLogin(stack, 'marketer')).accessToken;
    const [{ id: productId }] = await db.query(`SELECT id FROM product WHERE sku = 'GL-SK-001'`);
    const res = await api(stack)
      .post('/api/staff/loyalty/rewards')
      .set(as(marketer))
      .send({ kind: 'product', name: `洁面小样 ${Date.now().toString(36)}`, description: '到店领取', pointsCost: 300, stockTotal: 10, perMemberLimit: 1, productId, active: true });
    if (res.status !== 201) throw new Error(`reward answered ${res.status}: ${JSON.stringify(res.body)}`);
    reward = res.body as RewardView;
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  it('member code at the till, ¥599 receipt, 599 points after the return window, redeem in the mall, pick up in store', async () => {
    const phone = `1993${String(Date.now()).slice(-7)}`;
    const receiptNo = `R${Date.now().toString(36).toUpperCase()}`;

    const mp = await openBrowser({ width: 390, height: 844 });
    const con = await openBrowser({ width: 1366, height: 900 });
    try {
      // The member joins and opens their member code.
      await joinInMiniProgram(mp.page, stack.apiUrl, phone, '小积');
      await expect(mp.page.locator('#points-balance').textContent()).resolves.toBe('0');
      await mp.page.locator('#member-code-entry').click();
      await mp.page.locator('#member-code-text').waitFor({ timeout: 15_000 });
      await mp.page.locator('#member-code-qr').waitFor();
      const code = ((await mp.page.locator('#member-code-text').textContent()) ?? '').replace(/\s/g, '');
      expect(code).toMatch(/^[23456789A-HJ-NP-Z]{10}\d{8}$/);
      await mpShot(mp.page, 'loyalty-1-member-code');

      // The advisor at SH01 types (or scans) it at the till and records a receipt of ¥599.
      await consoleLogin(con.page, stack.apiUrl, 'advisor1', '/console/purchases');
      await con.page.locator('#member-code-input').waitFor();
      await con.page.locator('#member-code-input').fill(code);
      await con.page.locator('#member-code-input').press('Enter');
      await con.page.locator('#till-member').waitFor({ timeout: 15_000 });
      await expect(con.page.locator('#till-member').textContent()).resolves.toContain('小积');
      await expect(con.page.locator('#till-member').textContent()).resolves.toContain(phone.slice(-4));
      await con.page.locator('#purchase-mode').getByText('仅小票').click();
      await con.page.locator('#total-yuan').waitFor();
      await con.page.locator('#receipt-no').fill(receiptNo);
      await con.page.locator('#total-yuan').fill('599');
      await expect(con.page.locator('#purchase-total').textContent()).resolves.toContain('599.00');
      await shot(con.page, 'loyalty-2-console-till');
      await con.page.locator('#purchase-submit').click();
      await con.page.locator('#purchase-result').waitFor({ timeout: 15_000 });
      await expect(con.page.locator('#purchase-result-total').textContent()).resolves.toContain('599.00');
      await expect(con.page.locator('#purchase-result-points').textContent()).resolves.toBe('599');
      await expect(con.page.locator('#purchase-result').textContent()).resolves.toContain(receiptNo);
      await shot(con.page, 'loyalty-3-console-purchase-recorded');

      const [member] = await db.query(`SELECT m.id FROM member m JOIN sales_order o ON o.member_id = m.id WHERE o.receipt_no = $1`, [receiptNo]);
      expect(member?.id).toBeTruthy();

      // Seven days later: the return window has passed and the hourly job activates the points.
      await db.query(`UPDATE points_lot SET activates_at = now() - interval '1 minute' WHERE member_id = $1 AND status = 'pending'`, [member.id]);
      await api(stack).post('/api/staff/jobs/points-activate/run').set(as(admin)).expect(200);

      // The member sees the balance on the home page and on the points page.
      await mp.page.goto(H5(stack, '/pages/index/index'));
      await mp.page.locator('#points-balance').filter({ hasText: '599' }).waitFor({ timeout: 15_000 });
      await mp.page.goto(H5(stack, '/packages/loyalty/pages/points/index'));
      await mp.page.locator('#points-summary-balance').filter({ hasText: '599' }).waitFor({ timeout: 15_000 });
      await mp.page.locator('#points-history .points-entry').first().waitFor();
      await mpShot(mp.page, 'loyalty-4-points-599');

      // The mall, the reward, redeem and confirm: the pickup code shows.
      await mp.page.goto(H5(stack, '/pages/index/index'));
      await mp.page.locator('#mall-entry').click();
      const item = mp.page.locator('.reward-item').filter({ hasText: reward.name });
      await item.waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'loyalty-5-mall');
      await item.click();
      await mp.page.locator('#reward-page').waitFor({ timeout: 15_000 });
      await expect(mp.page.locator('#reward-name').textContent()).resolves.toContain(reward.name);
      await mp.page.locator('#redeem-button').click();
      await mp.page.locator('#redeem-confirm').waitFor();
      await mpShot(mp.page, 'loyalty-6-redeem-confirm');
      await mp.page.locator('#redeem-confirm').click();
      await mp.page.locator('#pickup-code').waitFor({ timeout: 15_000 });
      const pickupCode = ((await mp.page.locator('#pickup-code').textContent()) ?? '').replace(/\s/g, '');
      expect(pickupCode).toMatch(/^[0-9A-Z]{8}$/);
      await mp.page.locator('#pickup-qr').waitFor();
      await mpShot(mp.page, 'loyalty-7-pickup-code');

      const [{ balance }] = await db.query(`SELECT balance FROM points_account WHERE member_id = $1`, [member.id]);
      expect(Number(balance)).toBe(599 - 300);

      // Back at the store: the advisor checks the pickup code and hands the reward over.
      await con.page.goto(`${stack.apiUrl}/console/redemptions`);
      await con.page.locator('#pickup-code-input').waitFor();
      await con.page.locator('#pickup-code-input').fill(pickupCode);
      await con.page.locator('#pickup-submit').click();
      await con.page.locator('#pickup-result').waitFor({ timeout: 15_000 });
      await expect(con.page.locator('#pickup-result').textContent()).resolves.toContain(reward.name);
      await shot(con.page, 'loyalty-8-console-pickup-fulfilled');

      const [redemption] = await db.query(`SELECT status FROM redemption WHERE pickup_code = $1`, [pickupCode]);
      expect(redemption.status).toBe('fulfilled');

      // The member's redemption page now says it was picked up.
      await mp.page.reload();
      await mp.page.locator('#redemption-fulfilled').waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'loyalty-9-member-redemption-fulfilled');

      expect(mp.errors).toEqual([]);
      expect(con.errors).toEqual([]);
    } finally {
      await mp.context.close();
      await con.context.close();
    }
  });
});
