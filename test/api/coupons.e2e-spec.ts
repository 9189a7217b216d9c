import type {
  CheckoutResponse,
  ClaimCenterItem,
  CouponQuote,
  CouponTemplateView,
  MemberCodeResponse,
  MemberCouponView,
  OrderView,
  Paged,
  RedemptionView,
  RewardView,
  WalletCounts,
} from '@glow/contracts';
import { JwtService } from '@nestjs/jwt';
import { CouponTemplateService } from '../../apps/api/src/modules/coupon/coupon-template.service';
import { CouponService } from '../../apps/api/src/modules/coupon/coupon.service';
import { DataSource } from 'typeorm';
import { as, must, newMember, type TestMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, control, staffLogin } from '../support/wechat-user';

let seq = 0;
const key = (what: string) => `${what}-${Date.now().toString(36)}-${++seq}`;
const day = 86_400_000;

/** A template body as the console sends it; each test names what differs. */
function template(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { validity, scope, ...rest } = overrides as { validity?: object; scope?: object };
  return {
    code: key('C').replace(/[^A-Za-z0-9_-]/g, '').slice(-40),
    name: '满300减50',
    description: '仅限会员使用',
    kind: 'amount_off',
    amountOffFen: 5000,
    minSpendFen: 30000,
    scope: { kind: 'all', values: [], excludeSkus: [], ...scope },
    validity: { kind: 'relative', days: 30, weekdays: [], ...validity },
    totalStock: 100,
    perMemberLimit: 1,
    claimable: true,
    stacking: 'exclusive',
    costFen: 1500,
    ...rest,
  };
}

describe('Coupons: templates, claim center, wallet, the till and online checkout', () => {
  let stack: Stack;
  let db: DataSource;
  let admin: string;
  let marketer: string;
  let advisorSh: string;
  let manager: string;
  let sku: { skincare: string; skincarePrice: number; makeup: string; makeupPrice: number };

  beforeAll(async () => {
    stack = await startStack({}, { listen: true });
    db = await e2eDataSource();
    [admin, marketer, advisorSh, manager] = await Promise.all(['admin', 'marketer', 'advisor1', 'manager1'].map(async (u) => (await staffLogin(stack, u)).accessToken));
    const [s] = await db.query(`SELECT sku, price_fen FROM product WHERE category = 'skincare' AND active AND price_fen BETWEEN 20000 AND 40000 ORDER BY sku LIMIT 1`);
    const [m] = await db.query(`SELECT sku, price_fen FROM product WHERE category = 'makeup' AND active AND price_fen BETWEEN 10000 AND 30000 ORDER BY sku LIMIT 1`);
    sku = { skincare: s.sku, skincarePrice: s.price_fen, makeup: m.sku, makeupPrice: m.price_fen };
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  const create = async (body: Record<string, unknown>) => {
    const res = await api(stack).post('/api/staff/coupon-templates').set(as(marketer)).send(body);
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as CouponTemplateView;
  };
  const setStatus = (id: string, status: string, token = marketer) => api(stack).post(`/api/staff/coupon-templates/${id}/status`).set(as(token)).send({ status });
  const live = async (overrides: Record<string, unknown> = {}) => {
    const t = await create(template(overrides));
    await setStatus(t.id, 'active').expect(200);
    return t;
  };
  const claim = (m: TestMember, templateId: string, idempotencyKey = key('claim')) =>
    api(stack).post(`/api/coupons/claim-center/${templateId}/claim`).set(as(m.token)).send({ idempotencyKey });
  const claimed = async (m: TestMember, templateId: string) => {
    const res = await claim(m, templateId);
    if (res.status !== 201) throw new Error(`claim answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as MemberCouponView;
  };
  const wallet = async (m: TestMember, tab = 'available') => (await api(stack).get(`/api/coupons/mine?tab=${tab}`).set(as(m.token)).expect(200)).body as MemberCouponView[];
  const memberCode = async (m: TestMember) => ((await api(stack).get('/api/loyalty/member-code').set(as(m.token)).expect(200)).body as MemberCodeResponse).code;
  const purchase = async (m: TestMember, body: Record<string, unknown>) =>
    api(stack)
      .post('/api/staff/orders/store-purchase')
      .set(as(advisorSh))
      .send({ memberCode: await memberCode(m), idempotencyKey: key('buy'), ...body });
  const runJob = async (name: string) => (await api(stack).post(`/api/staff/jobs/${name}/run`).set(as(admin)).expect(200)).body as { result: Record<string, number> };
  const counters = async (id: string) => ((await api(stack).get(`/api/staff/coupon-templates/${id}`).set(as(advisorSh)).expect(200)).body as CouponTemplateView).counters;
  const statusOf = async (couponId: string) => ((await db.query(`SELECT status FROM member_coupon WHERE id = $1`, [couponId])) as { status: string }[])[0]?.status;

  describe('templates in the console', () => {
    it('a marketer creates a draft, previews it as the member will see it, and publishes it', async () => {
      const body = template({ name: '新客满300减50' });
      const face = (await api(stack).post('/api/staff/coupon-templates/preview').set(as(marketer)).send(body).expect(200)).body;
      expect(face).toMatchObject({ headline: '¥50', condition: '满¥300可用', useTarget: 'shop' });
      expect(face.rules.join('')).toContain('30天');
      const draft = await create(body);
      expect(draft).toMatchObject({ status: 'draft', counters: { issued: 0, redeemed: 0, remaining: 100 } });
      const published = (await setStatus(draft.id, 'active').expect(200)).body as CouponTemplateView;
      expect(published.status).toBe('active');
      const list = (await api(stack).get('/api/staff/coupon-templates?status=active&q=新客').set(as(advisorSh)).expect(200)).body as Paged<CouponTemplateView>;
      expect(list.items.map((t) => t.id)).toContain(draft.id);
    });

    it('refuses a template that does not add up, a taken code, and anyone but marketers', async () => {
      const bad = await api(stack).post('/api/staff/coupon-templates').set(as(marketer)).send(template({ kind: 'percent_off', amountOffFen: null }));
      expect([bad.status, bad.body.code]).toEqual([400, 'COUPON_TEMPLATE_INVALID']);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('percentOff');
      const window = await api(stack)
        .post('/api/staff/coupon-templates')
        .set(as(marketer))
        .send(template({ validity: { kind: 'fixed', from: new Date(Date.now() + day).toISOString(), until: new Date().toISOString(), days: null } }));
      expect([window.status, window.body.code]).toEqual([400, 'COUPON_TEMPLATE_INVALID']);
      const t = await create(template());
      const taken = await api(stack).post('/api/staff/coupon-templates').set(as(marketer)).send(template({ code: t.code }));
      expect([taken.status, taken.body.code]).toEqual([409, 'COUPON_TEMPLATE_CODE_TAKEN']);
      expect((await api(stack).post('/api/staff/coupon-templates').set(as(advisorSh)).send(template())).status).toBe(403);
      expect((await setStatus(t.id, 'active', manager)).status).toBe(403);
      const [{ n }] = await db.query(`SELECT COUNT(*)::int AS n FROM coupon_template WHERE code = $1`, [t.code]);
      expect(n).toBe(1);
    });

    it('once live, only name, description, stock (never below issued), cost and a later end may change; ended is final', async () => {
      const t = await live({ totalStock: 3 });
      const m = await newMember(stack);
      await claimed(m, t.id);
      const put = (body: Record<string, unknown>) => api(stack).put(`/api/staff/coupon-templates/${t.id}`).set(as(marketer)).send(body);
      const base = template({ code: t.code, totalStock: 3 });
      const locked = await put({ ...base, amountOffFen: 9000 });
      expect([locked.status, locked.body.code]).toEqual([409, 'COUPON_TEMPLATE_LOCKED']);
      const below = await put({ ...base, totalStock: 0 });
      expect(below.status).toBe(400);
      const ok = await put({ ...base, name: '会员专享满减', totalStock: 10, costFen: 1200 });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: '会员专享满减', totalStock: 10, costFen: 1200, counters: { issued: 1, remaining: 9 } });
      expect((await setStatus(t.id, 'paused')).body.status).toBe('paused');
      expect((await claim(await newMember(stack), t.id)).body.code).toBe('COUPON_NOT_CLAIMABLE');
      expect((await setStatus(t.id, 'active')).body.status).toBe('active');
      expect((await setStatus(t.id, 'ended')).body.status).toBe('ended');
      const again = await setStatus(t.id, 'active');
      expect([again.status, again.body.code]).toEqual([409, 'COUPON_TEMPLATE_STATUS_INVALID']);
      expect((await put({ ...base, name: '改名' })).body.code).toBe('COUPON_TEMPLATE_LOCKED');
      // The coupon already claimed stays in the member's wallet.
      expect((await wallet(m)).map((c) => c.template.id)).toContain(t.id);
    });
  });

  describe('claim center and wallet', () => {
    it('a member claims once: a 12-character code, a retry answers the same coupon, a second claim is refused', async () => {
      const t = await live({ totalStock: 5 });
      const m = await newMember(stack);
      const center = (await api(stack).get('/api/coupons/claim-center').set(as(m.token)).expect(200)).body as ClaimCenterItem[];
      expect(center.find((c) => c.templateId === t.id)).toMatchObject({ state: 'claimable', remaining: 5, claimedByMe: 0 });
      const k = key('claim');
      const first = await claim(m, t.id, k);
      expect(first.status).toBe(201);
      const coupon = first.body as MemberCouponView;
      expect(coupon.code).toMatch(/^[A-Z2-9]{12}$/);
      expect(coupon).toMatchObject({ status: 'available', source: 'claim', face: { headline: '¥50' } });
      expect(new Date(coupon.validUntil).getTime() - Date.now()).toBeGreaterThan(29 * day);
      const retry = await claim(m, t.id, k);
      expect([retry.status, retry.body.id]).toEqual([200, coupon.id]);
      const second = await claim(m, t.id);
      expect([second.status, second.body.code, second.body.message]).toEqual([409, 'COUPON_LIMIT_REACHED', '您已领取过该优惠券']);
      const after = (await api(stack).get('/api/coupons/claim-center').set(as(m.token)).expect(200)).body as ClaimCenterItem[];
      expect(after.find((c) => c.templateId === t.id)).toMatchObject({ state: 'claimed', remaining: 4, claimedByMe: 1 });
      expect(await counters(t.id)).toEqual({ issued: 1, claimed: 1, redeemed: 0, expired: 0, held: 0, revoked: 0, remaining: 4 });
    });

    it('stock runs out: the next member is told it is gone, and the claim center says so', async () => {
      const t = await live({ totalStock: 1 });
      await claimed(await newMember(stack), t.id);
      const late = await newMember(stack);
      const res = await claim(late, t.id);
      expect([res.status, res.body.code, res.body.message]).toEqual([409, 'COUPON_SOLD_OUT', '优惠券已被领完']);
      const center = (await api(stack).get('/api/coupons/claim-center').set(as(late.token)).expect(200)).body as ClaimCenterItem[];
      expect(center.find((c) => c.templateId === t.id)?.state).toBe('sold_out');
    });

    it('claims arriving together share one statement and each gets its own answer: coupons up to the stock, the limit, a retried key', async () => {
      const t = await live({ totalStock: 3 });
      // Within a batch the claims go in the order of their member ids: a, with the largest, comes last.
      const [d, c, b, a] = [await newMember(stack), await newMember(stack), await newMember(stack), await newMember(stack)].sort((x, y) => (x.id < y.id ? -1 : 1));
      const coupons = stack.app.get(CouponService);
      await stack.app.get(CouponTemplateService).cached(t.id);
      const sql = jest.spyOn(stack.app.get(DataSource), 'query');
      const [ka, kc] = [key('a'), key('c')];
      // Started in the same tick, so they go to PostgreSQL as one batch: a twice with one key, b twice with two keys,
      // c twice with one key, and d; four members for three coupons.
      const settled = await Promise.allSettled([
        coupons.claim(a.id, t.id, ka),
        coupons.claim(a.id, t.id, ka),
        coupons.claim(b.id, t.id, key('b1')),
        coupons.claim(b.id, t.id, key('b2')),
        coupons.claim(c.id, t.id, kc),
        coupons.claim(c.id, t.id, kc),
        coupons.claim(d.id, t.id, key('d')),
      ]);
      expect(sql.mock.calls.filter(([text]) => text.includes('claim_coupons('))).toHaveLength(1);
      sql.mockRestore();
      const outcome = settled.map((r) => (r.status === 'fulfilled' ? (r.value.created ? 'new' : `again:${r.value.view.id}`) : (r.reason as { code?: string }).code));
      const couponOfC = settled[4].status === 'fulfilled' ? settled[4].value.view.id : null;
      // b, c and d get the three coupons; b's second claim is over the limit and c's retry answers c's coupon. a is told
      // it is gone, both times: a's retry is not "already claimed" although a's first claim held the limit for a moment.
      expect(outcome).toEqual(['COUPON_SOLD_OUT', 'COUPON_SOLD_OUT', 'new', 'COUPON_LIMIT_REACHED', 'new', `again:${couponOfC}`, 'new']);
      // Nothing of the refused claims is left behind: three coupons, the stock at zero, counts only for those who got one.
      expect(await counters(t.id)).toMatchObject({ claimed: 3, remaining: 0 });
      const counts = await db.query(`SELECT member_id, claimed FROM coupon_claim_count WHERE template_id = $1 ORDER BY member_id`, [t.id]);
      const holders = await db.query(`SELECT member_id, count(*)::int AS claimed FROM member_coupon WHERE template_id = $1 GROUP BY member_id ORDER BY member_id`, [t.id]);
      expect(counts).toEqual(holders);
    });

    it('issued-only templates and drafts cannot be claimed; an unknown template is a 404', async () => {
      const issuedOnly = await live({ claimable: false, totalStock: null });
      const draft = await create(template());
      const m = await newMember(stack);
      expect((await claim(m, issuedOnly.id)).body.code).toBe('COUPON_NOT_CLAIMABLE');
      expect((await claim(m, draft.id)).body.code).toBe('COUPON_NOT_CLAIMABLE');
      expect((await claim(m, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await claim(m, 'not-a-uuid')).body.code).toBe('COUPON_TEMPLATE_NOT_FOUND');
    });

    it('the wallet sorts coupons into available, used and expired, and nobody reads another member’s coupon', async () => {
      const m = await newMember(stack);
      const a = await claimed(m, (await live()).id);
      const b = await claimed(m, (await live()).id);
      await db.query(`UPDATE member_coupon SET valid_until = now() - interval '1 minute', valid_from = now() - interval '2 days' WHERE id = $1`, [b.id]);
      expect((await wallet(m)).map((c) => c.id)).toEqual([a.id]);
      expect((await wallet(m, 'expired')).map((c) => c.id)).toEqual([b.id]);
      expect((await api(stack).get('/api/coupons/mine/counts').set(as(m.token)).expect(200)).body as WalletCounts).toEqual({ available: 1, used: 0, expired: 1 });
      const detail = (await api(stack).get(`/api/coupons/mine/${a.id}`).set(as(m.token)).expect(200)).body as MemberCouponView;
      expect(detail.code).toBe(a.code);
      const other = await newMember(stack);
      expect((await api(stack).get(`/api/coupons/mine/${a.id}`).set(as(other.token))).status).toBe(404);
      // The hourly job turns the stale one into an expired coupon for good.
      await runJob('coupons-expire');
      expect(await statusOf(b.id)).toBe('expired');
      expect(await statusOf(a.id)).toBe('available');
    });
  });

  describe('pricing a cart', () => {
    it('every coupon says whether it applies and why not; the best one is suggested and applied', async () => {
      const m = await newMember(stack);
      const big = await claimed(m, (await live({ name: '满300减50' })).id);
      const small = await claimed(m, (await live({ name: '无门槛减10', amountOffFen: 1000, minSpendFen: 0 })).id);
      const makeupOnly = await claimed(m, (await live({ name: '彩妆8折', kind: 'percent_off', amountOffFen: null, percentOff: 20, minSpendFen: 0, scope: { kind: 'categories', values: ['makeup'] } })).id);
      const quote = (await api(stack).post('/api/coupons/quote').set(as(m.token)).send({ items: [{ sku: sku.skincare, quantity: 1 }] }).expect(200))
        .body as CouponQuote;
      const option = (id: string) => must(quote.options.find((o) => o.coupon.id === id), 'option');
      expect(option(makeupOnly.id)).toMatchObject({ outcome: 'out-of-scope', discountFen: 0 });
      if (sku.skincarePrice >= 30000) {
        expect(quote.bestCouponIds).toEqual([big.id]);
        expect(quote.applied).toMatchObject({ discountFen: 5000, totalFen: sku.skincarePrice - 5000 });
      } else {
        expect(option(big.id)).toMatchObject({ outcome: 'below-minimum', message: expect.stringContaining('还差') });
        expect(quote.bestCouponIds).toEqual([small.id]);
      }
      const picked = (await api(stack).post('/api/coupons/quote').set(as(m.token)).send({ items: [{ sku: sku.skincare, quantity: 1 }], couponIds: [small.id] }).expect(200))
        .body as CouponQuote;
      expect(picked.applied).toMatchObject({ couponIds: [small.id], discountFen: 1000, totalFen: sku.skincarePrice - 1000 });
      const both = await api(stack).post('/api/coupons/quote').set(as(m.token)).send({ items: [{ sku: sku.skincare, quantity: 2 }], couponIds: [small.id, big.id] });
      expect([both.status, both.body.code, both.body.message]).toEqual([409, 'COUPON_NOT_APPLICABLE', '该券不能与其他优惠券同时使用']);
    });

    it('days, hours, groups, services and lapsed coupons are each refused with their own reason', async () => {
      const m = await newMember(stack);
      const now = new Date(Date.now() + 8 * 3600_000); // business time, Asia/Shanghai
      const otherDay = ((now.getUTCDay() + 2) % 7) + 1; // ISO weekday that is not today
      const hour = now.getUTCHours();
      const window = hour < 12 ? { hoursFrom: '20:00', hoursUntil: '21:00' } : { hoursFrom: '06:00', hoursUntil: '07:00' };
      const wrongDay = await claimed(m, (await live({ name: '周末专享', amountOffFen: 500, minSpendFen: 0, validity: { weekdays: [otherDay] } })).id);
      const wrongHour = await claimed(m, (await live({ name: '限时', amountOffFen: 500, minSpendFen: 0, validity: window })).id);
      const service = await claimed(m, (await live({ name: '免费检测', kind: 'service', amountOffFen: null, serviceCode: 'SKIN-TEST', minSpendFen: 0 })).id);
      const groupA = await claimed(m, (await live({ name: '叠加甲', amountOffFen: 300, minSpendFen: 0, stacking: 'stackable', stackGroup: 'g1' })).id);
      const groupB = await claimed(m, (await live({ name: '叠加乙', amountOffFen: 200, minSpendFen: 0, stacking: 'stackable', stackGroup: 'g1' })).id);
      const quote = (await api(stack).post('/api/coupons/quote').set(as(m.token)).send({ items: [{ sku: sku.skincare, quantity: 1 }] }).expect(200)).body as CouponQuote;
      const outcome = (id: string) => must(quote.options.find((o) => o.coupon.id === id), 'option').outcome;
      expect([outcome(wrongDay.id), outcome(wrongHour.id), outcome(service.id)]).toEqual(['wrong-day', 'wrong-hour', 'service-only']);
      const pair = await api(stack).post('/api/coupons/quote').set(as(m.token)).send({ items: [{ sku: sku.skincare, quantity: 1 }], couponIds: [groupA.id, groupB.id] });
      expect([pair.status, pair.body.code, pair.body.message]).toEqual([409, 'COUPON_NOT_APPLICABLE', '同组优惠券每单限用一张']);
      await db.query(`UPDATE member_coupon SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 minute' WHERE id = $1`, [groupA.id]);
      const lapsed = await purchase(m, { items: [{ sku: sku.skincare, quantity: 1 }], couponCodes: [groupA.code] });
      expect([lapsed.status, lapsed.body.code, lapsed.body.message]).toEqual([409, 'COUPON_NOT_APPLICABLE', '优惠券已过期']);
    });
  });

  describe('the shop and the staff views', () => {
    it('members browse active products by category; staff list a member’s coupons from any store', async () => {
      const m = await newMember(stack);
      const page = (await api(stack).get('/api/shop/products?category=makeup&pageSize=5').set(as(m.token)).expect(200)).body as Paged<{ sku: string; category: string; priceFen: number }>;
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((p) => p.category === 'makeup' && p.priceFen > 0)).toBe(true);
      expect((await api(stack).get('/api/shop/products').set(as(advisorSh))).status).toBe(403);
      const c = await claimed(m, (await live()).id);
      const [{ id: gz01 }] = await db.query(`SELECT id FROM store WHERE code = 'GZ01'`);
      await db.query(`UPDATE member SET store_id = $2 WHERE id = $1`, [m.id, gz01]);
      const listed = (await api(stack).get(`/api/staff/members/${m.id}/coupons`).set(as(advisorSh)).expect(200)).body as MemberCouponView[];
      expect(listed.map((x) => x.id)).toEqual([c.id]);
      expect((await api(stack).get(`/api/staff/members/${m.id}/coupons`).set(as(m.token))).status).toBe(403);
      const nobody = await api(stack).get('/api/staff/members/00000000-0000-4000-8000-000000000000/coupons').set(as(advisorSh));
      expect([nobody.status, nobody.body.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    });
  });

  describe('in store', () => {
    it('the advisor scans the coupon code with the purchase: the discount applies and the coupon is used once', async () => {
      const t = await live({ amountOffFen: 2000, minSpendFen: 0 });
      const m = await newMember(stack);
      const c = await claimed(m, t.id);
      const resolved = (await api(stack).post('/api/staff/coupons/resolve').set(as(advisorSh)).send({ code: c.code }).expect(200)).body;
      expect(resolved).toMatchObject({ coupon: { id: c.id, status: 'available' }, member: { id: m.id } });
      const res = await purchase(m, { items: [{ sku: sku.skincare, quantity: 1 }], couponCodes: [c.code] });
      expect(res.status).toBe(201);
      const order = res.body as OrderView;
      expect(order).toMatchObject({ subtotalFen: sku.skincarePrice, discountFen: 2000, totalFen: sku.skincarePrice - 2000 });
      expect(order.coupons).toEqual([{ id: c.id, code: c.code, name: t.name, kind: 'amount_off', discountFen: 2000 }]);
      expect(order.points.earned).toBe(Math.floor((sku.skincarePrice - 2000) / 100));
      expect(await statusOf(c.id)).toBe('used');
      const again = await purchase(m, { items: [{ sku: sku.skincare, quantity: 1 }], couponCodes: [c.code] });
      expect([again.status, again.body.code]).toEqual([409, 'COUPON_NOT_APPLICABLE']);
      expect(await counters(t.id)).toMatchObject({ redeemed: 1 });
    });

    it('a coupon of someone else, or one not yet valid, refuses the whole purchase and changes nothing', async () => {
      const t = await live({ amountOffFen: 1000, minSpendFen: 0 });
      const owner = await newMember(stack);
      const c = await claimed(owner, t.id);
      const stranger = await newMember(stack);
      const res = await purchase(stranger, { items: [{ sku: sku.skincare, quantity: 1 }], couponCodes: [c.code] });
      expect([res.status, res.body.code]).toEqual([404, 'COUPON_NOT_FOUND']);
      await db.query(`UPDATE member_coupon SET valid_from = now() + interval '2 days' WHERE id = $1`, [c.id]);
      const early = await purchase(owner, { items: [{ sku: sku.skincare, quantity: 1 }], couponCodes: [c.code] });
      expect([early.status, early.body.code, early.body.message]).toEqual([409, 'COUPON_NOT_APPLICABLE', expect.stringContaining('起可用')]);
      const [{ n }] = await db.query(`SELECT COUNT(*)::int AS n FROM sales_order WHERE member_id = ANY($1)`, [[owner.id, stranger.id]]);
      expect(n).toBe(0);
      expect(await statusOf(c.id)).toBe('available');
    });

    it('a full refund gives back a coupon still valid; a partial refund keeps it used', async () => {
      const t = await live({ amountOffFen: 1000, minSpendFen: 0 });
      const m = await newMember(stack);
      const c = await claimed(m, t.id);
      const order = (await purchase(m, { items: [{ sku: sku.skincare, quantity: 2 }], couponCodes: [c.code] })).body as OrderView;
      const refund = (body: object) => api(stack).post(`/api/staff/orders/${order.id}/refunds`).set(as(advisorSh)).send({ reason: '顾客退货', idempotencyKey: key('ref'), ...body });
      await refund({ items: [{ itemId: order.items[0].id, quantity: 1 }] }).expect(201);
      expect(await statusOf(c.id)).toBe('used');
      await refund({ full: true }).expect(201);
      expect(await statusOf(c.id)).toBe('available');
      expect((await wallet(m)).map((x) => x.id)).toContain(c.id);
    });

    it('a gift coupon is handed over at the till without a purchase; a money coupon is refused there', async () => {
      const gift = await live({ name: '旅行装小样', kind: 'gift', amountOffFen: null, giftSku: sku.makeup, minSpendFen: 0 });
      const money = await live({ amountOffFen: 1000, minSpendFen: 0 });
      const m = await newMember(stack);
      const g = await claimed(m, gift.id);
      expect(g.face).toMatchObject({ headline: '赠品', useTarget: 'store' });
      const done = await api(stack).post('/api/staff/coupons/redeem').set(as(advisorSh)).send({ code: g.code });
      expect([done.status, done.body.status]).toEqual([200, 'used']);
      const twice = await api(stack).post('/api/staff/coupons/redeem').set(as(advisorSh)).send({ code: g.code });
      expect(twice.status).toBe(409);
      const c = await claimed(m, money.id);
      const refused = await api(stack).post('/api/staff/coupons/redeem').set(as(advisorSh)).send({ code: c.code });
      expect([refused.status, refused.body.code]).toEqual([409, 'COUPON_NOT_APPLICABLE']);
      expect((await api(stack).post('/api/staff/coupons/redeem').set(as(marketer)).send({ code: c.code })).status).toBe(403);
    });
  });

  describe('issuing (compensation, points mall, birthdays) and revoking', () => {
    it('staff issue a compensation coupon once per key; advisors cannot', async () => {
      const t = await live({ claimable: false, totalStock: null, name: '服务补偿券' });
      const m = await newMember(stack);
      const k = key('comp');
      const issue = (token: string, idempotencyKey = k) =>
        api(stack).post(`/api/staff/members/${m.id}/coupons`).set(as(token)).send({ templateCode: t.code, source: 'compensation', reason: '等待过久', idempotencyKey });
      const first = await issue(marketer);
      expect([first.status, first.body.source]).toEqual([201, 'compensation']);
      const retry = await issue(marketer);
      expect([retry.status, retry.body.id]).toEqual([200, first.body.id]);
      expect((await issue(advisorSh, key('comp'))).status).toBe(403);
      expect((await wallet(m)).filter((c) => c.template.id === t.id)).toHaveLength(1);
      const revoked = await api(stack).post(`/api/staff/coupons/${first.body.id}/revoke`).set(as(marketer)).send({ reason: '发错了' });
      expect([revoked.status, revoked.body.status]).toEqual([200, 'revoked']);
      expect((await api(stack).post(`/api/staff/coupons/${first.body.id}/revoke`).set(as(marketer)).send({ reason: '再来' })).body.code).toBe('COUPON_STATE_INVALID');
    });

    it('a coupon reward in the points mall puts the coupon in the wallet; cancelling takes it back', async () => {
      const t = await live({ claimable: false, totalStock: null, name: '积分兑换券' });
      const reward = (
        await api(stack)
          .post('/api/staff/loyalty/rewards')
          .set(as(marketer))
          .send({ kind: 'coupon', name: '50元券', description: '积分兑换', pointsCost: 50, stockTotal: 10, perMemberLimit: 1, couponTemplateCode: t.code, active: true })
          .expect(201)
      ).body as RewardView;
      const m = await newMember(stack);
      await api(stack).post(`/api/staff/members/${m.id}/points/adjustments`).set(as(admin)).send({ delta: 100, reason: '测试', idempotencyKey: key('adj') }).expect(201);
      const made = (await api(stack).post(`/api/loyalty/rewards/${reward.id}/redeem`).set(as(m.token)).send({ idempotencyKey: key('r') }).expect(201)).body as RedemptionView;
      expect(made.status).toBe('fulfilled');
      const mine = (await wallet(m)).filter((c) => c.template.id === t.id);
      expect(mine.map((c) => c.source)).toEqual(['mall']);
      await api(stack).post(`/api/staff/loyalty/redemptions/${made.id}/cancel`).set(as(advisorSh)).send({ reason: '顾客不要了' }).expect(200);
      expect(await statusOf(mine[0].id)).toBe('revoked');
      const noTemplate = await api(stack)
        .post('/api/staff/loyalty/rewards')
        .set(as(marketer))
        .send({ kind: 'coupon', name: '坏券', description: '', pointsCost: 50, stockTotal: 10, perMemberLimit: 1, couponTemplateCode: 'NO-SUCH-CODE', active: true });
      expect([noTemplate.status, noTemplate.body.code]).toEqual([400, 'REWARD_INVALID']);
    });

    it('the tier’s birthday coupon is issued once in the birthday month, however often the job runs', async () => {
      const t = await live({ claimable: false, totalStock: null, name: '生日礼券' });
      const m = await newMember(stack);
      const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 7);
      await db.query(`UPDATE member SET birthday = $2 WHERE id = $1`, [m.id, `1990-${month}-15`]);
      await db.query(`INSERT INTO member_tier (member_id, tier_code) VALUES ($1, 'pink') ON CONFLICT (member_id) DO NOTHING`, [m.id]);
      const [{ birthday_coupon_code: before }] = await db.query(`SELECT birthday_coupon_code FROM tier WHERE code = 'pink'`);
      await db.query(`UPDATE tier SET birthday_coupon_code = $1 WHERE code = 'pink'`, [t.code]);
      try {
        await runJob('birthday-coupons');
        await runJob('birthday-coupons');
      } finally {
        await db.query(`UPDATE tier SET birthday_coupon_code = $1 WHERE code = 'pink'`, [before]);
      }
      expect((await wallet(m)).filter((c) => c.template.id === t.id).map((c) => c.source)).toEqual(['tier']);
    });

    it('a reminder goes out once for a coupon about to expire, to a member who accepted the message', async () => {
      const m = await newMember(stack);
      const c = await claimed(m, (await live()).id);
      await db.query(`UPDATE member_coupon SET valid_until = now() + interval '2 days' WHERE id = $1`, [c.id]);
      for (let i = 0; i < 2; i++) {
        await control(stack, '/__control/subscribe', { openid: m.openid, templateId: stack.config.wechatTemplateCouponExpiring, accept: true });
        await api(stack).post('/api/me/subscriptions').set(as(m.token)).send({ results: { [stack.config.wechatTemplateCouponExpiring]: 'accept' } }).expect(200);
      }
      await runJob('coupon-expiry-reminders');
      await runJob('coupon-expiry-reminders');
      await runJob('notifications-dispatch');
      const delivered = await stack.sandbox.inject({ method: 'GET', url: `/__control/subscribe/messages?openid=${m.openid}` });
      const messages = (delivered.json() as { messages: { templateId: string; page: string; data: Record<string, string> }[] }).messages.filter(
        (x) => x.templateId === stack.config.wechatTemplateCouponExpiring,
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ page: 'packages/coupon/pages/wallet/index', data: { thing1: '满300减50' } });
    });
  });

  describe('online checkout with WeChat Pay', () => {
    const checkout = (m: TestMember, body: Record<string, unknown>) =>
      api(stack).post('/api/orders/checkout').set(as(m.token)).send({ idempotencyKey: key('co'), ...body });
    const pay = (orderNo: string) => stack.sandbox.inject({ method: 'POST', url: `/__control/pay/transactions/${orderNo}/pay`, payload: {} });
    const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
      for (let i = 0; i < 100; i++) {
        const v = await read();
        if (ok(v)) return v;
        await new Promise((r) => setTimeout(r, 50));
      }
      return read();
    };
    const order = async (m: TestMember, id: string) => (await api(stack).get(`/api/orders/mine/${id}`).set(as(m.token)).expect(200)).body as OrderView;

    it('the coupon is held while the order awaits payment, and used once WeChat Pay confirms; points follow', async () => {
      const t = await live({ amountOffFen: 3000, minSpendFen: 0 });
      const m = await newMember(stack);
      const c = await claimed(m, t.id);
      const k = key('co');
      const res = await checkout(m, { items: [{ sku: sku.skincare, quantity: 1 }], couponIds: [c.id], idempotencyKey: k });
      expect(res.status).toBe(201);
      const body = res.body as CheckoutResponse;
      expect(body.order).toMatchObject({ channel: 'online', status: 'created', totalFen: sku.skincarePrice - 3000, coupons: [{ id: c.id, discountFen: 3000 }] });
      expect(body.payment).toMatchObject({ package: expect.stringMatching(/^prepay_id=/), signType: 'RSA', appId: stack.config.wechatAppId });
      expect(await statusOf(c.id)).toBe('held');
      expect((await wallet(m))[0]).toMatchObject({ id: c.id, status: 'held' });
      // Paying later (继续支付) gets parameters for the same WeChat Pay order.
      const again = (await api(stack).post(`/api/orders/mine/${body.order.id}/payment`).set(as(m.token)).expect(200)).body as CheckoutResponse;
      expect(again.payment?.package).toBe(body.payment?.package);
      expect((await api(stack).post(`/api/orders/mine/${body.order.id}/payment`).set(as((await newMember(stack)).token))).status).toBe(404);
      expect((await pay(body.order.orderNo)).statusCode).toBe(200);
      const paid = await until(() => order(m, body.order.id), (o) => o.status === 'paid');
      expect(paid).toMatchObject({ status: 'paid', points: { earned: Math.floor((sku.skincarePrice - 3000) / 100), status: 'pending' } });
      expect(await statusOf(c.id)).toBe('used');
      // WeChat delivers the same notification again: nothing changes.
      const [{ id: notificationId }] = (
        (await stack.sandbox.inject({ method: 'GET', url: `/__control/pay/notifications?outTradeNo=${body.order.orderNo}` })).json() as { notifications: { id: string }[] }
      ).notifications;
      // The sandbox answers once the API has answered the re-delivery: acknowledged (204), so it was handled again.
      const redelivered = await stack.sandbox.inject({ method: 'POST', url: `/__control/pay/notifications/${notificationId}/redeliver`, payload: {} });
      expect((redelivered.json() as { status: number }).status).toBe(204);
      const [{ n }] = await db.query(`SELECT COUNT(*)::int AS n FROM points_entry WHERE ref_type = 'order' AND ref_id = $1 AND kind = 'earn'`, [body.order.id]);
      expect(n).toBe(1);
      // The notification is kept as the payment's record, without the payer's openid.
      const [kept] = await db.query(`SELECT resource FROM payment_notification WHERE id = $1`, [notificationId]);
      expect(kept.resource).toMatchObject({ out_trade_no: body.order.orderNo, trade_state: 'SUCCESS' });
      expect(kept.resource.payer).toBeUndefined();
      // The same checkout retried answers the same (now paid) order without payment parameters.
      const retried = await checkout(m, { items: [{ sku: sku.skincare, quantity: 1 }], couponIds: [c.id], idempotencyKey: k });
      expect([retried.status, retried.body.order.id, retried.body.payment]).toEqual([200, body.order.id, null]);
    });

    it('cancelling an unpaid order, or letting it time out, gives the coupon back', async () => {
      const t = await live({ amountOffFen: 1000, minSpendFen: 0, perMemberLimit: 2 });
      const m = await newMember(stack);
      const a = await claimed(m, t.id);
      const b = await claimed(m, t.id);
      const first = (await checkout(m, { items: [{ sku: sku.makeup, quantity: 1 }], couponIds: [a.id] }).expect(201)).body as CheckoutResponse;
      const cancelled = await api(stack).post(`/api/orders/mine/${first.order.id}/cancel`).set(as(m.token)).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(await statusOf(a.id)).toBe('available');
      const closed = await api(stack).post(`/api/orders/mine/${first.order.id}/payment`).set(as(m.token));
      expect([closed.status, closed.body.code]).toEqual([409, 'ORDER_PAYMENT_CLOSED']);
      expect((await pay(first.order.orderNo)).statusCode).toBeGreaterThanOrEqual(400);

      const second = (await checkout(m, { items: [{ sku: sku.makeup, quantity: 1 }], couponIds: [b.id] }).expect(201)).body as CheckoutResponse;
      await db.query(`UPDATE sales_order SET pay_before = now() - interval '1 second' WHERE id = $1`, [second.order.id]);
      const job = await runJob('orders-close-unpaid');
      expect(job.result['cancelled']).toBeGreaterThanOrEqual(1);
      expect((await order(m, second.order.id)).status).toBe('cancelled');
      expect(await statusOf(b.id)).toBe('available');
    });

    it('a held coupon cannot be used twice, and a forged payment notification is refused', async () => {
      const t = await live({ amountOffFen: 1000, minSpendFen: 0 });
      const m = await newMember(stack);
      const c = await claimed(m, t.id);
      await checkout(m, { items: [{ sku: sku.makeup, quantity: 1 }], couponIds: [c.id] }).expect(201);
      const twice = await checkout(m, { items: [{ sku: sku.makeup, quantity: 1 }], couponIds: [c.id] });
      expect([twice.status, twice.body.code]).toEqual([409, 'COUPON_NOT_APPLICABLE']);
      const forged = await api(stack)
        .post('/api/payments/wechat/notify')
        .set({ 'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)), 'wechatpay-nonce': 'abc', 'wechatpay-signature': 'Zm9yZ2Vk', 'wechatpay-serial': 'PUB_KEY_ID_X' })
        .send({ id: 'EV-forged', event_type: 'TRANSACTION.SUCCESS', resource: {} });
      expect(forged.status).toBe(401);
      const probe = await stack.sandbox.inject({ method: 'POST', url: '/__control/pay/probe', payload: { url: `${stack.apiUrl}/api/payments/wechat/notify` } });
      expect((probe.json() as { status: number }).status).toBe(401);
    });

    it('a full refund of an online order returns the money through WeChat Pay and the coupon to the wallet', async () => {
      const t = await live({ amountOffFen: 1000, minSpendFen: 0 });
      const m = await newMember(stack);
      const c = await claimed(m, t.id);
      const body = (await checkout(m, { items: [{ sku: sku.makeup, quantity: 1 }], couponIds: [c.id] }).expect(201)).body as CheckoutResponse;
      await pay(body.order.orderNo);
      await until(() => order(m, body.order.id), (o) => o.status === 'paid');
      await api(stack).post(`/api/staff/orders/${body.order.id}/refunds`).set(as(admin)).send({ full: true, reason: '七天无理由', idempotencyKey: key('ref') }).expect(201);
      expect(await statusOf(c.id)).toBe('available');
      const refund = await until(
        async () => ((await db.query(`SELECT payment_status FROM order_refund WHERE order_id = $1`, [body.order.id])) as { payment_status: string }[])[0],
        (r) => r.payment_status === 'succeeded',
      );
      expect(refund.payment_status).toBe('succeeded');
      const state = (await stack.sandbox.inject({ method: 'GET', url: `/__control/pay/transactions/${body.order.orderNo}` })).json() as { refunds: unknown[] };
      expect(state.refunds).toHaveLength(1);
    });
  });

  describe('under load', () => {
    it('10,000 members and 200 clients trying several times for 1,000 coupons: exactly 1,000, nobody with two', async () => {
      const t = await live({ totalStock: 1000, perMemberLimit: 1, name: '限量千张' });
      // Members are written straight to the database (joining 10,000 through WeChat would take minutes) and get real
      // access tokens signed with the API's key, exactly as a login would.
      const tag = Date.now().toString(36).slice(-6).toUpperCase();
      const members = (await db.query(
        `INSERT INTO member (member_no, phone_cipher, phone_hash, phone_masked, channel, referral_code, joined_at)
         SELECT 'L' || $1 || lpad(i::text, 5, '0'), 'load-test', encode(sha256(('load-' || $1 || '-' || i)::bytea), 'hex'), '166****0000', 'wechat',
                'L' || $1 || lpad(i::text, 5, '0'), now()
           FROM generate_series(1, 10000) AS i RETURNING id`,
        [tag],
      )) as { id: string }[];
      const jwt = new JwtService();
      const tokens = members.map((m) =>
        jwt.sign({ sub: `load-${m.id}`, knd: 'member', mid: m.id }, { secret: stack.config.jwtSecret, expiresIn: 600, algorithm: 'HS256' }),
      );
      const statuses: Record<number, number> = {};
      let next = 0;
      const client = async () => {
        for (;;) {
          const i = next++;
          if (i >= tokens.length) return;
          for (let attempt = 0; attempt < 2; attempt++) {
            const res = await fetch(`${stack.apiUrl}/api/coupons/claim-center/${t.id}/claim`, {
              method: 'POST',
              headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
              body: JSON.stringify({ idempotencyKey: `load-${i}-${attempt}` }),
            });
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            await res.arrayBuffer();
          }
        }
      };
      await Promise.all(Array.from({ length: 200 }, client));
      expect(statuses[201]).toBe(1000);
      expect(Object.keys(statuses).sort()).toEqual(['201', '409']);
      const [row] = await db.query(
        `SELECT (SELECT remaining FROM coupon_template WHERE id = $1) AS remaining,
                (SELECT COUNT(*)::int FROM member_coupon WHERE template_id = $1) AS coupons,
                (SELECT COUNT(*)::int FROM (SELECT member_id FROM member_coupon WHERE template_id = $1 GROUP BY member_id HAVING COUNT(*) > 1) x) AS doubles`,
        [t.id],
      );
      expect(row).toEqual({ remaining: 0, coupons: 1000, doubles: 0 });
      // The load members leave again, so other suites count only the members they made.
      await db.query(`DELETE FROM member_coupon WHERE template_id = $1`, [t.id]);
      await db.query(`DELETE FROM coupon_claim_count WHERE template_id = $1`, [t.id]);
      await db.query(`DELETE FROM member WHERE id = ANY($1)`, [members.map((m) => m.id)]);
    }, 600_000);
  });
});
