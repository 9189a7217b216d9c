import type {
  EarningRulesView,
  MemberAtTill,
  MemberCodeResponse,
  MemberRewardView,
  OrderView,
  Paged,
  PointsEntryView,
  PointsImportView,
  PointsSummary,
  RedemptionView,
  RewardView,
  SlotsResponse,
  StaffMemberPoints,
  TierView,
} from '@glow/contracts';
import { addDays, businessDate } from '@glow/domain';
import { Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { as, must, newMember, type TestMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, control, staffLogin } from '../support/wechat-user';

let seq = 0;
const key = (what: string) => `${what}-${Date.now().toString(36)}-${++seq}`;

describe('Loyalty: one membership online and in store — orders, points lots, tiers and the points mall', () => {
  let stack: Stack;
  let db: DataSource;
  let admin: string;
  let marketer: string;
  let advisorSh: string;
  let advisorBj: string;
  let sh01: string;
  let gz01: string;

  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
    [admin, marketer, advisorSh, advisorBj] = await Promise.all(['admin', 'marketer', 'advisor1', 'advisor3'].map(async (u) => (await staffLogin(stack, u)).accessToken));
    [{ id: sh01 }] = await db.query(`SELECT id FROM store WHERE code = 'SH01'`);
    [{ id: gz01 }] = await db.query(`SELECT id FROM store WHERE code = 'GZ01'`);
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  const memberCode = async (m: TestMember) => ((await api(stack).get('/api/loyalty/member-code').set(as(m.token)).expect(200)).body as MemberCodeResponse).code;
  const summary = async (m: TestMember) => (await api(stack).get('/api/loyalty/summary').set(as(m.token)).expect(200)).body as PointsSummary;
  const history = async (m: TestMember) => ((await api(stack).get('/api/loyalty/points/history?pageSize=100').set(as(m.token)).expect(200)).body as Paged<PointsEntryView>).items;
  const purchase = (token: string, body: object) => api(stack).post('/api/staff/orders/store-purchase').set(as(token)).send({ idempotencyKey: key('buy'), ...body });
  const receipt = async (m: TestMember, totalFen: number, token = advisorSh) => {
    const res = await purchase(token, { memberCode: await memberCode(m), receiptNo: key('R'), totalFen });
    if (res.status !== 201) throw new Error(`purchase answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as OrderView;
  };
  const runJob = async (name: string) => (await api(stack).post(`/api/staff/jobs/${name}/run`).set(as(admin)).expect(200)).body as { result: Record<string, number> };
  /** The return window passes: the member's pending lots become due, then the activation job runs. */
  const activateNow = async (m: TestMember) => {
    await db.query(`UPDATE points_lot SET activates_at = now() - interval '1 minute' WHERE member_id = $1 AND status = 'pending'`, [m.id]);
    await runJob('points-activate');
  };
  const adjust = (m: TestMember, delta: number, idempotencyKey = key('adj')) =>
    api(stack).post(`/api/staff/members/${m.id}/points/adjustments`).set(as(admin)).send({ delta, reason: '测试调整', idempotencyKey });
  const invariant = async () => (await api(stack).get('/api/staff/loyalty/invariant').set(as(admin)).expect(200)).body as { ok: boolean; violations: unknown[] };
  const newReward = async (overrides: object = {}) => {
    const [{ id: productId }] = await db.query(`SELECT id FROM product WHERE sku = 'GL-SK-001'`);
    const res = await api(stack)
      .post('/api/staff/loyalty/rewards')
      .set(as(marketer))
      .send({ kind: 'product', name: '洁面小样', description: '到店领取', pointsCost: 100, stockTotal: 10, perMemberLimit: 1, productId, active: true, ...overrides });
    if (res.status !== 201) throw new Error(`reward answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as RewardView;
  };
  const redeem = (m: TestMember, rewardId: string, idempotencyKey = key('redeem')) =>
    api(stack).post(`/api/loyalty/rewards/${rewardId}/redeem`).set(as(m.token)).send({ idempotencyKey });

  describe('the member code and the till', () => {
    it('the mini-program gets a rotating code; the till resolves it to the member, tier and balance', async () => {
      const m = await newMember(stack);
      const res = (await api(stack).get('/api/loyalty/member-code').set(as(m.token)).expect(200)).body as MemberCodeResponse;
      expect(res.code).toMatch(/^[23456789A-HJ-NP-Z]{10}\d{8}$/);
      expect(res.refreshAfterSec).toBe(60);
      expect(new Date(res.expiresAt).getTime() - Date.now()).toBeGreaterThan(3 * 60_000);
      const till = (await api(stack).post('/api/staff/member-code/resolve').set(as(advisorSh)).send({ code: res.code }).expect(200)).body as MemberAtTill;
      expect(till).toMatchObject({ id: m.id, tier: { code: 'pink', name: '粉卡' }, balance: 0, pending: 0 });
      expect(till.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    });

    it('a mistyped or forged code is a 400 MEMBER_CODE_INVALID, and members cannot resolve codes', async () => {
      const m = await newMember(stack);
      const code = await memberCode(m);
      const forged = `${code.slice(0, -1)}${code.at(-1) === '0' ? '1' : '0'}`;
      const res = await api(stack).post('/api/staff/member-code/resolve').set(as(advisorSh)).send({ code: forged });
      expect([res.status, res.body.code, res.body.message]).toEqual([400, 'MEMBER_CODE_INVALID', expect.stringContaining('会员码')]);
      expect((await api(stack).post('/api/staff/member-code/resolve').set(as(m.token)).send({ code })).status).toBe(403);
      expect((await api(stack).post('/api/staff/member-code/resolve').set(as(marketer)).send({ code })).status).toBe(403);
    });
  });

  describe('store purchases', () => {
    it('items from the catalog with a discount split across lines earn pending points; a retry answers the same order', async () => {
      const m = await newMember(stack);
      const body = {
        memberCode: await memberCode(m),
        items: [
          { sku: 'GL-SK-001', quantity: 2 },
          { sku: 'GL-SK-004', quantity: 1 },
        ],
        discountFen: 1000,
        idempotencyKey: key('buy'),
      };
      const first = await api(stack).post('/api/staff/orders/store-purchase').set(as(advisorSh)).send(body);
      expect(first.status).toBe(201);
      const order = first.body as OrderView;
      expect(order).toMatchObject({ channel: 'store', status: 'paid', store: { id: sh01 }, subtotalFen: 30700, discountFen: 1000, totalFen: 29700, refundedFen: 0 });
      expect(order.items.map((i) => [i.sku, i.quantity, i.paidFen])).toEqual([
        ['GL-SK-001', 2, 17220],
        ['GL-SK-004', 1, 12480],
      ]);
      expect(order.points).toMatchObject({ earned: 297, status: 'pending' });
      expect(new Date(must(order.points.activatesAt, 'activation')).getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);

      const retry = await api(stack).post('/api/staff/orders/store-purchase').set(as(advisorSh)).send(body);
      expect([retry.status, retry.body.id]).toEqual([200, order.id]);
      expect(await summary(m)).toMatchObject({ balance: 0, pending: 297, debt: 0 });
      const [earn] = await history(m);
      expect(earn).toMatchObject({ kind: 'earn', label: '消费获得', delta: 0, pendingDelta: 297, refType: 'order', refId: order.id });
      expect(earn.reason).toContain('¥297.00');
      const mine = (await api(stack).get('/api/orders/mine').set(as(m.token)).expect(200)).body as OrderView[];
      expect(mine.map((o) => o.id)).toEqual([order.id]);
    });

    it('a receipt number is used once per store: the same number in another store is fine', async () => {
      const m = await newMember(stack);
      const receiptNo = key('RCPT').toUpperCase();
      expect((await purchase(advisorSh, { memberCode: await memberCode(m), receiptNo, totalFen: 5000 })).status).toBe(201);
      const again = await purchase(advisorSh, { memberCode: await memberCode(m), receiptNo, totalFen: 5000 });
      expect([again.status, again.body.code]).toEqual([409, 'ORDER_RECEIPT_USED']);
      expect((await purchase(admin, { memberCode: await memberCode(m), receiptNo, totalFen: 5000, storeId: gz01 })).status).toBe(201);
      expect((await summary(m)).pending).toBe(100);
    });

    it('refuses what cannot be a purchase, and changes nothing', async () => {
      const m = await newMember(stack);
      const code = await memberCode(m);
      const cases: [object, number, string][] = [
        [{ memberCode: code }, 400, 'ORDER_ITEMS_REQUIRED'],
        [{ memberCode: code, totalFen: 1000 }, 400, 'ORDER_ITEMS_REQUIRED'],
        [{ memberCode: code, items: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }, 400, 'ORDER_SKU_UNKNOWN'],
        [{ memberCode: code, items: [{ sku: 'GL-SK-001', quantity: 1 }], discountFen: 9000 }, 400, 'ORDER_DISCOUNT_TOO_LARGE'],
        [{ memberCode: code, items: [{ sku: 'GL-SK-001', quantity: 0 }] }, 400, 'VALIDATION_FAILED'],
        [{ memberCode: code, receiptNo: 'A1', totalFen: 1000, storeId: gz01 }, 403, 'STAFF_OUT_OF_SCOPE'],
      ];
      for (const [body, status, code2] of cases) {
        const res = await purchase(advisorSh, body);
        expect([res.status, res.body.code]).toEqual([status, code2]);
      }
      const noStore = await purchase(admin, { memberCode: code, receiptNo: 'A1', totalFen: 1000 });
      expect([noStore.status, noStore.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await db.query(`SELECT 1 FROM sales_order WHERE member_id = $1`, [m.id])).toEqual([]);
    });

    it('pending points activate after the return window; spend takes the soonest-expiring lots first', async () => {
      const m = await newMember(stack);
      await receipt(m, 30000);
      await activateNow(m);
      expect(await summary(m)).toMatchObject({ balance: 300, pending: 0 });
      expect((await history(m))[0]).toMatchObject({ kind: 'activate', label: '积分到账', delta: 300, pendingDelta: -300 });
      // A second, older-expiring lot is spent first.
      expect((await adjust(m, 50)).status).toBe(201);
      await db.query(`UPDATE points_lot SET expires_at = now() + interval '10 days' WHERE member_id = $1 AND ref_type = 'adjustment'`, [m.id]);
      expect((await adjust(m, -80)).status).toBe(201);
      const lots = (await api(stack).get(`/api/staff/members/${m.id}/points`).set(as(admin)).expect(200)).body as StaffMemberPoints;
      expect(lots.lots.map((l) => [l.earned, l.remaining]).sort()).toEqual([
        [300, 270],
        [50, 0],
      ].sort());
      expect(lots.summary.balance).toBe(270);
    });
  });

  describe('tiers', () => {
    it('a purchase that reaches the silver threshold upgrades at once; the next purchase earns ×1.1', async () => {
      const m = await newMember(stack);
      await receipt(m, 200_000);
      const s = await summary(m);
      expect(s.tier).toMatchObject({ tier: { code: 'silver', name: '银卡', multiplierPct: 110 }, qualifyingSpendFen: 200_000, next: { code: 'gold' }, needFen: 400_000 });
      expect(s.tier.ratio).toBe(0);
      const next = await receipt(m, 10_000);
      expect(next.points.earned).toBe(110);
      const view = (await api(stack).get(`/api/staff/members/${m.id}/points`).set(as(admin)).expect(200)).body as StaffMemberPoints;
      expect(view.tierHistory[0]).toMatchObject({ from: 'pink', to: 'silver', spendFen: 200_000 });
      expect(view.tierHistory[0].reason).toContain('银卡');
    });

    it('the daily review downgrades one level only after the grace period, and records why', async () => {
      const m = await newMember(stack);
      await receipt(m, 700_000);
      expect((await summary(m)).tier.tier.code).toBe('gold');
      // A year passes without purchases.
      await db.query(`UPDATE tier_spend SET occurred_at = now() - interval '13 months' WHERE member_id = $1`, [m.id]);
      await db.query(`UPDATE member_tier SET reviewed_on = NULL WHERE member_id = $1`, [m.id]);
      await runJob('tier-review');
      const waiting = await summary(m);
      expect(waiting.tier.tier.code).toBe('gold');
      expect(waiting.tier.downgradeOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The grace period is over: one level down (to silver), not straight to pink.
      await db.query(`UPDATE member_tier SET below_since = (now() - interval '40 days')::date, reviewed_on = NULL WHERE member_id = $1`, [m.id]);
      await runJob('tier-review');
      expect((await summary(m)).tier.tier.code).toBe('silver');
      const view = (await api(stack).get(`/api/staff/members/${m.id}/points`).set(as(admin)).expect(200)).body as StaffMemberPoints;
      expect(view.tierHistory[0]).toMatchObject({ from: 'gold', to: 'silver' });
      expect(view.tierHistory[0].reason).toContain('降为银卡');
    });

    it("a tier's extra booking days let its members book further ahead than others", async () => {
      const [service] = await db.query(`SELECT id, booking_window_days FROM appointment_service WHERE code = 'TRY-ON'`);
      const gold = await newMember(stack);
      await receipt(gold, 700_000);
      const pink = await newMember(stack);
      const date = addDays(businessDate(new Date()), service.booking_window_days + 3);
      const slotsFor = async (m: TestMember) =>
        ((await api(stack).get(`/api/appointments/slots?storeId=${sh01}&serviceId=${service.id}&date=${date}`).set(as(m.token)).expect(200)).body as SlotsResponse).slots;
      expect(await slotsFor(pink)).toEqual([]);
      const open = await slotsFor(gold);
      expect(open.length).toBeGreaterThan(0);
      const booked = await api(stack).post('/api/appointments').set(as(gold.token)).send({ storeId: sh01, serviceId: service.id, startsAt: open[0].startsAt });
      expect(booked.status).toBe(201);
      const refused = await api(stack).post('/api/appointments').set(as(pink.token)).send({ storeId: sh01, serviceId: service.id, startsAt: open[1].startsAt });
      expect([refused.status, refused.body.code]).toEqual([400, 'APPOINTMENT_SLOT_UNAVAILABLE']);
    });

    it('marketers edit the ladder; an invalid ladder or removing a tier members hold is refused', async () => {
      const before = (await api(stack).get('/api/staff/loyalty/tiers').set(as(marketer)).expect(200)).body as TierView[];
      const dto = before.map((t) => ({ code: t.code, name: t.name, minSpendFen: t.minSpendFen, multiplierPct: t.multiplierPct, benefits: t.benefits }));
      const unsorted = await api(stack).put('/api/staff/loyalty/tiers').set(as(marketer)).send({ tiers: [dto[1], dto[0], ...dto.slice(2)] });
      expect([unsorted.status, unsorted.body.code]).toEqual([400, 'TIER_LADDER_INVALID']);
      const removed = await api(stack).put('/api/staff/loyalty/tiers').set(as(marketer)).send({ tiers: dto.filter((t) => t.code !== 'silver') });
      expect([removed.status, removed.body.code]).toEqual([409, 'TIER_IN_USE']);
      expect((await api(stack).put('/api/staff/loyalty/tiers').set(as(advisorSh)).send({ tiers: dto })).status).toBe(403);
      const renamed = dto.map((t) => (t.code === 'black' ? { ...t, name: '黑钻' } : t));
      const saved = (await api(stack).put('/api/staff/loyalty/tiers').set(as(marketer)).send({ tiers: renamed }).expect(200)).body as TierView[];
      expect(saved.find((t) => t.code === 'black')?.name).toBe('黑钻');
      expect(saved.find((t) => t.code === 'pink')?.memberCount).toBeGreaterThan(0);
      await api(stack).put('/api/staff/loyalty/tiers').set(as(marketer)).send({ tiers: dto }).expect(200);
    });
  });

  describe('refunds', () => {
    it('a partial refund cancels pending points; after activation and spending, a full refund claws back and records the rest as debt', async () => {
      const m = await newMember(stack);
      const order = await receipt(m, 100_000);
      expect(order.points.earned).toBe(1000);
      const partial = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ amountFen: 30_000, reason: '部分退货', idempotencyKey: key('rf') });
      expect(partial.status).toBe(201);
      expect(partial.body).toMatchObject({ status: 'partially_refunded', refundedFen: 30_000, refunds: [{ amountFen: 30_000, points: { cancelled: 300, clawedBack: 0, debt: 0 } }] });
      expect(await summary(m)).toMatchObject({ balance: 0, pending: 700 });
      await activateNow(m);
      expect((await adjust(m, -600)).status).toBe(201);
      const full = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ full: true, reason: '整单退货', idempotencyKey: key('rf') });
      expect(full.body).toMatchObject({ status: 'refunded', refundedFen: 100_000 });
      expect(full.body.refunds[1].points).toEqual({ cancelled: 0, clawedBack: 100, debt: 600 });
      expect(await summary(m)).toMatchObject({ balance: 0, pending: 0, debt: 600 });
      expect((await history(m))[0]).toMatchObject({ kind: 'clawback', label: '退款扣回', delta: -100 });
      const again = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ full: true, reason: '再退一次', idempotencyKey: key('rf') });
      expect([again.status, again.body.code]).toEqual([409, 'ORDER_STATE_INVALID']);

      // The debt is netted against the next earnings when they activate.
      await receipt(m, 80_000);
      await activateNow(m);
      expect(await summary(m)).toMatchObject({ balance: 200, debt: 0 });
      expect((await history(m)).map((e) => e.kind)).toContain('debt_offset');
      expect((await invariant()).ok).toBe(true);
    });

    it('a refund by items takes back that share of money and points; more than was bought is refused', async () => {
      const m = await newMember(stack);
      const res = await purchase(advisorSh, { memberCode: await memberCode(m), items: [{ sku: 'GL-SK-002', quantity: 3 }] });
      const order = res.body as OrderView;
      expect(order.points.earned).toBe(297);
      const item = order.items[0];
      const one = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ items: [{ itemId: item.id, quantity: 1 }], reason: '退一件', idempotencyKey: key('rf') });
      expect(one.body).toMatchObject({ status: 'partially_refunded', refundedFen: 9900, items: [{ refundedQuantity: 1 }] });
      expect(one.body.refunds[0].points.cancelled).toBe(99);
      const tooMany = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ items: [{ itemId: item.id, quantity: 3 }], reason: '退太多', idempotencyKey: key('rf') });
      expect([tooMany.status, tooMany.body.code]).toEqual([400, 'ORDER_REFUND_INVALID']);
      const byAmount = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ amountFen: 100, reason: '按金额', idempotencyKey: key('rf') });
      expect([byAmount.status, byAmount.body.code]).toEqual([400, 'ORDER_REFUND_INVALID']);
      const otherStore = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorBj)).send({ full: true, reason: '别店退款', idempotencyKey: key('rf') });
      expect([otherStore.status, otherStore.body.code]).toEqual([403, 'STAFF_OUT_OF_SCOPE']);
      const rest = await api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ items: [{ itemId: item.id, quantity: 2 }], reason: '全部退', idempotencyKey: key('rf') });
      expect(rest.body).toMatchObject({ status: 'refunded', refundedFen: 29700 });
      expect(await summary(m)).toMatchObject({ pending: 0, balance: 0 });
    });
  });

  describe('points mall', () => {
    it('a member redeems once (a retry answers the same redemption), the advisor hands it over by pickup code', async () => {
      const reward = await newReward({ stockTotal: 5 });
      const m = await newMember(stack);
      await adjust(m, 250);
      const list = (await api(stack).get('/api/loyalty/rewards').set(as(m.token)).expect(200)).body as MemberRewardView[];
      expect(list.find((r) => r.id === reward.id)).toMatchObject({ redeemable: true, blockedReason: null, stockLeft: 5 });
      const k = key('redeem');
      const first = await redeem(m, reward.id, k);
      expect(first.status).toBe(201);
      const r = first.body as RedemptionView;
      expect(r).toMatchObject({ status: 'issued', points: 100, reward: { id: reward.id } });
      expect(r.pickupCode).toMatch(/^[23456789A-HJ-NP-Z]{8}$/);
      const retry = await redeem(m, reward.id, k);
      expect([retry.status, retry.body.id]).toEqual([200, r.id]);
      const second = await redeem(m, reward.id);
      expect([second.status, second.body.code]).toEqual([409, 'REWARD_LIMIT_REACHED']);
      expect(await summary(m)).toMatchObject({ balance: 150 });
      expect((await history(m))[0]).toMatchObject({ kind: 'spend', label: '积分兑换', delta: -100 });
      const after = (await api(stack).get(`/api/loyalty/rewards/${reward.id}`).set(as(m.token)).expect(200)).body as MemberRewardView;
      expect(after).toMatchObject({ stockLeft: 4, redeemable: false, blockedReason: '已达兑换上限', redeemedByMe: 1 });

      const handed = await api(stack).post('/api/staff/loyalty/redemptions/pickup').set(as(advisorSh)).send({ code: must(r.pickupCode, 'pickup code') });
      expect(handed.status).toBe(200);
      expect(handed.body).toMatchObject({ id: r.id, status: 'fulfilled', fulfilledStore: { id: sh01 } });
      const twice = await api(stack).post('/api/staff/loyalty/redemptions/pickup').set(as(advisorSh)).send({ code: r.pickupCode });
      expect([twice.status, twice.body.code]).toEqual([404, 'REDEMPTION_PICKUP_CODE_INVALID']);
      const mine = (await api(stack).get(`/api/loyalty/redemptions/${r.id}`).set(as(m.token)).expect(200)).body as RedemptionView;
      expect(mine.status).toBe('fulfilled');
    });

    it('refuses without enough points, below the tier, outside the window; cancelling gives stock and points back', async () => {
      const m = await newMember(stack);
      await adjust(m, 120);
      const pricey = await newReward({ pointsCost: 500 });
      const poor = await redeem(m, pricey.id);
      expect([poor.status, poor.body.code, poor.body.message]).toEqual([409, 'POINTS_INSUFFICIENT', '积分不足，还差 380 积分']);
      const goldOnly = await newReward({ minTierCode: 'gold' });
      const tier = await redeem(m, goldOnly.id);
      expect([tier.status, tier.body.code]).toEqual([403, 'REWARD_TIER_REQUIRED']);
      const later = await newReward({ startsAt: new Date(Date.now() + 86_400_000).toISOString() });
      expect((await redeem(m, later.id)).body.code).toBe('REWARD_NOT_AVAILABLE');
      expect(await summary(m)).toMatchObject({ balance: 120 });

      const ok = await newReward({ stockTotal: 1 });
      const made = (await redeem(m, ok.id)).body as RedemptionView;
      const sold = await redeem(await newMember(stack), ok.id);
      expect([sold.status, sold.body.code]).toEqual([409, 'REWARD_SOLD_OUT']);
      const cancelled = await api(stack).post(`/api/staff/loyalty/redemptions/${made.id}/cancel`).set(as(advisorSh)).send({ reason: '顾客不要了' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled' });
      expect(await summary(m)).toMatchObject({ balance: 120 });
      expect((await history(m))[0]).toMatchObject({ kind: 'restore', label: '兑换退回', delta: 100 });
      expect((await api(stack).get(`/api/staff/loyalty/rewards/${ok.id}`).set(as(marketer)).expect(200)).body).toMatchObject({ stockLeft: 1 });
      const twice = await api(stack).post(`/api/staff/loyalty/redemptions/${made.id}/cancel`).set(as(advisorSh)).send({ reason: '再取消' });
      expect([twice.status, twice.body.code]).toEqual([409, 'REDEMPTION_STATE_INVALID']);
    });

    it('200 members race for a reward with stock 50: exactly 50 redemptions, nobody charged without one', async () => {
      const reward = await newReward({ stockTotal: 50, pointsCost: 30 });
      const members = await Promise.all(Array.from({ length: 200 }, () => newMember(stack)));
      for (let i = 0; i < members.length; i += 25) await Promise.all(members.slice(i, i + 25).map((m) => adjust(m, 100).expect(201)));
      const results = await Promise.all(members.map((m) => redeem(m, reward.id)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(50);
      expect(statuses.filter((s) => s === 409)).toHaveLength(150);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'REWARD_SOLD_OUT')).toBe(true);
      const [row] = await db.query(`SELECT stock_left, (SELECT COUNT(*)::int FROM redemption WHERE reward_id = $1) AS n FROM reward WHERE id = $1`, [reward.id]);
      expect(row).toEqual({ stock_left: 0, n: 50 });
      const [charged] = await db.query(`SELECT COUNT(*)::int AS n FROM points_account WHERE member_id = ANY($1) AND balance = 70`, [members.map((m) => m.id)]);
      expect(charged.n).toBe(50);
      expect((await invariant()).ok).toBe(true);
    });

    it('200 concurrent earns and spends on one member: never negative, and the ledger, lots and balance agree', async () => {
      const m = await newMember(stack);
      await adjust(m, 2000);
      const reward = await newReward({ pointsCost: 40, perMemberLimit: 100, stockTotal: 1000 });
      const ops = Array.from({ length: 200 }, (_, i) => {
        if (i % 3 === 0) return receipt(m, 1000).then(() => 'earn');
        if (i % 3 === 1) return redeem(m, reward.id).then((r) => (r.status === 201 ? 'spend' : r.body.code));
        return adjust(m, -35).then((r) => (r.status === 201 ? 'debit' : r.body.code));
      });
      const outcomes = await Promise.all(ops);
      const spends = outcomes.filter((o) => o === 'spend').length;
      const debits = outcomes.filter((o) => o === 'debit').length;
      expect(outcomes.filter((o) => !['earn', 'spend', 'debit'].includes(o)).every((o) => o === 'POINTS_INSUFFICIENT')).toBe(true);
      const s = await summary(m);
      expect(s.balance).toBe(2000 - spends * 40 - debits * 35);
      expect(s.balance).toBeGreaterThanOrEqual(0);
      expect(s.pending).toBe(outcomes.filter((o) => o === 'earn').length * 10);
      expect((await invariant()).ok).toBe(true);
    });
  });

  describe('rules, bonuses and expiry', () => {
    it('marketers change the earning rules: a bonus category doubles its lines; bad input changes nothing', async () => {
      const before = (await api(stack).get('/api/staff/loyalty/earning-rules').set(as(marketer)).expect(200)).body as EarningRulesView;
      const rules: Partial<EarningRulesView> = { ...before };
      delete rules.updatedAt;
      try {
        const saved = await api(stack).put('/api/staff/loyalty/earning-rules').set(as(marketer)).send({ ...rules, bonusRules: [{ kind: 'category', value: 'makeup', multiplierPct: 200 }] });
        expect(saved.status).toBe(200);
        const [{ sku }] = await db.query(`SELECT sku FROM product WHERE category = 'makeup' AND active ORDER BY sku LIMIT 1`);
        const [{ price_fen }] = await db.query(`SELECT price_fen FROM product WHERE sku = $1`, [sku]);
        const m = await newMember(stack);
        const order = (await purchase(advisorSh, { memberCode: await memberCode(m), items: [{ sku, quantity: 1 }] })).body as OrderView;
        expect(order.points.earned).toBe(Math.floor(price_fen / 100) * 2);
        const bad = await api(stack).put('/api/staff/loyalty/earning-rules').set(as(marketer)).send({ ...rules, pointsPerYuan: -1 });
        expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect((await api(stack).put('/api/staff/loyalty/earning-rules').set(as(advisorSh)).send(rules)).status).toBe(403);
      } finally {
        await api(stack).put('/api/staff/loyalty/earning-rules').set(as(marketer)).send(rules).expect(200);
      }
    });

    it('one-off bonuses: a first skin test and a referred friend are rewarded once each', async () => {
      const referrer = await newMember(stack);
      await db.query(`UPDATE member SET skin_profile_at = now() WHERE id = $1`, [referrer.id]);
      expect((await summary(referrer)).balance).toBe(100);
      expect((await summary(referrer)).balance).toBe(100);
      await newMember(stack, { referralCode: referrer.joined.home.profile.referralCode });
      expect((await summary(referrer)).balance).toBe(300);
      expect((await history(referrer)).filter((e) => e.kind === 'bonus').map((e) => e.reason).sort()).toEqual(['推荐好友入会奖励', '首次完成肌肤测试奖励']);
    });

    it('points expire by the job, and members are reminded once before, through the sandbox subscribe message', async () => {
      const m = await newMember(stack);
      await adjust(m, 300);
      await adjust(m, 200);
      const [soon] = await db.query(`SELECT id FROM points_lot WHERE member_id = $1 ORDER BY earned DESC`, [m.id]);
      await db.query(`UPDATE points_lot SET expires_at = now() + interval '5 days' WHERE id = $1`, [soon.id]);
      await control(stack, '/__control/subscribe', { openid: m.openid, templateId: stack.config.wechatTemplatePointsExpiring, accept: true });
      await api(stack).post('/api/me/subscriptions').set(as(m.token)).send({ results: { [stack.config.wechatTemplatePointsExpiring]: 'accept' } }).expect(200);
      expect((await summary(m)).expiringSoon).toMatchObject({ points: 300 });
      await runJob('points-expiry-reminders');
      await runJob('points-expiry-reminders');
      await runJob('notifications-dispatch');
      const delivered = await stack.sandbox.inject({ method: 'GET', url: `/__control/subscribe/messages?openid=${m.openid}` });
      const messages = delivered.json().messages as { templateId: string; data: Record<string, string> }[];
      const reminders = messages.filter((x) => x.templateId === stack.config.wechatTemplatePointsExpiring);
      expect(reminders).toHaveLength(1);
      expect(reminders[0].data['number1']).toBe('300');

      await db.query(`UPDATE points_lot SET expires_at = now() - interval '1 minute' WHERE id = $1`, [soon.id]);
      await runJob('points-expire');
      expect(await summary(m)).toMatchObject({ balance: 200 });
      expect((await history(m))[0]).toMatchObject({ kind: 'expire', label: '过期', delta: -300 });
      expect((await invariant()).ok).toBe(true);
    });
  });

  describe('lists and lookups', () => {
    it('staff find orders by receipt, order or member number within their store; members see the ladder and their redemptions', async () => {
      const m = await newMember(stack);
      const order = await receipt(m, 12_300);
      const byReceipt = (await api(stack).get(`/api/staff/orders?q=${order.receiptNo}`).set(as(advisorSh)).expect(200)).body as Paged<OrderView>;
      expect(byReceipt.items.map((o) => o.id)).toEqual([order.id]);
      const byMember = (await api(stack).get(`/api/staff/orders?memberId=${m.id}`).set(as(admin)).expect(200)).body as Paged<OrderView>;
      expect(byMember).toMatchObject({ total: 1, items: [{ id: order.id, member: { id: m.id } }] });
      expect((await api(stack).get(`/api/staff/orders/${order.id}`).set(as(advisorSh)).expect(200)).body.orderNo).toBe(order.orderNo);
      expect((await api(stack).get(`/api/staff/orders/${order.id}`).set(as(advisorBj))).status).toBe(403);
      expect(((await api(stack).get(`/api/staff/orders?q=${order.orderNo}`).set(as(advisorBj)).expect(200)).body as Paged<OrderView>).items).toEqual([]);
      expect((await api(stack).get('/api/staff/orders/00000000-0000-4000-8000-000000000000').set(as(admin))).status).toBe(404);

      const ladder = (await api(stack).get('/api/loyalty/tiers').set(as(m.token)).expect(200)).body as TierView[];
      expect(ladder.map((t) => t.code)).toEqual(['pink', 'silver', 'gold', 'black']);
      expect(ladder.every((t) => t.memberCount === 0)).toBe(true);

      await adjust(m, 200);
      const reward = await newReward({ stockTotal: 4 });
      const made = (await redeem(m, reward.id).expect(201)).body as RedemptionView;
      const mine = (await api(stack).get('/api/loyalty/redemptions').set(as(m.token)).expect(200)).body as RedemptionView[];
      expect(mine.map((r) => r.id)).toEqual([made.id]);
      const staffList = (await api(stack).get(`/api/staff/loyalty/redemptions?memberId=${m.id}&status=issued`).set(as(admin)).expect(200)).body as Paged<RedemptionView>;
      expect(staffList.items.map((r) => r.id)).toEqual([made.id]);
      expect((await api(stack).get(`/api/loyalty/redemptions/${made.id}`).set(as((await newMember(stack)).token))).status).toBe(404);
    });

    it('marketers list and change rewards; the stock left follows the total but never below what was redeemed', async () => {
      const reward = await newReward({ stockTotal: 2 });
      const m = await newMember(stack);
      await adjust(m, 200);
      await redeem(m, reward.id).expect(201);
      const list = (await api(stack).get('/api/staff/loyalty/rewards').set(as(advisorSh)).expect(200)).body as RewardView[];
      expect(list.find((r) => r.id === reward.id)).toMatchObject({ stockTotal: 2, stockLeft: 1, redeemedCount: 1 });
      const body = { kind: 'product', name: '洁面小样（新包装）', description: '到店领取', pointsCost: 120, stockTotal: 5, perMemberLimit: 1, productId: reward.productId, active: true };
      const changed = (await api(stack).put(`/api/staff/loyalty/rewards/${reward.id}`).set(as(marketer)).send(body).expect(200)).body as RewardView;
      expect(changed).toMatchObject({ name: '洁面小样（新包装）', pointsCost: 120, stockTotal: 5, stockLeft: 4 });
      const tooFew = await api(stack).put(`/api/staff/loyalty/rewards/${reward.id}`).set(as(marketer)).send({ ...body, stockTotal: 0 });
      expect([tooFew.status, tooFew.body.code]).toEqual([400, 'REWARD_INVALID']);
      const noProduct = await api(stack).post('/api/staff/loyalty/rewards').set(as(marketer)).send({ ...body, productId: undefined });
      expect([noProduct.status, noProduct.body.code]).toEqual([400, 'REWARD_INVALID']);
      expect((await api(stack).put(`/api/staff/loyalty/rewards/${reward.id}`).set(as(advisorSh)).send(body)).status).toBe(403);
      const template = await api(stack).get('/api/staff/loyalty/points-imports/template').set(as(admin)).expect(200);
      expect(template.headers['content-type']).toContain('spreadsheetml');
    });
  });

  describe('privacy', () => {
    it('points, tier, redemptions and orders appear on the portrait and in the export; deleting the account cancels unclaimed rewards and keeps the ledger balanced', async () => {
      const m = await newMember(stack);
      const order = await receipt(m, 50_000);
      await activateNow(m);
      const reward = await newReward({ stockTotal: 3 });
      const made = (await redeem(m, reward.id).expect(201)).body as RedemptionView;
      const portrait = (await api(stack).get(`/api/staff/members/${m.id}/portrait`).set(as(admin)).expect(200)).body;
      expect(portrait.sections.loyalty).toMatchObject({ balance: 400, pending: 0, tier: { tier: { code: 'pink' } } });
      expect(portrait.sections.orders.map((o: OrderView) => o.id)).toEqual([order.id]);
      const exported = (await api(stack).get('/api/me/export').set(as(m.token)).expect(200)).body;
      expect(JSON.stringify(exported)).toContain(order.id);
      expect(JSON.stringify(exported)).toContain(made.id);

      await api(stack).post('/api/me/delete').set(as(m.token)).send({ confirm: '确认注销' }).expect(200);
      const [r] = await db.query(`SELECT status FROM redemption WHERE id = $1`, [made.id]);
      expect(r.status).toBe('cancelled');
      expect((await api(stack).get(`/api/staff/loyalty/rewards/${reward.id}`).set(as(marketer)).expect(200)).body.stockLeft).toBe(3);
      expect((await invariant()).ok).toBe(true);
    });
  });

  describe('admin tools', () => {
    it('adjustments are admin-only, audited, idempotent by key, and never go below zero', async () => {
      const m = await newMember(stack);
      const k = key('adj');
      expect((await adjust(m, 100, k)).status).toBe(201);
      expect((await adjust(m, 100, k)).status).toBe(201);
      expect((await summary(m)).balance).toBe(100);
      const reused = await adjust(m, 50, k);
      expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      const tooMuch = await adjust(m, -101);
      expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
      const byMarketer = await api(stack).post(`/api/staff/members/${m.id}/points/adjustments`).set(as(marketer)).send({ delta: 5, reason: '测试调整', idempotencyKey: key('adj') });
      expect(byMarketer.status).toBe(403);
      const audit = await db.query(`SELECT action, detail FROM audit_log WHERE member_id = $1 AND action = 'points.adjust'`, [m.id]);
      expect(audit).toEqual([{ action: 'points.adjust', detail: { delta: 100, reason: '测试调整' } }]);
    });

    it('opening balances import from Excel by phone with progress and a per-row report; a second import credits nobody twice', async () => {
      const m = await newMember(stack);
      const wb = new Workbook();
      const sheet = wb.addWorksheet('期初积分');
      sheet.addRow(['手机号', '期初积分', '备注']);
      sheet.addRow([m.phone.replace(/^\+86/, ''), 1200, '旧系统迁移']);
      sheet.addRow(['13900000000', 10, '']);
      sheet.addRow(['12345', 10, '']);
      sheet.addRow([m.phone.replace(/^\+86/, ''), 5, '重复']);
      sheet.addRow(['13700000000', -4, '']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const upload = () => api(stack).post('/api/staff/loyalty/points-imports').set(as(admin)).attach('file', file, 'opening.xlsx');
      const started = await upload();
      expect(started.status).toBe(202);
      const done = await poll((started.body as PointsImportView).id);
      expect(done).toMatchObject({ status: 'done', total: 5, processed: 5, imported: 1 });
      expect(done.errors.map((e) => e.row).sort()).toEqual([3, 4, 5, 6]);
      expect(done.errors.find((e) => e.row === 3)?.message).toBe('该手机号未注册会员');
      expect((await summary(m)).balance).toBe(1200);
      expect((await history(m))[0]).toMatchObject({ kind: 'opening', label: '期初积分' });
      const second = await poll(((await upload()).body as PointsImportView).id);
      expect(second.imported).toBe(0);
      expect((await summary(m)).balance).toBe(1200);
      const byAdvisor = await api(stack).post('/api/staff/loyalty/points-imports').set(as(advisorSh)).attach('file', file, 'opening.xlsx');
      expect(byAdvisor.status).toBe(403);
    });
  });

  const poll = async (id: string): Promise<PointsImportView> => {
    for (let i = 0; i < 100; i++) {
      const view = (await api(stack).get(`/api/staff/loyalty/points-imports/${id}`).set(as(admin)).expect(200)).body as PointsImportView;
      if (view.status !== 'running') return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
});
