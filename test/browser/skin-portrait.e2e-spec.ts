import { join } from 'node:path';
import { type Question, STANDARD_QUESTIONNAIRE } from '@glow/domain';
import type { Page } from 'playwright-core';
import { PERSONAS } from '../../libs/domain/src/skin/testing/personas';
import { openBrowser, shot } from '../support/browser';
import { consoleLogin, joinInMiniProgram } from '../support/miniprogram';
import { must } from '../support/skin';
import { startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');
const PERSONA = must(PERSONAS.find((p) => p.name === 'oily with inflamed acne'), 'persona');
const labelOf = (q: Question, key: string) => must(q.options?.find((o) => o.key === key), `option ${key}`).label;

/** Answers the skin test screen by screen as the persona would, tapping the options by their labels. */
async function answerSkinTest(page: Page): Promise<void> {
  const questions = STANDARD_QUESTIONNAIRE.definition.questions;
  for (const [i, q] of questions.entries()) {
    await page.locator('#skin-progress-text').filter({ hasText: `${i + 1} / ${questions.length}` }).waitFor();
    await page.locator('#skin-question-title').filter({ hasText: q.title }).waitFor();
    const a = PERSONA.answers.find((x) => x.questionKey === q.key);
    const last = i === questions.length - 1;
    if (q.kind === 'scale') {
      await page.locator('.skin-scale-option').filter({ hasText: new RegExp(`^\\s*${a?.value}\\s*$`) }).click();
    } else if (q.kind === 'single') {
      await page.locator('.skin-option').filter({ hasText: labelOf(q, must(a?.optionKeys, 'an answer')[0]) }).click();
    } else if (q.kind === 'multiple') {
      for (const key of must(a?.optionKeys, 'an answer')) await page.locator('.skin-option').filter({ hasText: labelOf(q, key) }).click();
      if (!last) await page.locator('#skin-next').click();
    } else if (!last) {
      await page.locator('#skin-next').click();
    }
    if (i === 2) await shot(page, 'skin-2-question');
  }
}

describe('A member takes the skin test in the mini-program and their advisor sees it in the console', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ demoMode: true, consoleDist: join(ROOT, 'apps/console/dist'), h5Dist: join(ROOT, 'apps/miniprogram/dist/h5') }, { listen: true });
  });
  afterAll(() => stack.close());

  it('consent, one question per screen, a result with recommendations; the advisor reads the portrait and tags the member', async () => {
    const phone = `1991${String(Date.now()).slice(-7)}`;

    const mp = await openBrowser({ width: 390, height: 844 });
    try {
      await joinInMiniProgram(mp.page, stack.apiUrl, phone, '小油');
      await mp.page.locator('#profile-completeness').waitFor();
      await shot(mp.page, 'skin-0-home-nudge');
      await mp.page.locator('#skin-test-entry').click();

      await mp.page.locator('#skin-consent').waitFor({ timeout: 15_000 });
      await expect(mp.page.locator('#skin-consent').textContent()).resolves.toContain('敏感个人信息');
      await shot(mp.page, 'skin-1-consent');
      await mp.page.locator('#skin-consent-agree').click();

      await answerSkinTest(mp.page);
      await mp.page.locator('#skin-submit').click();

      await mp.page.locator('#skin-result').waitFor({ timeout: 15_000 });
      await expect(mp.page.locator('#skin-summary').textContent()).resolves.toContain('油性');
      await expect(mp.page.locator('#skin-concerns').textContent()).resolves.toContain('痘痘');
      const items = mp.page.locator('.recommend-item');
      await items.first().waitFor();
      expect(await items.count()).toBeGreaterThan(2);
      await expect(items.first().locator('.recommend-reason').textContent()).resolves.toMatch(/适合|改善|祛痘|控/);
      await shot(mp.page, 'skin-3-result');
      await items.first().click();
      await mp.page.locator('#product-sheet').waitFor();
      expect(mp.errors).toEqual([]);
    } finally {
      await mp.context.close();
    }

    const con = await openBrowser({ width: 1366, height: 900 });
    try {
      await consoleLogin(con.page, stack.apiUrl, 'advisor1', '/console/members');
      const search = con.page.locator('#member-search');
      await search.waitFor();
      await search.fill(phone);
      await search.press('Enter');
      await con.page.waitForFunction(() => document.querySelectorAll('tr[data-row-key]').length === 1, undefined, { timeout: 15_000 });
      await con.page.locator('tr[data-row-key]').filter({ hasText: '小油' }).click();

      await con.page.locator('#skin-profile').waitFor();
      await con.page.locator('#skin-current').waitFor();
      await expect(con.page.locator('#skin-profile').textContent()).resolves.toContain('油性');
      await expect(con.page.locator('#skin-latest-answers').textContent()).resolves.toContain(STANDARD_QUESTIONNAIRE.definition.questions[0].title);
      await expect(con.page.locator('#member-tags').textContent()).resolves.toContain('痘痘困扰');
      await expect(con.page.locator('#audit-note').textContent()).resolves.toContain('审计日志');

      await con.page.locator('#tag-input').fill('爱试色');
      await con.page.locator('#tag-input').press('Enter');
      await con.page.locator('#member-tags').filter({ hasText: '爱试色' }).waitFor();
      await shot(con.page, 'skin-4-console-portrait');
      expect(con.errors).toEqual([]);
    } finally {
      await con.context.close();
    }

    // A marketer reads the click-through of recommendations (the demo history plus this member's click).
    const mk = await openBrowser({ width: 1366, height: 900 });
    try {
      await consoleLogin(mk.page, stack.apiUrl, 'marketer', '/console/recommendations');
      await mk.page.locator('#recommendation-report').waitFor();
      await mk.page.locator('#chart-ctr-position canvas').waitFor();
      await mk.page.locator('#chart-top-products canvas').waitFor();
      await expect(mk.page.locator('#stat-clicks').textContent()).resolves.toMatch(/[1-9]/);
      await mk.page.waitForTimeout(1500);
      await shot(mk.page, 'skin-5-console-recommendation-report');

      await mk.page.locator('.ant-menu-item').filter({ hasText: '商品管理' }).click();
      await mk.page.locator('#product-table tr[data-row-key]').first().waitFor();
      await shot(mk.page, 'catalog-1-products');
      await mk.page.locator('.ant-menu-item').filter({ hasText: '肤质问卷' }).click();
      // The questionnaire table's own rows: a bare `tr[data-row-key]` could still match the product table leaving.
      await mk.page.locator('#questionnaire-table tr[data-row-key]').first().click();
      await mk.page.locator('#questionnaire-editor').waitFor();
      await shot(mk.page, 'questionnaire-1-editor');
      expect(mk.errors).toEqual([]);
    } finally {
      await mk.context.close();
    }
  });
});
