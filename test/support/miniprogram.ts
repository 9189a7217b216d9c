import type { Page } from 'playwright-core';

/** Types into a Taro/NutUI input: the id sits on the component, the real <input> may be inside it. */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  const inner = page.locator(`#${id} input, input#${id}`).first();
  await inner.waitFor();
  await inner.fill(value);
}

/** Joins in the H5 mini-program as a new member with the given phone (demo mode simulates WeChat's phone button). */
export async function joinInMiniProgram(page: Page, apiUrl: string, phone: string, nickname: string, scene = 's=SH01&a=A001'): Promise<void> {
  await page.goto(`${apiUrl}/h5/#/pages/index/index?scene=${encodeURIComponent(scene)}`);
  await page.locator('#join-cta').waitFor({ timeout: 30_000 });
  await page.locator('#join-cta').click();
  await page.locator('#policy-title').waitFor();
  await fill(page, 'demo-phone-input', phone);
  await page.locator('#demo-phone-button').click();
  await page.locator('#phone-status').filter({ hasText: phone.slice(-4) }).waitFor();
  await fill(page, 'nickname-input', nickname);
  await page.locator('#consent-checkbox').click();
  await page.locator('#join-submit').click();
  await page.locator('#member-card').waitFor({ timeout: 30_000 });
}

/**
 * Answers the H5 demo's stand-in for WeChat's subscribe prompt (a Taro modal naming the messages, e.g. 预约提醒):
 * 允许 records the credits at the WeChat sandbox, 拒绝 grants none.
 */
export async function answerSubscribePrompt(page: Page, label: string, allow = true): Promise<void> {
  await page.locator('.taro-modal__text').filter({ hasText: `「${label}」` }).waitFor({ timeout: 15_000 });
  await page.locator(allow ? '.taro-model__confirm' : '.taro-model__cancel').click();
}

/** Signs in to the console as a demo staff member. */
export async function consoleLogin(page: Page, apiUrl: string, username: string, path = '/console/'): Promise<void> {
  await page.goto(`${apiUrl}${path}`);
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('glow1234');
  await page.locator('#login-submit').click();
  await page.locator('#staff-name').waitFor();
}
