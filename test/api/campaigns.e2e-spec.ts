import { randomBytes, randomUUID } from 'node:crypto';
import type { CampaignReport, CampaignRunView, CampaignView, SegmentNode, SegmentPreviewView, SegmentView, StoreAnalyticsView, SubscriptionView } from '@glow/contracts';
import { addDays, businessDate, businessClock, rate } from '@glow/domain';
import type { DataSource } from 'typeorm';
import { CampaignJourneys } from '../../apps/api/src/modules/campaign/campaign-journeys';
import { CampaignRunner } from '../../apps/api/src/modules/campaign/campaign-runner';
import { as, newMember, type TestMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, control, staffLogin } from '../support/wechat-user';

const DAY = 86_400_000;
let seq = 0;
const key = (what: string) => `${what}-${Date.now().toString(36)}-${++seq}`;
/** Test settings: small batches so a run has several checkpoints, quick retries, and an outbox that gives up after 5. */
const SETTINGS = { campaignBatchSize: 50, campaignRetryDelaySeconds: 1, outboxRetrySeconds: 0, outboxMaxAttempts: 5 };

describe('Campaigns: segments, runs, journeys, subscribe messages and analytics', () => {
  let stack: Stack;
  let db: DataSource;
  let admin: string;
  let marketer: string;
  let manager: string;
  let advisor: string;
  let ladder: string[];
  let stores: Record<string, string>;
  let sku: { skincare: string; makeup: string };

  beforeAll(async () => {
    stack = await startStack(SETTINGS);
    db = await e2eDataSource();
    [admin, marketer, manager, advisor] = await Promise.all(['admin', 'marketer', 'manager1', 'advisor1'].map(async (u) => (await staffLogin(stack, u)).accessToken));
    ladder = (await db.query(`SELECT code FROM tier ORDER BY rank`)).map((t: { code: string }) => t.code);
    stores = Object.fromEntries((await db.query(`SELECT code, id FROM store`)).map((s: { code: string; id: string }) => [s.code, s.id]));
    const [s] = await db.query(`SELECT sku FROM product WHERE category = 'skincare' AND usage_days IS NOT NULL ORDER BY sku LIMIT 1`);
    const [m] = await db.query(`SELECT sku FROM product WHERE category = 'makeup' ORDER BY sku LIMIT 1`);
    sku = { skincare: s.sku, makeup: m.sku };
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  // --- helpers ---

  const tag = async (label: string, members: TestMember[]): Promise<string> => {
    const [t] = await db.query(`INSERT INTO tag (label, kind) VALUES ($1, 'manual') RETURNING id`, [label.slice(0, 12)]);
    for (const m of members) await db.query(`INSERT INTO member_tag (member_id, tag_id) VALUES ($1, $2)`, [m.id, t.id]);
    return t.id;
  };
  const members = async (n: number): Promise<TestMember[]> => {
    const out: TestMember[] = [];
    for (let i = 0; i < n; i++) out.push(await newMember(stack));
    return out;
  };
  /** A paid order recorded straight in the database, `daysAgo` days before now. */
  const order = async (memberId: string, o: { daysAgo: number; fen: number; sku: string; category: string; storeId?: string; at?: Date }) => {
    const paidAt = o.at ?? new Date(Date.now() - o.daysAgo * DAY);
    const [row] = await db.query(
      `INSERT INTO sales_order (order_no, member_id, channel, status, store_id, subtotal_fen, total_fen, idempotency_key, paid_at, created_at, updated_at)
       VALUES ($1, $2, 'store', 'paid', $3, $4, $4, $5, $6, $6, now()) RETURNING id`,
      [`T${randomBytes(8).toString('hex')}`, memberId, o.storeId ?? stores['SH01'], o.fen, key('order'), paidAt],
    );
    const [item] = await db.query(
      `INSERT INTO order_item (order_id, sku, name, category, unit_price_fen, quantity, paid_fen, position) VALUES ($1, $2, '测试商品', $3, $4, 1, $4, 0) RETURNING id`,
      [row.id, o.sku, o.category, o.fen],
    );
    return { orderId: row.id as string, itemId: item.id as string };
  };
  const runJob = async (name: string) => (await api(stack).post(`/api/staff/jobs/${name}/run`).set(as(admin)).expect(200)).body as { result: Record<string, number> };
  const preview = async (rule: SegmentNode): Promise<SegmentPreviewView> => {
    const res = await api(stack).post('/api/staff/segments/preview').set(as(marketer)).send({ rule });
    if (res.status !== 200) throw new Error(`preview answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as SegmentPreviewView;
  };
  const segment = async (name: string, rule: SegmentNode): Promise<SegmentView> => {
    const res = await api(stack).post('/api/staff/segments').set(as(marketer)).send({ name, rule });
    if (res.status !== 201) throw new Error(`segment answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as SegmentView;
  };
  const campaignBody = (overrides: Record<string, unknown>) => ({ name: '测试活动', kind: 'one-off', holdoutPct: 0, attributionDays: 7, ...overrides });
  const campaign = async (overrides: Record<string, unknown>): Promise<CampaignView> => {
    const res = await api(stack).post('/api/staff/campaigns').set(as(marketer)).send(campaignBody(overrides));
    if (res.status !== 201) throw new Error(`campaign answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as CampaignView;
  };
  const setStatus = (id: string, action: string) => api(stack).post(`/api/staff/campaigns/${id}/status`).set(as(marketer)).send({ action });
  /** Waits (polling) until the campaign's latest run has finished. */
  const finished = async (id: string, s: Stack = stack): Promise<CampaignRunView> => {
    for (let i = 0; i < 300; i++) {
      const c = (await api(s).get(`/api/staff/campaigns/${id}`).set(as(marketer)).expect(200)).body as CampaignView;
      if (c.lastRun && (c.lastRun.status === 'done' || c.lastRun.status === 'failed')) return c.lastRun;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`campaign ${id} did not finish`);
  };
  const runsOf = async (id: string) => (await api(stack).get(`/api/staff/campaigns/${id}/runs`).set(as(marketer)).expect(200)).body as CampaignRunView[];
  const waitRun = async (runId: string) => {
    for (let i = 0; i < 300; i++) {
      const [r] = await db.query(`SELECT status FROM campaign_run WHERE id = $1`, [runId]);
      if (!r) return 'empty'; // a journey run that found nobody is removed
      if (r.status === 'done' || r.status === 'failed') return r.status as string;
      await new Promise((res) => setTimeout(res, 200));
    }
    throw new Error(`run ${runId} did not finish`);
  };
  const couponTemplate = async (overrides: Record<string, unknown> = {}) => {
    const code = key('CP').replace(/[^A-Za-z0-9_-]/g, '').slice(-40);
    const body = {
      code,
      name: '活动专享券',
      description: '',
      kind: 'amount_off',
      amountOffFen: 3000,
      minSpendFen: 20000,
      scope: { kind: 'all', values: [], excludeSkus: [] },
      validity: { kind: 'relative', days: 14, weekdays: [] },
      totalStock: null,
      perMemberLimit: 1,
      claimable: false,
      stacking: 'exclusive',
      costFen: 800,
      ...overrides,
    };
    const t = await api(stack).post('/api/staff/coupon-templates').set(as(marketer)).send(body);
    if (t.status !== 201) throw new Error(`template answered ${t.status}: ${JSON.stringify(t.body)}`);
    await api(stack).post(`/api/staff/coupon-templates/${t.body.id}/status`).set(as(marketer)).send({ status: 'active' }).expect(200);
    return { id: t.body.id as string, code };
  };
  const accept = async (m: TestMember, templateId: string) => {
    await control(stack, '/__control/subscribe', { openid: m.openid, templateId, accept: true });
    await api(stack).post('/api/me/subscriptions').set(as(m.token)).send({ results: { [templateId]: 'accept' } }).expect(200);
  };
  const delivered = async (m: TestMember, templateId: string) => {
    const res = await stack.sandbox.inject({ method: 'GET', url: `/__control/subscribe/messages?openid=${m.openid}` });
    return (res.json() as { messages: { templateId: string; data: Record<string, string> }[] }).messages.filter((x) => x.templateId === templateId);
  };

  describe('segments', () => {
    let A: TestMember, B: TestMember, C: TestMember, D: TestMember, E: TestMember, F: TestMember;
    let T: string;
    let V: string;
    const ids = (p: SegmentPreviewView) => new Set(p.sample.map((s) => s.id));
    const within = (c: SegmentNode): SegmentNode => ({ op: 'and', children: [c, { field: 'tags', values: [T], match: 'any' }] });
    const expectMembers = async (c: SegmentNode, expected: TestMember[]) => {
      const p = await preview(within(c));
      expect({ rule: c, ids: [...ids(p)].sort() }).toEqual({ rule: c, ids: expected.map((m) => m.id).sort() });
      expect(p.count).toBe(expected.length);
    };
    /** A birthday `years` years and `days` days before today (Asia/Shanghai). */
    const birthday = (years: number, days: number) => {
      const d = addDays(businessDate(new Date()), -days);
      return `${Number(d.slice(0, 4)) - years}${d.slice(4)}`.replace(/-02-29$/, '-02-28');
    };

    beforeAll(async () => {
      [A, B, C, D, E, F] = await members(6);
      T = await tag(key('seg').slice(-12), [A, B, C, D, E, F]);
      V = await tag(key('vip').slice(-12), [A, C]);
      const set = async (m: TestMember, f: { gender: string; birthday: string | null; city: string; store: string; joinedDaysAgo: number; tier: string }) => {
        await db.query(`UPDATE member SET gender = $2, birthday = $3, city = $4, store_id = $5, joined_at = now() - make_interval(days => $6) WHERE id = $1`, [
          m.id,
          f.gender,
          f.birthday,
          f.city,
          stores[f.store],
          f.joinedDaysAgo,
        ]);
        await db.query(`INSERT INTO member_tier (member_id, tier_code) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET tier_code = EXCLUDED.tier_code`, [m.id, f.tier]);
      };
      await set(A, { gender: 'female', birthday: birthday(36, 10), city: '上海', store: 'SH01', joinedDaysAgo: 400, tier: ladder[2] });
      await set(B, { gender: 'male', birthday: birthday(21, 45), city: '北京', store: 'BJ01', joinedDaysAgo: 10, tier: ladder[0] });
      await set(C, { gender: 'female', birthday: null, city: '上海', store: 'SH01', joinedDaysAgo: 200, tier: ladder[1] });
      await set(D, { gender: 'unknown', birthday: birthday(45, 80), city: '广州', store: 'GZ01', joinedDaysAgo: 800, tier: ladder[0] });
      await set(E, { gender: 'female', birthday: birthday(27, 115), city: '上海', store: 'SH01', joinedDaysAgo: 50, tier: ladder[1] });
      await set(F, { gender: 'female', birthday: birthday(16, 150), city: '杭州', store: 'GZ01', joinedDaysAgo: 5, tier: ladder[3] });
      const [qv] = await db.query(`SELECT id FROM questionnaire_version WHERE status = 'published' LIMIT 1`);
      const skin = async (m: TestMember, type: string, concerns: string[]) => {
        const [s] = await db.query(`INSERT INTO skin_session (member_id, questionnaire_version_id, status, submitted_at) VALUES ($1, $2, 'submitted', now()) RETURNING id`, [m.id, qv.id]);
        await db.query(
          `INSERT INTO skin_result (member_id, session_id, questionnaire_version_id, answers, skin_type, sensitive, sensitivity, sensitivity_score, concerns, allergens,
                                   type_scores, concern_scores, summary, explanation, taken_at)
           VALUES ($1, $2, $3, '[]', $4, false, 'low', 0, $5, '{}', '{}', '{}', '测试', '测试', now())`,
          [m.id, s.id, qv.id, type, concerns],
        );
      };
      await skin(A, 'dry', ['acne', 'pores']);
      await skin(B, 'oily', ['spots']);
      await skin(E, 'combination', ['acne']);
      await order(A.id, { daysAgo: 10, fen: 30000, sku: sku.skincare, category: 'skincare' });
      await order(A.id, { daysAgo: 40, fen: 50000, sku: sku.skincare, category: 'skincare' });
      await order(A.id, { daysAgo: 80, fen: 80000, sku: sku.makeup, category: 'makeup' });
      await order(C.id, { daysAgo: 120, fen: 10000, sku: sku.makeup, category: 'makeup' });
      await order(D.id, { daysAgo: 500, fen: 200000, sku: sku.skincare, category: 'skincare' });
      await order(E.id, { daysAgo: 20, fen: 5000, sku: sku.skincare, category: 'skincare' });
      const [tpl] = await db.query(`SELECT id FROM coupon_template WHERE code = 'NEW-10'`);
      const coupon = async (m: TestMember, status: string) =>
        db.query(
          `INSERT INTO member_coupon (template_id, member_id, code, status, source, issue_key, valid_from, valid_until, used_at, expired_at)
           VALUES ($1, $2, $3, $4::text, 'manual', $5, now() - interval '30 days', now() + CASE WHEN $4::text = 'expired' THEN interval '-1 day' ELSE interval '10 days' END,
                   CASE WHEN $4::text = 'used' THEN now() - interval '5 days' END, CASE WHEN $4::text = 'expired' THEN now() - interval '1 day' END)`,
          [tpl.id, m.id, randomBytes(6).toString('hex').toUpperCase(), status, key('seg-coupon')],
        );
      await coupon(C, 'used');
      await coupon(D, 'expired');
      await coupon(E, 'available');
      await runJob('member-metrics');
    });

    it('compile every rule type to SQL that finds exactly the hand-checked members', async () => {
      await expectMembers({ field: 'tier', values: [ladder[1]] }, [C, E]);
      await expectMembers({ field: 'skinType', values: ['dry'] }, [A]);
      await expectMembers({ field: 'concerns', values: ['acne'], match: 'any' }, [A, E]);
      await expectMembers({ field: 'concerns', values: ['acne', 'pores'], match: 'all' }, [A]);
      await expectMembers({ field: 'tags', values: [V], match: 'any' }, [A, C]);
      await expectMembers({ field: 'tags', values: [T, V], match: 'all' }, [A, C]);
      await expectMembers({ field: 'city', values: ['上海'] }, [A, C, E]);
      await expectMembers({ field: 'gender', values: ['male', 'unknown'] }, [B, D]);
      await expectMembers({ field: 'ageBand', values: ['35-39'] }, [A]);
      await expectMembers({ field: 'ageBand', values: ['under-20'] }, [F]);
      await expectMembers({ field: 'ageBand', values: ['20-24', '40-49'] }, [B, D]);
      await expectMembers({ field: 'birthdayMonth', values: [Number(birthday(36, 10).slice(5, 7))] }, [A]);
      await expectMembers({ field: 'joinDate', from: addDays(businessDate(new Date()), -450), to: addDays(businessDate(new Date()), -300) }, [A]);
      await expectMembers({ field: 'joinedDaysAgo', min: 0, max: 30 }, [B, F]);
      await expectMembers({ field: 'store', values: [stores['SH01']] }, [A, C, E]);
      await expectMembers({ field: 'daysSinceLastPurchase', min: 100, max: 200 }, [C]);
      await expectMembers({ field: 'daysSinceLastPurchase', min: 400, includeNever: true }, [B, D, F]);
      await expectMembers({ field: 'purchaseCount', windowDays: 90, min: 2 }, [A]);
      await expectMembers({ field: 'purchaseCount', windowDays: 365, max: 0 }, [B, D, F]);
      await expectMembers({ field: 'spend', windowDays: 365, minFen: 100_000 }, [A]);
      await expectMembers({ field: 'spend', windowDays: 365, maxFen: 6000 }, [B, D, E, F]);
      await expectMembers({ field: 'bought', kind: 'sku', values: [sku.skincare] }, [A, D, E]);
      await expectMembers({ field: 'bought', kind: 'sku', values: [sku.skincare], windowDays: 30 }, [A, E]);
      await expectMembers({ field: 'bought', kind: 'category', values: ['makeup'] }, [A, C]);
      await expectMembers({ field: 'rfm', r: { min: 5 } }, [A, E]);
      await expectMembers({ field: 'rfm', f: { min: 3 } }, [A]);
      await expectMembers({ field: 'rfmClass', values: ['champion'] }, [A]);
      await expectMembers({ field: 'rfmClass', values: ['hibernating', 'promising'] }, [C, E]);
      await expectMembers({ field: 'abcClass', values: ['A', 'B', 'C'] }, [A, C, E]);
      await expectMembers({ field: 'lifecycle', values: ['new'] }, [B, E, F]);
      await expectMembers({ field: 'lifecycle', values: ['at-risk', 'lost'] }, [C, D]);
      await expectMembers({ field: 'lifecycle', values: ['active'] }, [A]);
      await expectMembers({ field: 'coupon', behaviour: 'holds-available' }, [E]);
      await expectMembers({ field: 'coupon', behaviour: 'redeemed', templateCodes: ['NEW-10'] }, [C]);
      await expectMembers({ field: 'coupon', behaviour: 'expired-unused' }, [D]);
      await expectMembers({ field: 'coupon', behaviour: 'never-redeemed' }, [A, B, D, E, F]);
      await expectMembers({ op: 'or', children: [{ field: 'city', values: ['北京'] }, { field: 'lifecycle', values: ['lost'] }] }, [B, D]);
      await expectMembers({ op: 'not', child: { field: 'city', values: ['上海'] } }, [B, D, F]);
      // ABC ranks by spend: the biggest spender here is never in a lower class than the smaller ones.
      const [a] = await db.query(`SELECT abc_class FROM member_metrics WHERE member_id = $1`, [A.id]);
      const rest = await db.query(`SELECT abc_class FROM member_metrics WHERE member_id = ANY($1::uuid[])`, [[C.id, E.id]]);
      for (const r of rest) expect(a.abc_class <= r.abc_class).toBe(true);
    });

    it('a preview explains the rule in Chinese; a saved segment is counted, listed, and cannot be deleted while a campaign uses it', async () => {
      const p = await preview(within({ field: 'city', values: ['上海'] }));
      expect(p.summary).toContain('城市为上海');
      expect(p.metricsAt).not.toBeNull();
      const s = await segment('上海会员', within({ field: 'city', values: ['上海'] }));
      expect(s).toMatchObject({ count: 3, campaigns: 0 });
      expect(((await api(stack).get('/api/staff/segments').set(as(marketer)).expect(200)).body as SegmentView[]).map((x) => x.id)).toContain(s.id);
      const c = await campaign({ segmentId: s.id, actions: [{ kind: 'task', taskTitle: '电话回访' }] });
      const refused = await api(stack).delete(`/api/staff/segments/${s.id}`).set(as(marketer)).expect(409);
      expect(refused.body.code).toBe('SEGMENT_IN_USE');
      await api(stack).delete(`/api/staff/campaigns/${c.id}`).set(as(marketer)).expect(204);
      await api(stack).delete(`/api/staff/segments/${s.id}`).set(as(marketer)).expect(204);
    });

    it('a hostile or malformed rule is a 400 with the problems listed, and SQL text in values is only ever data', async () => {
      const bad = await api(stack).post('/api/staff/segments/preview').set(as(marketer)).send({ rule: { op: 'and', children: [{ field: 'tier', values: [] }, { field: 'nope' }] } }).expect(400);
      expect(bad.body.code).toBe('SEGMENT_INVALID');
      expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
      const hostile = await preview(within({ field: 'city', values: ["上海'; DROP TABLE member; --"] }));
      expect(hostile.count).toBe(0);
      expect((await db.query(`SELECT count(*)::int AS n FROM member`))[0].n).toBeGreaterThan(0);
      await api(stack).post('/api/staff/segments/preview').set(as(advisor)).send({ rule: { field: 'city', values: ['上海'] } }).expect(403);
    });

    it('a one-off campaign issues the coupon, queues the message and creates advisor tasks, once per member, and reports what it earned', async () => {
      const tpl = await couponTemplate();
      const s = await segment('全部测试会员', { field: 'tags', values: [T], match: 'any' });
      await accept(A, stack.config.wechatTemplateCouponArrival);
      const c = await campaign({
        name: '回归礼券',
        segmentId: s.id,
        actions: [
          { kind: 'coupon', couponTemplateCode: tpl.code },
          { kind: 'message', messageTemplate: 'coupon-arrival', messageText: '专属礼券已到账' },
          { kind: 'task', taskTitle: '提醒会员使用礼券', taskDueDays: 2 },
        ],
        attributionDays: 14,
      });
      expect(c.status).toBe('draft');
      const launched = (await setStatus(c.id, 'launch').expect(200)).body as CampaignView;
      expect(['running', 'completed']).toContain(launched.status);
      const run = await finished(c.id);
      expect(run).toMatchObject({ status: 'done', audience: 6, processed: 6, touched: 6 });
      expect(((await api(stack).get(`/api/staff/campaigns/${c.id}`).set(as(marketer))).body as CampaignView).status).toBe('completed');
      const coupons = await db.query(
        `SELECT c.member_id, count(*)::int AS n FROM member_coupon c WHERE c.template_id = $1 AND c.source = 'campaign' GROUP BY c.member_id`,
        [tpl.id],
      );
      expect(coupons).toHaveLength(6);
      expect(coupons.every((r: { n: number }) => r.n === 1)).toBe(true);
      const tasks = await db.query(`SELECT t.advisor_id, m.advisor_id AS bound, t.due_on::text AS due FROM follow_up_task t JOIN member m ON m.id = t.member_id WHERE t.campaign_id = $1`, [c.id]);
      expect(tasks).toHaveLength(6);
      for (const t of tasks) expect(t).toMatchObject({ advisor_id: t.bound, due: addDays(businessDate(new Date()), 2) });
      // Messages go only with a credit: A accepted, the others did not.
      await runJob('notifications-dispatch');
      const outbox = await db.query(`SELECT member_id, status FROM notification_outbox WHERE source = $1`, [`campaign:${c.id}`]);
      expect(outbox).toHaveLength(6);
      expect(Object.fromEntries(outbox.map((o: { member_id: string; status: string }) => [o.member_id, o.status]))[A.id]).toBe('sent');
      expect(outbox.filter((o: { status: string }) => o.status === 'no-credit')).toHaveLength(5);
      const [message] = await delivered(A, stack.config.wechatTemplateCouponArrival);
      expect(message.data).toMatchObject({ thing1: '活动专享券', thing4: '专属礼券已到账' });
      expect(message.data['thing2']).toMatch(/^¥30 满¥200(\.00)?可用$/);

      // Running the finished run again (a duplicate job) issues nothing more.
      const runner = stack.app.get(CampaignRunner);
      await runner.process(run.id);
      expect((await db.query(`SELECT count(*)::int AS n FROM member_coupon WHERE template_id = $1`, [tpl.id]))[0].n).toBe(6);
      expect((await setStatus(c.id, 'launch').expect(409)).body.code).toBe('CAMPAIGN_STATUS_INVALID');

      // A redeems at the till after the touch: redeemed, cost, attributed sales and ROI follow.
      const [aCoupon] = await db.query(`SELECT id FROM member_coupon WHERE template_id = $1 AND member_id = $2`, [tpl.id, A.id]);
      const { orderId } = await order(A.id, { daysAgo: 0, fen: 40000, sku: sku.skincare, category: 'skincare', at: new Date(Date.now() + 1000) });
      await db.query(`UPDATE member_coupon SET status = 'used', used_at = now(), order_id = $2, discount_fen = 3000 WHERE id = $1`, [aCoupon.id, orderId]);
      const report = (await api(stack).get(`/api/staff/campaigns/${c.id}/report`).set(as(marketer)).expect(200)).body as CampaignReport;
      expect(report.funnel).toMatchObject({ audience: 6, holdout: 0, touched: 6, messaged: 1, issued: 6, claimed: 6, redeemed: 1, ordered: 1 });
      expect(report).toMatchObject({ claimRate: 1, redemptionRate: 1 / 6, orders: 1, salesFen: 40000, costFen: 800, incrementalSalesFen: null });
      expect(report.roi).toBeCloseTo((40000 - 800) / 800);
      expect(report.daily.find((d) => d.date === businessDate(new Date()))).toMatchObject({ touched: 6, redeemed: 1, orders: 1, salesFen: 40000 });
      const xlsx = await api(stack).get(`/api/staff/campaigns/${c.id}/report/export`).set(as(marketer)).responseType('blob').expect(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });
  });

  describe('budgets, frequency caps, holdouts and quiet hours', () => {
    let group: TestMember[];
    let segmentId: string;
    beforeAll(async () => {
      group = await members(6);
      segmentId = (await segment('预算测试', { field: 'tags', values: [await tag(key('bud').slice(-12), group)], match: 'any' })).id;
    });

    it('a day budget stops the run at its limit; the frequency cap then keeps the reached members from another campaign', async () => {
      const c = await campaign({ segmentId, budgetTotal: 4, budgetPerDay: 2, actions: [{ kind: 'task', taskTitle: '预算内回访' }] });
      await setStatus(c.id, 'launch').expect(200);
      const run = await finished(c.id);
      expect(run).toMatchObject({ audience: 6, touched: 2, skipped: { budget: 4 } });
      const view = (await api(stack).get(`/api/staff/campaigns/${c.id}`).set(as(marketer))).body as CampaignView;
      expect(view).toMatchObject({ touched: 2, touchedToday: 2 });
      // A completed campaign is final.
      const late = await api(stack).put(`/api/staff/campaigns/${c.id}`).set(as(marketer)).send(campaignBody({ segmentId, budgetTotal: 10, actions: [{ kind: 'task', taskTitle: '预算内回访' }] }));
      expect(late.status).toBe(409);

      const capped = await campaign({ segmentId, frequencyCap: { touches: 1, days: 7 }, actions: [{ kind: 'task', taskTitle: '频次测试' }] });
      await setStatus(capped.id, 'launch').expect(200);
      expect(await finished(capped.id)).toMatchObject({ audience: 6, touched: 4, skipped: { 'frequency-cap': 2 } });
    });

    it('a holdout is kept back and measured; messages wait for the end of quiet hours', async () => {
      const now = new Date();
      const quietFrom = businessClock(new Date(now.getTime() - 3600_000));
      const quietUntil = businessClock(new Date(now.getTime() + 3600_000));
      for (const m of group) await accept(m, stack.config.wechatTemplateTierChange);
      const c = await campaign({ segmentId, holdoutPct: 50, quietFrom, quietUntil, actions: [{ kind: 'message', messageTemplate: 'tier-change', messageText: '会员日权益提醒' }] });
      await setStatus(c.id, 'launch').expect(200);
      const run = await finished(c.id);
      expect(run.holdout + run.touched).toBe(6);
      expect(run.skipped.holdout ?? 0).toBe(run.holdout);
      const touches = await db.query(`SELECT holdout, outbox_id FROM campaign_touch WHERE campaign_id = $1`, [c.id]);
      expect(touches.filter((t: { holdout: boolean; outbox_id: string | null }) => t.holdout && t.outbox_id)).toHaveLength(0);
      const outbox = await db.query(`SELECT not_before, status FROM notification_outbox WHERE source = $1`, [`campaign:${c.id}`]);
      expect(outbox).toHaveLength(run.touched);
      await runJob('notifications-dispatch');
      for (const o of await db.query(`SELECT not_before, status FROM notification_outbox WHERE source = $1`, [`campaign:${c.id}`])) {
        expect(o.status).toBe('pending');
        expect(new Date(o.not_before).getTime()).toBeGreaterThan(now.getTime() + 3500_000);
      }
    });
  });

  describe('subscribe messages', () => {
    it('each accept is one credit; a send takes one and never goes without; unknown templates are refused', async () => {
      const [m, other] = await members(2);
      const ids = stack.config;
      const before = (await api(stack).get('/api/me/subscriptions').set(as(m.token)).expect(200)).body as SubscriptionView[];
      expect(before.every((s) => s.credits === 0)).toBe(true);
      const after = (
        await api(stack)
          .post('/api/me/subscriptions')
          .set(as(m.token))
          .send({ results: { [ids.wechatTemplateTierChange]: 'accept', [ids.wechatTemplateCouponArrival]: 'reject', 'not-ours': 'accept' } })
          .expect(200)
      ).body as SubscriptionView[];
      expect(after.find((s) => s.key === 'tier-change')).toMatchObject({ credits: 1, label: '会员等级变更通知' });
      expect(after.find((s) => s.key === 'coupon-arrival')?.credits).toBe(0);
      const unknown = await api(stack).post('/api/me/subscriptions').set(as(m.token)).send({ results: { 'not-ours': 'accept' } }).expect(400);
      expect(unknown.body.code).toBe('SUBSCRIBE_TEMPLATE_UNKNOWN');
      await control(stack, '/__control/subscribe', { openid: m.openid, templateId: ids.wechatTemplateTierChange, accept: true });

      const s = await segment('订阅测试', { field: 'tags', values: [await tag(key('sub').slice(-12), [m, other])], match: 'any' });
      for (let round = 0; round < 2; round++) {
        const c = await campaign({ segmentId: s.id, actions: [{ kind: 'message', messageTemplate: 'tier-change' }] });
        await setStatus(c.id, 'launch').expect(200);
        await finished(c.id);
        await runJob('notifications-dispatch');
      }
      // One credit, one message: the second campaign found no credit left and sent nothing.
      expect(await delivered(m, ids.wechatTemplateTierChange)).toHaveLength(1);
      expect(await delivered(other, ids.wechatTemplateTierChange)).toHaveLength(0);
      const statuses = await db.query(`SELECT member_id, status FROM notification_outbox WHERE member_id = ANY($1::uuid[]) ORDER BY created_at`, [[m.id, other.id]]);
      expect(statuses.filter((x: { status: string }) => x.status === 'sent')).toHaveLength(1);
      expect(statuses.filter((x: { status: string }) => x.status === 'no-credit')).toHaveLength(3);
      const [ledger] = await db.query(`SELECT sum(delta)::int AS credits FROM subscribe_credit_entry WHERE member_id = $1 AND template = 'tier-change'`, [m.id]);
      expect(ledger.credits).toBe(0);
    });

    it('during a WeChat outage the outbox keeps the message and its credit, retries, and delivers once WeChat is back', async () => {
      const [m] = await members(1);
      await accept(m, stack.config.wechatTemplateTierChange);
      await stack.sandbox.inject({ method: 'POST', url: '/__control/subscribe/faults', payload: { count: 3, errcode: -1, errmsg: 'system error' } });
      const s = await segment('故障测试', { field: 'tags', values: [await tag(key('out').slice(-12), [m])], match: 'any' });
      const c = await campaign({ segmentId: s.id, actions: [{ kind: 'message', messageTemplate: 'tier-change' }] });
      await setStatus(c.id, 'launch').expect(200);
      await finished(c.id);
      await runJob('notifications-dispatch');
      const [o] = await db.query(`SELECT status, attempts FROM notification_outbox WHERE source = $1`, [`campaign:${c.id}`]);
      expect(o).toMatchObject({ status: 'sent', attempts: 4 });
      expect(await delivered(m, stack.config.wechatTemplateTierChange)).toHaveLength(1);
      const credits = ((await api(stack).get('/api/me/subscriptions').set(as(m.token))).body as SubscriptionView[]).find((x) => x.key === 'tier-change');
      expect(credits?.credits).toBe(0);

      // A longer outage: after the last attempt the message is left dead, and the credit is still the member's.
      const [n] = await members(1);
      await accept(n, stack.config.wechatTemplateTierChange);
      await stack.sandbox.inject({ method: 'POST', url: '/__control/subscribe/faults', payload: { count: 50, errcode: -1 } });
      const s2 = await segment('故障测试2', { field: 'tags', values: [await tag(key('out').slice(-12), [n])], match: 'any' });
      const c2 = await campaign({ segmentId: s2.id, actions: [{ kind: 'message', messageTemplate: 'tier-change' }] });
      await setStatus(c2.id, 'launch').expect(200);
      await finished(c2.id);
      await runJob('notifications-dispatch');
      await stack.sandbox.inject({ method: 'DELETE', url: '/__control/subscribe/faults' });
      const [dead] = await db.query(`SELECT status, attempts FROM notification_outbox WHERE source = $1`, [`campaign:${c2.id}`]);
      expect(dead).toMatchObject({ status: 'dead', attempts: 5 });
      expect(((await api(stack).get('/api/me/subscriptions').set(as(n.token))).body as SubscriptionView[]).find((x) => x.key === 'tier-change')?.credits).toBe(1);
    });
  });

  describe('journeys, by moving the clock', () => {
    let J: string;
    let segmentId: string;
    const journeys: string[] = [];
    const journey = async (name: string, config: Record<string, unknown>) => {
      const c = await campaign({ name, kind: 'journey', segmentId, journey: config, actions: [{ kind: 'task', taskTitle: name }] });
      await setStatus(c.id, 'launch').expect(200);
      journeys.push(c.id);
      return c.id;
    };
    const runAt = async (at: Date) => {
      await stack.app.get(CampaignJourneys).runDue(at);
      const open = await db.query(`SELECT id FROM campaign_run WHERE campaign_id = ANY($1::uuid[]) AND status IN ('pending', 'running')`, [journeys]);
      for (const r of open) await waitRun(r.id);
    };
    const touched = async (campaignId: string) =>
      (await db.query(`SELECT member_id, occurrence_key FROM campaign_touch WHERE campaign_id = $1 AND NOT holdout ORDER BY touched_at`, [campaignId])) as {
        member_id: string;
        occurrence_key: string;
      }[];

    afterAll(async () => {
      for (const id of journeys) await setStatus(id, 'end');
    });

    it('welcome, birthday, anniversary, dormant, repurchase, tier-up and post-visit each reach a member once per occurrence', async () => {
      const [welcome, bday, dormant, repurchase, tierUp, visit, anniversary] = await members(7);
      J = await tag(key('jrn').slice(-12), [welcome, bday, dormant, repurchase, tierUp, visit, anniversary]);
      segmentId = (await segment('旅程测试', { field: 'tags', values: [J], match: 'any' })).id;
      const today = businessDate(new Date());
      // Only `welcome` joined just now; the others joined long ago.
      await db.query(`UPDATE member SET joined_at = now() - interval '500 days' WHERE id = ANY($1::uuid[])`, [[bday.id, dormant.id, repurchase.id, tierUp.id, visit.id]]);
      await db.query(`UPDATE member SET joined_at = now() - interval '2 years' WHERE id = $1`, [anniversary.id]);
      const inThree = addDays(today, 3);
      await db.query(`UPDATE member SET birthday = $2 WHERE id = $1`, [bday.id, `${Number(inThree.slice(0, 4)) - 30}${inThree.slice(4)}`.replace(/-02-29$/, '-02-28')]);
      await order(dormant.id, { daysAgo: 10, fen: 20000, sku: sku.makeup, category: 'makeup' });
      const { itemId } = await order(repurchase.id, { daysAgo: 10, fen: 20000, sku: sku.skincare, category: 'skincare' });
      const [{ usage_days: usage }] = await db.query(`SELECT usage_days FROM product WHERE sku = $1`, [sku.skincare]);
      const [change] = await db.query(`INSERT INTO tier_change (member_id, from_code, to_code, reason, spend_fen) VALUES ($1, $2, $3, '测试升级', 500000) RETURNING id`, [
        tierUp.id,
        ladder[0],
        ladder[1],
      ]);
      const [b] = await db.query(`SELECT store_id, service_id, advisor_id FROM booking LIMIT 1`);
      const [visited] = await db.query(
        `INSERT INTO booking (check_in_code, member_id, store_id, service_id, advisor_id, starts_at, ends_at, status, completed_at)
         VALUES ($1, $2, $3, $4, $5, now() - interval '2 days 2 hours', now() - interval '2 days 1 hour', 'completed', now() - interval '2 days') RETURNING id`,
        [randomBytes(3).toString('hex').toUpperCase(), visit.id, b.store_id, b.service_id, b.advisor_id],
      );

      const welcomeJ = await journey('入会欢迎', { trigger: 'welcome' });
      const birthdayJ = await journey('生日关怀', { trigger: 'birthday', daysBefore: 3 });
      const dormantJ = await journey('沉睡唤醒', { trigger: 'dormant', days: 30 });
      const repurchaseJ = await journey('复购提醒', { trigger: 'repurchase', leadDays: 5 });
      const tierJ = await journey('升级礼遇', { trigger: 'tier-up' });
      const visitJ = await journey('到店回访', { trigger: 'post-visit', days: 1 });
      const anniversaryJ = await journey('入会周年', { trigger: 'anniversary' });

      const now = new Date();
      await runAt(now);
      expect(await touched(welcomeJ)).toEqual([{ member_id: welcome.id, occurrence_key: 'welcome' }]);
      expect(await touched(birthdayJ)).toEqual([{ member_id: bday.id, occurrence_key: `birthday:${inThree.slice(0, 4)}` }]);
      expect(await touched(tierJ)).toEqual([{ member_id: tierUp.id, occurrence_key: `tier-up:${change.id}` }]);
      expect(await touched(visitJ)).toEqual([{ member_id: visit.id, occurrence_key: `post-visit:${visited.id}` }]);
      expect(await touched(anniversaryJ)).toEqual([{ member_id: anniversary.id, occurrence_key: `anniversary:${today.slice(0, 4)}` }]);
      expect(await touched(dormantJ)).toEqual([]);
      expect(await touched(repurchaseJ)).toEqual([]);

      // An hour later nothing repeats; 25 days later the 10-day-old purchase is 35 days old: dormant.
      await runAt(new Date(now.getTime() + 3600_000));
      expect(await touched(welcomeJ)).toHaveLength(1);
      expect(await touched(birthdayJ)).toHaveLength(1);
      await runAt(new Date(now.getTime() + 25 * DAY));
      // Both members who bought 10 days ago (and never since) are now dormant.
      expect((await touched(dormantJ)).map((t) => t.member_id).sort()).toEqual([dormant.id, repurchase.id].sort());
      // The product runs out `usage_days` after purchase: reminded 5 days before.
      await runAt(new Date(now.getTime() + (usage - 10 - 5) * DAY + 3600_000));
      expect(await touched(repurchaseJ)).toEqual([{ member_id: repurchase.id, occurrence_key: `repurchase:${itemId}` }]);
      // A year on, the birthday comes round again: a new occurrence.
      await runAt(new Date(now.getTime() + 365 * DAY));
      expect((await touched(birthdayJ)).map((t) => t.occurrence_key)).toEqual([`birthday:${inThree.slice(0, 4)}`, `birthday:${Number(inThree.slice(0, 4)) + 1}`]);
      // Every touch became one advisor task.
      const [tasks] = await db.query(`SELECT count(*)::int AS n FROM follow_up_task WHERE campaign_id = ANY($1::uuid[])`, [journeys]);
      const [all] = await db.query(`SELECT count(*)::int AS n FROM campaign_touch WHERE campaign_id = ANY($1::uuid[]) AND NOT holdout`, [journeys]);
      expect(tasks.n).toBe(all.n);
    });
  });

  describe('a run killed halfway', () => {
    it('resumes from its checkpoint after a restart and issues nothing twice', async () => {
      const group: TestMember[] = await members(200);
      const T2 = await tag(key('kill').slice(-12), group);
      const tpl = await couponTemplate({ totalStock: 1000 });
      const s = await segment('中断测试', { field: 'tags', values: [T2], match: 'any' });
      const c = await campaign({ segmentId: s.id, actions: [{ kind: 'coupon', couponTemplateCode: tpl.code }] });
      // Hold the 120th member (in the run's order) so the third batch blocks inside its transaction.
      const order120 = group.map((m) => m.id).sort()[119];
      const blocker = await e2eDataSource();
      const q = blocker.createQueryRunner();
      await q.connect();
      await q.startTransaction();
      await q.query(`SELECT 1 FROM member WHERE id = $1 FOR UPDATE`, [order120]);
      try {
        await setStatus(c.id, 'launch').expect(200);
        let waiting: { pid: number } | undefined;
        for (let i = 0; i < 300 && !waiting; i++) {
          [waiting] = await db.query(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [await q.query(`SELECT pg_backend_pid() AS pid`).then((r) => r[0].pid)]);
          if (!waiting) await new Promise((r) => setTimeout(r, 100));
        }
        expect(waiting).toBeDefined();
        const [mid] = await db.query(`SELECT processed, checkpoint FROM campaign_run WHERE campaign_id = $1`, [c.id]);
        expect(mid).toMatchObject({ processed: 100, checkpoint: 100 });
        // Kill the batch's connection mid-transaction, and the whole API with it; then start a new one.
        await db.query(`SELECT pg_terminate_backend($1)`, [(waiting as { pid: number }).pid]);
        await q.commitTransaction();
      } finally {
        await q.release();
        await blocker.destroy();
      }
      await stack.close();
      stack = await startStack(SETTINGS);
      [admin, marketer] = await Promise.all(['admin', 'marketer'].map(async (u) => (await staffLogin(stack, u)).accessToken));
      const run = await finished(c.id);
      expect(run).toMatchObject({ status: 'done', audience: 200, processed: 200, touched: 200 });
      const [counts] = await db.query(
        `SELECT count(*)::int AS coupons, count(DISTINCT member_id)::int AS members FROM member_coupon WHERE template_id = $1`,
        [tpl.id],
      );
      expect(counts).toEqual({ coupons: 200, members: 200 });
      const [{ remaining }] = await db.query(`SELECT remaining FROM coupon_template WHERE id = $1`, [tpl.id]);
      expect(remaining).toBe(800);
      const [touches] = await db.query(`SELECT count(*)::int AS n FROM campaign_touch WHERE campaign_id = $1`, [c.id]);
      expect(touches.n).toBe(200);
    });
  });

  describe('analytics and the campaign rules', () => {
    it('store-wide analytics add up with the orders, scope a store manager to their store, and export to Excel', async () => {
      // First buyers in the range who came back within 30, 90 and 180 days (and one who did not).
      const [r20, r60, r150, never] = await members(4);
      for (const [m, first, again] of [[r20, 85, 65], [r60, 80, 20], [r150, 170, 10], [never, 40, null]] as [TestMember, number, number | null][]) {
        await order(m.id, { daysAgo: first, fen: 10000, sku: sku.skincare, category: 'skincare' });
        if (again !== null) await order(m.id, { daysAgo: again, fen: 10000, sku: sku.skincare, category: 'skincare' });
      }
      await runJob('member-metrics');
      await runJob('analytics-refresh');
      const to = businessDate(new Date());
      const from = addDays(to, -89);
      const view = (await api(stack).get(`/api/staff/analytics?from=${from}&to=${to}`).set(as(marketer)).expect(200)).body as StoreAnalyticsView;
      const [sql] = await db.query(
        `SELECT count(*)::int AS orders, COALESCE(sum(total_fen - refunded_fen), 0)::bigint AS sales, count(DISTINCT member_id)::int AS buyers FROM sales_order
          WHERE status IN ('paid', 'partially_refunded') AND paid_at >= $1 AND paid_at < $2`,
        [new Date(`${from}T00:00:00+08:00`), new Date(`${addDays(to, 1)}T00:00:00+08:00`)],
      );
      expect(view.kpis).toMatchObject({ orders: sql.orders, salesFen: Number(sql.sales), buyers: sql.buyers });
      // Repurchase, counted here member by member: of those whose first purchase falls in the range, who bought again within N days.
      const [rep] = await db.query(
        `SELECT count(*)::int AS firsts,
                ${[30, 90, 180].map((d) => `count(*) FILTER (WHERE EXISTS (SELECT 1 FROM sales_order o WHERE o.member_id = mm.member_id AND o.status IN ('paid', 'partially_refunded') AND o.paid_at > mm.first_purchase_at AND o.paid_at <= mm.first_purchase_at + interval '${d} days'))::int AS r${d}`).join(', ')}
           FROM member_metrics mm JOIN member m ON m.id = mm.member_id WHERE mm.first_purchase_at >= $1 AND mm.first_purchase_at < $2`,
        [new Date(`${from}T00:00:00+08:00`), new Date(`${addDays(to, 1)}T00:00:00+08:00`)],
      );
      expect(rep.firsts).toBeGreaterThanOrEqual(3);
      expect(rep.r30).toBeGreaterThanOrEqual(1);
      expect(rep.r90).toBeGreaterThan(rep.r30);
      expect(view.kpis).toMatchObject({ repurchase30: rate(rep.r30, rep.firsts), repurchase90: rate(rep.r90, rep.firsts), repurchase180: rate(rep.r180, rep.firsts) });
      expect(view.kpis.newBuyers + view.kpis.returningBuyers).toBe(sql.buyers);
      expect(view.salesDaily.reduce((n, d) => n + d.orders, 0)).toBe(sql.orders);
      expect(view.tierDistribution.map((t) => t.tierCode)).toEqual(ladder);
      expect(view.cohorts.length).toBeGreaterThan(0);
      for (const c of view.cohorts) for (const r of c.retention) expect(r).toBeGreaterThanOrEqual(0);
      // Served from the last computation for an hour; the hourly refresh brings in a new order.
      const [buyer] = await db.query(`SELECT id FROM member WHERE deleted_at IS NULL LIMIT 1`);
      await order(buyer.id, { daysAgo: 0, fen: 12300, sku: sku.skincare, category: 'skincare', at: new Date(Date.now() - 60_000) });
      const cached = (await api(stack).get(`/api/staff/analytics?from=${from}&to=${to}`).set(as(marketer)).expect(200)).body as StoreAnalyticsView;
      expect(cached.kpis.orders).toBe(sql.orders);
      await runJob('analytics-refresh');
      const refreshed = (await api(stack).get(`/api/staff/analytics?from=${from}&to=${to}`).set(as(marketer)).expect(200)).body as StoreAnalyticsView;
      expect(refreshed.kpis).toMatchObject({ orders: sql.orders + 1, salesFen: Number(sql.sales) + 12300 });
      const mine = (await api(stack).get(`/api/staff/analytics?from=${from}&to=${to}&storeId=${stores['BJ01']}`).set(as(manager)).expect(200)).body as StoreAnalyticsView;
      const [m1] = await db.query(`SELECT store_id FROM staff WHERE code = 'manager1' OR id IN (SELECT staff_id FROM staff_credential WHERE username = 'manager1') LIMIT 1`);
      expect(mine.storeId).toBe(m1.store_id);
      const xlsx = await api(stack).get(`/api/staff/analytics/export?from=${from}&to=${to}`).set(as(marketer)).responseType('blob').expect(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const bad = await api(stack).get(`/api/staff/analytics?from=${to}&to=${from}`).set(as(marketer)).expect(400);
      expect(bad.body.code).toBe('ANALYTICS_RANGE_INVALID');
      await api(stack).get(`/api/staff/analytics?from=${from}&to=${to}`).set(as(advisor)).expect(403);
    });

    it('campaign rules: what each kind needs, what a launched campaign may change, and which status moves are allowed', async () => {
      const s = await segment('规则测试', { field: 'city', values: ['不存在的城市'] });
      const refuse = async (body: Record<string, unknown>, text: RegExp) => {
        const res = await api(stack).post('/api/staff/campaigns').set(as(marketer)).send(campaignBody(body)).expect(400);
        expect(res.body.code).toBe('CAMPAIGN_INVALID');
        expect(res.body.message).toMatch(text);
      };
      await refuse({ actions: [{ kind: 'task', taskTitle: '回访' }] }, /人群/);
      await refuse({ segmentId: s.id, actions: [{ kind: 'message', messageTemplate: 'coupon-arrival' }] }, /优惠券/);
      await refuse({ segmentId: s.id, actions: [{ kind: 'message', messageTemplate: 'booking-reminder' }] }, /只能发送/);
      await refuse({ kind: 'journey', journey: { trigger: 'dormant' }, actions: [{ kind: 'task', taskTitle: '回访' }] }, /未购买天数/);
      await refuse({ segmentId: s.id, actions: [{ kind: 'coupon', couponTemplateCode: 'NO-SUCH-TEMPLATE' }] }, /不存在/);
      const paused = await couponTemplate();
      await api(stack).post(`/api/staff/coupon-templates/${paused.id}/status`).set(as(marketer)).send({ status: 'paused' }).expect(200);
      const c = await campaign({ segmentId: s.id, scheduledAt: new Date(Date.now() + 3600_000).toISOString(), actions: [{ kind: 'coupon', couponTemplateCode: paused.code }] });
      expect((await setStatus(c.id, 'launch').expect(400)).body.message).toMatch(/未在发放中/);
      await api(stack).post(`/api/staff/coupon-templates/${paused.id}/status`).set(as(marketer)).send({ status: 'active' }).expect(200);
      expect(((await setStatus(c.id, 'launch').expect(200)).body as CampaignView).status).toBe('scheduled');
      const locked = await api(stack).put(`/api/staff/campaigns/${c.id}`).set(as(marketer)).send(campaignBody({ segmentId: s.id, holdoutPct: 10, actions: [{ kind: 'coupon', couponTemplateCode: paused.code }] }));
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('CAMPAIGN_LOCKED');
      const renamed = await api(stack)
        .put(`/api/staff/campaigns/${c.id}`)
        .set(as(marketer))
        .send(campaignBody({ name: '改名活动', segmentId: s.id, scheduledAt: c.scheduledAt, budgetTotal: 100, actions: [{ kind: 'coupon', couponTemplateCode: paused.code }] }))
        .expect(200);
      expect(renamed.body).toMatchObject({ name: '改名活动', budgetTotal: 100 });
      expect(((await setStatus(c.id, 'pause').expect(200)).body as CampaignView).status).toBe('paused');
      expect((await setStatus(c.id, 'pause').expect(409)).body.code).toBe('CAMPAIGN_STATUS_INVALID');
      expect(((await setStatus(c.id, 'resume').expect(200)).body as CampaignView).status).toBe('scheduled');
      expect(((await setStatus(c.id, 'end').expect(200)).body as CampaignView).status).toBe('ended');
      expect((await api(stack).delete(`/api/staff/campaigns/${c.id}`).set(as(marketer)).expect(409)).body.code).toBe('CAMPAIGN_STATUS_INVALID');
      await api(stack).get('/api/staff/campaigns').set(as(advisor)).expect(403);
      await api(stack).get(`/api/staff/campaigns/${randomUUID()}`).set(as(marketer)).expect(404);
      expect((await runsOf(c.id)).length).toBe(0);
    });
  });
});
