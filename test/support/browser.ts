// page.evaluate callbacks below run in the browser, so this file also sees the DOM types.
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '..', 'output');

/** Debian's Chromium, headless, with the flags this sandboxed machine needs (no background network). */
export async function openBrowser(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'glow-chromium-')), {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Taro's H5 router slides pages in; wait until the page fits the phone's width again before a screenshot. */
export async function mpShot(page: Page, name: string): Promise<void> {
  const fits = () => document.documentElement.scrollWidth <= window.innerWidth;
  const settled = await page.waitForFunction(fits, undefined, { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!settled) {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`),
    );
    throw new Error(`${name}: the page is wider than the phone (${await page.evaluate(() => document.documentElement.scrollWidth)}px): ${wide.join(', ')}`);
  }
  await shot(page, name);
}
