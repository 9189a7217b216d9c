import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openBrowser, shot } from '../support/browser';
import { answerSubscribePrompt, consoleLogin, joinInMiniProgram } from '../support/miniprogram';
import { e2eDataSource, startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');

describe('A member books a try-on in the mini-program and the advisor checks them in from the console', () => {
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

  it('store, service, day, slot, confirm; the code shows in the mini-program and checks the member in at the store', async () => {
    const phone = `1992${String(Date.now()).slice(-7)}`;
    let code = '';
    let bookingId = '';

    const mp = await openBrowser({ width: 390, height: 844 });
    try {
      await joinInMiniProgram(mp.page, stack.apiUrl, phone, '小约');
      await mp.page.locator('#booking-entry').click();
      await mp.page.locator('.store-item').filter({ hasText: '上海静安嘉里中心店' }).click();
      await mp.page.locator('.service-item').filter({ hasText: '新品试妆' }).click();
      await mp.page.locator('#date-strip .date-item').nth(2).click();
      await mp.page.locator('#slot-grid .slot-item').first().waitFor();
      await shot(mp.page, 'booking-1-slots');
      await mp.page.locator('#slot-grid .slot-item').nth(3).click();
      await mp.page.locator('#booking-confirm').click();
      await answerSubscribePrompt(mp.page, '预约提醒');

      await mp.page.locator('#booking-detail').waitFor({ timeout: 15_000 });
      code = ((await mp.page.locator('#check-in-code').textContent()) ?? '').replace(/\D/g, '');
      expect(code).toMatch(/^\d{6}$/);
      await mp.page.locator('#check-in-qr').waitFor();
      await shot(mp.page, 'booking-2-detail-with-code');
      expect(mp.errors).toEqual([]);
    } finally {
      await mp.context.close();
    }

    const [row] = await db.query(`SELECT b.id, s.name FROM booking b JOIN store s ON s.id = b.store_id WHERE b.check_in_code = $1 AND b.status = 'booked'`, [code]);
    expect(row.name).toBe('上海静安嘉里中心店');
    bookingId = row.id;
    // The member arrives: the visit is now a quarter of an hour away, inside the check-in window.
    await db.query(`UPDATE booking SET starts_at = now() + interval '15 minutes', ends_at = now() + interval '45 minutes' WHERE id = $1`, [bookingId]);

    const con = await openBrowser({ width: 1366, height: 900 });
    try {
      await consoleLogin(con.page, stack.apiUrl, 'manager1', '/console/appointments');
      await con.page.locator('#appointment-calendar').waitFor();
      await con.page.locator('#check-in-code').waitFor();
      await shot(con.page, 'booking-3-console-calendar');
      await con.page.locator('#check-in-code').fill(code);
      await con.page.locator('#check-in-submit').click();
      await con.page.getByText('小约').first().waitFor({ timeout: 15_000 });
      await shot(con.page, 'booking-4-console-checked-in');
      expect(con.errors).toEqual([]);
    } finally {
      await con.context.close();
    }
    const [after] = await db.query(`SELECT status FROM booking WHERE id = $1`, [bookingId]);
    expect(after.status).toBe('checked_in');
  });
});
