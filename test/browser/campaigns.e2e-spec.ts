import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openBrowser, shot } from '../support/browser';
import { consoleLogin } from '../support/miniprogram';
import { e2eDataSource, startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');

/** Opens an Ant Design select by its input id and picks the option whose title contains `text`. */
async function pick(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(`.ant-select:has(#${selectId})`).click();
  const option = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title*="${text}"]`).first();
  await option.waitFor();
  await option.click();
  await page.locator(`.ant-select:has(#${selectId}) .ant-select-content, .ant-select:has(#${selectId}) .ant-select-selection-item`).filter({ hasText: text }).first().waitFor({ timeout: 5000 });
}

describe('A marketer builds a segment, launches a campaign to it and reads the results', () => {
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

  it('segment with a live count → one-off campaign issuing a coupon → its dashboard with charts → store analytics', async () => {
    const suffix = Date.now().toString(36).slice(-4);
    const segmentName = `上海会员${suffix}`;
    const campaignName = `上海回馈${suffix}`;
    const [{ n: shanghai }] = await db.query(`SELECT count(*)::int AS n FROM member WHERE city = '上海' AND deleted_at IS NULL`);

    const con = await openBrowser({ width: 1440, height: 960 });
    try {
      // The segment: one condition, city is 上海; the count follows the rule as it is edited.
      await consoleLogin(con.page, stack.apiUrl, 'marketer', '/console/segments');
      await con.page.locator('#segment-new').click();
      await con.page.locator('#segment-form').waitFor();
      await con.page.locator('#segment-name').fill(segmentName);
      await con.page.locator('[data-segment-add-condition]').first().click();
      const field = con.page.locator('[data-segment-field]').first();
      await field.click();
      await con.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="城市"]').click();
      const values = con.page.locator('[data-segment-condition] input[id$="-values"]').first();
      await values.fill('上海');
      await values.press('Enter');
      await con.page.locator('#segment-count').filter({ hasText: String(shanghai) }).waitFor({ timeout: 20_000 });
      await expect(con.page.locator('#segment-summary').textContent()).resolves.toContain('上海');
      await shot(con.page, 'campaigns-1-segment-live-count');
      await con.page.locator('#segment-save').click();
      await con.page.locator('#segment-table tr[data-segment-id]').filter({ hasText: segmentName }).waitFor({ timeout: 15_000 });
      await shot(con.page, 'campaigns-2-segments');

      // The campaign: that segment, the NEW-10 coupon, run at once.
      await con.page.goto(`${stack.apiUrl}/console/campaigns`);
      await con.page.locator('#campaign-new').click();
      await con.page.locator('#campaign-form').waitFor();
      await con.page.locator('#campaign-name').fill(campaignName);
      await pick(con.page, 'campaign-segment', segmentName);
      await pick(con.page, 'campaign-action-coupon', 'NEW-10');
      await shot(con.page, 'campaigns-3-campaign-editor');
      await con.page.locator('#campaign-save').click();
      const row = con.page.locator('tr[data-campaign-id]').filter({ hasText: campaignName });
      await row.waitFor({ timeout: 15_000 });
      await row.locator('[data-campaign-launch]').click();
      await con.page.locator('#campaign-confirm-launch').click();
      await row.filter({ hasText: '已完成' }).waitFor({ timeout: 60_000 });
      await shot(con.page, 'campaigns-4-campaign-completed');
      const [run] = await db.query(
        `SELECT r.audience, r.touched, r.holdout FROM campaign_run r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = $1`,
        [campaignName],
      );
      expect(run.audience).toBe(shanghai);
      expect(run.touched + run.holdout).toBe(shanghai);

      // Its dashboard: the funnel and the daily line are drawn.
      await row.locator('[data-campaign-report]').click();
      await con.page.locator('#campaign-report').waitFor({ timeout: 15_000 });
      await con.page.locator('#campaign-funnel canvas').first().waitFor({ timeout: 15_000 });
      await con.page.locator('#campaign-daily canvas').first().waitFor({ timeout: 15_000 });
      await expect(con.page.locator('#campaign-report-name').textContent()).resolves.toBe(campaignName);
      await shot(con.page, 'campaigns-5-campaign-dashboard');

      // Store-wide analytics with charts.
      await con.page.goto(`${stack.apiUrl}/console/analytics`);
      await con.page.locator('#analytics-page').waitFor({ timeout: 15_000 });
      await con.page.locator('#analytics-sales canvas').first().waitFor({ timeout: 20_000 });
      await con.page.locator('#analytics-cohorts canvas').first().waitFor({ timeout: 20_000 });
      await shot(con.page, 'campaigns-6-store-analytics');
      expect(con.errors).toEqual([]);
    } finally {
      await con.context.close();
    }
  });
});
