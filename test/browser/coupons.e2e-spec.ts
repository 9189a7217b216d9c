import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { mpShot, openBrowser, shot } from '../support/browser';
import { answerSubscribePrompt, consoleLogin, joinInMiniProgram } from '../support/miniprogram';
import { e2eDataSource, startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');
const H5 = (stack: Stack, path: string) => `${stack.apiUrl}/h5/#${path}`;

describe('A marketer publishes a coupon, a member claims it, uses it in store and pays online with another', () => {
  let stack: Stack;
  let db: DataSource;

  beforeAll(async () => {
    stack = await startStack({ demoMode: true, consoleDist: join(ROOT, 'apps/console/dist'), h5Dist: join(ROOT, 'apps/miniprogram/dist/h5') }, { listen: true });
    db = await e2eDataSource();
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  it('console template → claim center → wallet → till with the coupon → online checkout paid through WeChat Pay', async () => {
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const name = `到店立减30 ${code.slice(-4)}`;
    const phone = `1994${String(Date.now()).slice(-7)}`;
    const receiptNo = `R${Date.now().toString(36).toUpperCase()}`;

    const mp = await openBrowser({ width: 390, height: 844 });
    const con = await openBrowser({ width: 1366, height: 900 });
    const till = await openBrowser({ width: 1366, height: 900 });
    try {
      // The marketer creates the template, sees the member's preview, saves and publishes it.
      await consoleLogin(con.page, stack.apiUrl, 'marketer', '/console/coupons');
      await con.page.locator('#coupon-create').click();
      await con.page.locator('#coupon-template-form').waitFor();
      await con.page.locator('#coupon-name').fill(name);
      await con.page.locator('#coupon-code').fill(code);
      await con.page.locator('#coupon-amount').fill('30');
      await con.page.locator('#coupon-min-spend').fill('0');
      await con.page.locator('#coupon-valid-days').fill('30');
      await con.page.locator('#coupon-claimable').click();
      await con.page.locator('#coupon-stock').fill('100');
      await con.page.locator('#coupon-per-member').fill('1');
      await con.page.locator('#coupon-preview .coupon-face-headline').filter({ hasText: '¥30' }).waitFor({ timeout: 15_000 });
      await expect(con.page.locator('#coupon-preview .coupon-face-condition').textContent()).resolves.toContain('无门槛');
      await shot(con.page, 'coupons-1-console-template-preview');
      await con.page.locator('#coupon-save').click();
      const row = con.page.locator(`tr[data-template-code="${code}"]`);
      await row.waitFor({ timeout: 15_000 });
      await row.locator('[data-action="publish"]').click();
      await con.page.locator('#coupon-confirm-publish').click();
      await row.filter({ hasText: '进行中' }).waitFor({ timeout: 15_000 });
      await shot(con.page, 'coupons-2-console-template-published');
      const [{ id: templateId }] = await db.query(`SELECT id FROM coupon_template WHERE code = $1 AND status = 'active'`, [code]);

      // The member joins, claims it in the claim center and finds it in the wallet with its code.
      await joinInMiniProgram(mp.page, stack.apiUrl, phone, '小券');
      await mp.page.locator('#claim-center-entry').click();
      const ticket = mp.page.locator(`.claim-ticket[data-template-id="${templateId}"]`);
      await ticket.waitFor({ timeout: 15_000 });
      await ticket.locator('.claim-button').click();
      await answerSubscribePrompt(mp.page, '优惠券到账提醒');
      await mp.page.locator(`.claim-ticket[data-template-id="${templateId}"][data-state="claimed"]`).waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'coupons-3-claim-center');
      await mp.page.goto(H5(stack, '/packages/coupon/pages/wallet/index'));
      const [coupon] = await db.query(`SELECT c.id, c.code FROM member_coupon c WHERE c.template_id = $1`, [templateId]);
      const card = mp.page.locator(`.wallet-coupon[data-coupon-id="${coupon.id}"]`);
      await card.waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'coupons-4-wallet');
      await mp.page.goto(H5(stack, `/packages/coupon/pages/detail/index?id=${coupon.id}`));
      await mp.page.locator('#coupon-code').filter({ hasText: coupon.code }).waitFor({ timeout: 15_000 });
      await mp.page.locator('#coupon-qr').waitFor();
      await mpShot(mp.page, 'coupons-5-coupon-code');

      // At the till (another browser, advisor1 of SH01) the advisor types the member code; the member's coupon is offered and taken off the receipt.
      await mp.page.goto(H5(stack, '/packages/loyalty/pages/member-code/index'));
      await mp.page.locator('#member-code-text').waitFor({ timeout: 15_000 });
      const memberCode = ((await mp.page.locator('#member-code-text').textContent()) ?? '').replace(/\s/g, '');
      await consoleLogin(till.page, stack.apiUrl, 'advisor1', '/console/purchases');
      await till.page.locator('#member-code-input').fill(memberCode);
      await till.page.locator('#member-code-input').press('Enter');
      await till.page.locator('#till-member').waitFor({ timeout: 15_000 });
      const offered = till.page.locator(`#till-coupons [data-coupon-code="${coupon.code}"]`);
      await offered.waitFor({ timeout: 15_000 });
      await offered.click();
      await till.page.locator('#purchase-mode').getByText('仅小票').click();
      await till.page.locator('#receipt-no').fill(receiptNo);
      await till.page.locator('#total-yuan').fill('199');
      await shot(till.page, 'coupons-6-console-till-with-coupon');
      await till.page.locator('#purchase-submit').click();
      await till.page.locator('#purchase-result').waitFor({ timeout: 15_000 });
      await expect(till.page.locator('#purchase-result-coupons').textContent()).resolves.toContain(name);
      await expect(till.page.locator('#purchase-result-total').textContent()).resolves.toContain('169.00');
      await shot(till.page, 'coupons-7-console-purchase-with-coupon');
      const [used] = await db.query(`SELECT c.status, o.total_fen FROM member_coupon c JOIN sales_order o ON o.id = c.order_id WHERE c.id = $1`, [coupon.id]);
      expect(used).toEqual({ status: 'used', total_fen: 16900 });

      // The member claims the demo brand's new-member coupon and buys online: the best coupon is applied, WeChat Pay
      // (the sandbox) takes the money, and the order turns paid when the payment notification arrives.
      await mp.page.goto(H5(stack, '/packages/coupon/pages/claim-center/index'));
      const [{ id: newMemberTemplate }] = await db.query(`SELECT id FROM coupon_template WHERE code = 'NEW-10'`);
      const newTicket = mp.page.locator(`.claim-ticket[data-template-id="${newMemberTemplate}"]`);
      await newTicket.waitFor({ timeout: 15_000 });
      await newTicket.locator('.claim-button').click();
      await answerSubscribePrompt(mp.page, '优惠券到账提醒', false);
      await mp.page.locator(`.claim-ticket[data-template-id="${newMemberTemplate}"][data-state="claimed"]`).waitFor({ timeout: 15_000 });
      await mp.page.goto(H5(stack, '/pages/index/index'));
      await mp.page.locator('#shop-entry').click();
      await mp.page.locator('#shop').waitFor({ timeout: 15_000 });
      const product = mp.page.locator('.shop-product').first();
      await product.waitFor({ timeout: 15_000 });
      await product.locator('.add-to-cart').click();
      await mpShot(mp.page, 'coupons-8-shop');
      await mp.page.locator('#go-checkout').click();
      await mp.page.locator('#checkout-best-hint').waitFor({ timeout: 15_000 });
      await expect(mp.page.locator('#checkout-discount').textContent()).resolves.toContain('10');
      await mpShot(mp.page, 'coupons-9-checkout-best-coupon');
      await mp.page.locator('#checkout-submit').click();
      await mp.page.locator('#sandbox-pay-confirm').waitFor({ timeout: 20_000 });
      await mpShot(mp.page, 'coupons-10-sandbox-pay');
      await mp.page.locator('#sandbox-pay-confirm').click();
      await mp.page.locator('#pay-success').waitFor({ timeout: 30_000 });
      await mpShot(mp.page, 'coupons-11-paid');
      const [online] = await db.query(
        `SELECT o.status, c.status AS coupon_status FROM sales_order o JOIN member_coupon c ON c.order_id = o.id
          WHERE o.channel = 'online' AND c.template_id = $1 ORDER BY o.created_at DESC LIMIT 1`,
        [newMemberTemplate],
      );
      expect(online).toEqual({ status: 'paid', coupon_status: 'used' });

      // The used coupons move to the wallet's 已使用 tab.
      await mp.page.goto(H5(stack, '/packages/coupon/pages/wallet/index?tab=used'));
      await mp.page.locator(`.wallet-coupon[data-coupon-id="${coupon.id}"]`).waitFor({ timeout: 15_000 });
      await mpShot(mp.page, 'coupons-12-wallet-used');

      expect(mp.errors).toEqual([]);
      expect(con.errors).toEqual([]);
      expect(till.errors).toEqual([]);
    } finally {
      await mp.context.close();
      await con.context.close();
      await till.context.close();
    }
  });
});
