import type { DataSource } from 'typeorm';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, join, memberLogin, newWechatUser, staffLogin } from '../support/wechat-user';

/** Every endpoint refuses what a client should not send: a 4xx with a stable code and a Chinese message, and no change. */
describe('Bad input', () => {
  let stack: Stack;
  let db: DataSource;
  let memberToken: string;
  let preMemberToken: string;
  let staffToken: string;

  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
    memberToken = (await join(stack, await newWechatUser(stack))).session.accessToken;
    preMemberToken = (await memberLogin(stack, (await newWechatUser(stack)).openid)).accessToken;
    staffToken = (await staffLogin(stack, 'admin')).accessToken;
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  const long = (n: number) => 'x'.repeat(n);
  const COUNTS = `SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM refresh_token) + (SELECT count(*) FROM sales_order)
                        + (SELECT count(*) FROM points_entry) + (SELECT count(*) FROM reward) + (SELECT count(*) FROM redemption)
                        + (SELECT count(*) FROM coupon_template) + (SELECT count(*) FROM member_coupon)
                        + (SELECT count(*) FROM segment) + (SELECT count(*) FROM campaign) + (SELECT count(*) FROM subscribe_credit_entry) AS n`;
  const TEMPLATE = { code: 'BAD-INPUT-1', name: '满减', description: '', kind: 'amount_off', amountOffFen: 1000, minSpendFen: 0, scope: { kind: 'all', values: [], excludeSkus: [] }, validity: { kind: 'relative', days: 7, weekdays: [] }, totalStock: 10, perMemberLimit: 1, claimable: true, stacking: 'exclusive', costFen: 0 };
  type Case = [string, 'post' | 'patch' | 'get' | 'put', string, () => string | null, unknown];
  const cases: Case[] = [
    ['login: no code', 'post', '/api/auth/member/login', () => null, {}],
    ['login: code is a number', 'post', '/api/auth/member/login', () => null, { code: 12345 }],
    ['login: code too long', 'post', '/api/auth/member/login', () => null, { code: long(200) }],
    ['login: code with odd characters', 'post', '/api/auth/member/login', () => null, { code: "abc' OR 1=1" }],
    ['login: unknown field', 'post', '/api/auth/member/login', () => null, { code: 'abc', admin: true }],
    ['staff login: short password', 'post', '/api/auth/staff/login', () => null, { username: 'admin', password: '1' }],
    ['staff login: array username', 'post', '/api/auth/staff/login', () => null, { username: ['admin'], password: 'glow1234' }],
    ['refresh: not a token', 'post', '/api/auth/refresh', () => null, { refreshToken: 'short' }],
    ['join: no phone code', 'post', '/api/members/join', () => preMemberToken, { consentVersion: '2026.11' }],
    ['join: nickname too long', 'post', '/api/members/join', () => preMemberToken, { consentVersion: '2026.11', phoneCode: 'abc', nickname: long(21) }],
    ['join: impossible birthday', 'post', '/api/members/join', () => preMemberToken, { consentVersion: '2026.11', phoneCode: 'abc', birthday: '1995-02-30' }],
    ['join: unknown gender', 'post', '/api/members/join', () => preMemberToken, { consentVersion: '2026.11', phoneCode: 'abc', gender: 'robot' }],
    ['join: scene over 32 characters', 'post', '/api/members/join', () => preMemberToken, { consentVersion: '2026.11', phoneCode: 'abc', scene: long(33) }],
    ['join: lower-case referral code', 'post', '/api/members/join', () => preMemberToken, { consentVersion: '2026.11', phoneCode: 'abc', referralCode: 'abc123' }],
    ['profile: unknown field', 'patch', '/api/me', () => memberToken, { nickname: 'a', phoneMasked: '1' }],
    ['profile: city too long', 'patch', '/api/me', () => memberToken, { city: long(21) }],
    ['profile: birthday not a date', 'patch', '/api/me', () => memberToken, { birthday: 'yesterday' }],
    ['search: page is text', 'get', '/api/staff/members?page=first', () => staffToken, null],
    ['search: page size too big', 'get', '/api/staff/members?pageSize=100000', () => staffToken, null],
    ['search: query too long', 'get', `/api/staff/members?q=${long(41)}`, () => staffToken, null],
    ['search: unknown parameter', 'get', '/api/staff/members?sort=phone', () => staffToken, null],
    ['search: tag id not a uuid', 'get', '/api/staff/members?tagId=sensitive', () => staffToken, null],
    ['skin consent: no version', 'post', '/api/skin/consent', () => memberToken, {}],
    ['skin session: questionnaire id not a uuid', 'post', '/api/skin/sessions', () => memberToken, { questionnaireId: 'skin', version: 1 }],
    ['skin session: version zero', 'post', '/api/skin/sessions', () => memberToken, { questionnaireId: '00000000-0000-4000-8000-000000000000', version: 0 }],
    ['skin answer: value is text', 'put', '/api/skin/sessions/00000000-0000-4000-8000-000000000000/answers/q1', () => memberToken, { value: 'five' }],
    ['skin answer: too many options', 'put', '/api/skin/sessions/00000000-0000-4000-8000-000000000000/answers/q1', () => memberToken, { optionKeys: Array.from({ length: 13 }, (_, i) => `o${i}`) }],
    ['skin answer: text too long', 'put', '/api/skin/sessions/00000000-0000-4000-8000-000000000000/answers/q1', () => memberToken, { text: long(501) }],
    ['recommendation click: ids not uuids', 'post', '/api/skin/recommendations/clicks', () => memberToken, { servedId: '1', productId: '2' }],
    ['recommendations: unknown context', 'get', '/api/skin/recommendations?context=banner', () => memberToken, null],
    ['delete account: no confirmation', 'post', '/api/me/delete', () => memberToken, {}],
    ['delete account: confirmation is true', 'post', '/api/me/delete', () => memberToken, { confirm: true }],
    ['tag: label too long', 'post', '/api/staff/members/00000000-0000-4000-8000-000000000000/tags', () => staffToken, { label: long(13) }],
    ['questionnaire: no title', 'post', '/api/staff/questionnaires', () => staffToken, { definition: { questions: [] } }],
    ['questionnaire: definition is a list', 'post', '/api/staff/questionnaires', () => staffToken, { title: '测试', definition: [] }],
    ['questionnaire publish: version is text', 'post', '/api/staff/questionnaires/00000000-0000-4000-8000-000000000000/publish', () => staffToken, { version: 'latest' }],
    ['recommendation report: days too many', 'get', '/api/staff/recommendations/report?days=1000', () => staffToken, null],
    ['member code: code too long', 'post', '/api/staff/member-code/resolve', () => staffToken, { code: long(41) }],
    ['store purchase: no idempotency key', 'post', '/api/staff/orders/store-purchase', () => staffToken, { memberCode: 'ABC', receiptNo: 'R1', totalFen: 100 }],
    ['store purchase: total in yuan with decimals', 'post', '/api/staff/orders/store-purchase', () => staffToken, { memberCode: 'ABC', receiptNo: 'R1', totalFen: 99.5, idempotencyKey: 'key-12345' }],
    ['store purchase: receipt with odd characters', 'post', '/api/staff/orders/store-purchase', () => staffToken, { memberCode: 'ABC', receiptNo: "R1'; --", totalFen: 100, idempotencyKey: 'key-12345' }],
    ['store purchase: 51 items', 'post', '/api/staff/orders/store-purchase', () => staffToken, { memberCode: 'ABC', items: Array.from({ length: 51 }, () => ({ sku: 'GL-SK-001', quantity: 1 })), idempotencyKey: 'key-12345' }],
    ['store purchase: negative discount', 'post', '/api/staff/orders/store-purchase', () => staffToken, { memberCode: 'ABC', items: [{ sku: 'GL-SK-001', quantity: 1 }], discountFen: -1, idempotencyKey: 'key-12345' }],
    ['refund: no reason', 'post', '/api/staff/orders/00000000-0000-4000-8000-000000000000/refunds', () => staffToken, { full: true, idempotencyKey: 'key-12345' }],
    ['refund: item id not a uuid', 'post', '/api/staff/orders/00000000-0000-4000-8000-000000000000/refunds', () => staffToken, { items: [{ itemId: '1', quantity: 1 }], reason: '退货', idempotencyKey: 'key-12345' }],
    ['orders: unknown status', 'get', '/api/staff/orders?status=lost', () => staffToken, null],
    ['points adjustment: fractional points', 'post', '/api/staff/members/00000000-0000-4000-8000-000000000000/points/adjustments', () => staffToken, { delta: 1.5, reason: '调整', idempotencyKey: 'key-12345' }],
    ['points adjustment: no reason', 'post', '/api/staff/members/00000000-0000-4000-8000-000000000000/points/adjustments', () => staffToken, { delta: 10, idempotencyKey: 'key-12345' }],
    ['earning rules: missing fields', 'put', '/api/staff/loyalty/earning-rules', () => staffToken, { pointsPerYuan: 1 }],
    ['tiers: multiplier below 100%', 'put', '/api/staff/loyalty/tiers', () => staffToken, { tiers: [{ code: 'pink', name: '粉卡', minSpendFen: 0, multiplierPct: 50, benefits: { bookingExtraDays: 0, description: '' } }] }],
    ['reward: unknown kind', 'post', '/api/staff/loyalty/rewards', () => staffToken, { kind: 'cash', name: '现金', description: '', pointsCost: 1, stockTotal: 1, perMemberLimit: 1, active: true }],
    ['reward: zero points', 'post', '/api/staff/loyalty/rewards', () => staffToken, { kind: 'service', name: '护理', description: '', pointsCost: 0, stockTotal: 1, perMemberLimit: 1, active: true }],
    ['pickup: code with symbols', 'post', '/api/staff/loyalty/redemptions/pickup', () => staffToken, { code: 'AB#DEFGH' }],
    ['redeem: idempotency key too short', 'post', '/api/loyalty/rewards/00000000-0000-4000-8000-000000000000/redeem', () => memberToken, { idempotencyKey: 'k' }],
    ['points history: page size too big', 'get', '/api/loyalty/points/history?pageSize=1000', () => memberToken, null],
    ['coupon template: unknown kind', 'post', '/api/staff/coupon-templates', () => staffToken, { ...TEMPLATE, kind: 'cash' }],
    ['coupon template: percent off 100', 'post', '/api/staff/coupon-templates', () => staffToken, { ...TEMPLATE, kind: 'percent_off', percentOff: 100 }],
    ['coupon template: code with spaces', 'post', '/api/staff/coupon-templates', () => staffToken, { ...TEMPLATE, code: 'NEW 10' }],
    ['coupon template: weekday 8', 'post', '/api/staff/coupon-templates', () => staffToken, { ...TEMPLATE, validity: { kind: 'relative', days: 7, weekdays: [8] } }],
    ['coupon template: hours not HH:mm', 'post', '/api/staff/coupon-templates', () => staffToken, { ...TEMPLATE, validity: { kind: 'relative', days: 7, weekdays: [], hoursFrom: '9am' } }],
    ['coupon template: negative cost', 'post', '/api/staff/coupon-templates', () => staffToken, { ...TEMPLATE, costFen: -1 }],
    ['coupon template status: back to draft', 'post', '/api/staff/coupon-templates/00000000-0000-4000-8000-000000000000/status', () => staffToken, { status: 'draft' }],
    ['claim: idempotency key too short', 'post', '/api/coupons/claim-center/00000000-0000-4000-8000-000000000000/claim', () => memberToken, { idempotencyKey: 'k' }],
    ['wallet: unknown tab', 'get', '/api/coupons/mine?tab=all', () => memberToken, null],
    ['quote: no items', 'post', '/api/coupons/quote', () => memberToken, { items: [] }],
    ['quote: coupon id not a uuid', 'post', '/api/coupons/quote', () => memberToken, { items: [{ sku: 'GL-SK-001', quantity: 1 }], couponIds: ['1'] }],
    ['checkout: quantity 0', 'post', '/api/orders/checkout', () => memberToken, { items: [{ sku: 'GL-SK-001', quantity: 0 }], idempotencyKey: 'key-12345' }],
    ['checkout: six coupons', 'post', '/api/orders/checkout', () => memberToken, { items: [{ sku: 'GL-SK-001', quantity: 1 }], couponIds: Array.from({ length: 6 }, () => '00000000-0000-4000-8000-000000000000'), idempotencyKey: 'key-12345' }],
    ['store purchase: coupon code with symbols', 'post', '/api/staff/orders/store-purchase', () => staffToken, { memberCode: 'ABC', receiptNo: 'R1', totalFen: 100, couponCodes: ['ABC#12345678'], idempotencyKey: 'key-12345' }],
    ['coupon resolve: code too short', 'post', '/api/staff/coupons/resolve', () => staffToken, { code: 'ABC' }],
    ['segment preview: rule is a string', 'post', '/api/staff/segments/preview', () => staffToken, { rule: 'tier = gold' }],
    ['segment: name too long', 'post', '/api/staff/segments', () => staffToken, { name: long(40), rule: { field: 'city', values: ['上海'] } }],
    ['campaign: no actions', 'post', '/api/staff/campaigns', () => staffToken, { name: '活动', kind: 'one-off', actions: [], holdoutPct: 0, attributionDays: 7 }],
    ['campaign: holdout over half', 'post', '/api/staff/campaigns', () => staffToken, { name: '活动', kind: 'one-off', actions: [{ kind: 'task', taskTitle: '回访' }], holdoutPct: 80, attributionDays: 7 }],
    ['campaign: quiet hours not a time', 'post', '/api/staff/campaigns', () => staffToken, { name: '活动', kind: 'one-off', actions: [{ kind: 'task', taskTitle: '回访' }], holdoutPct: 0, attributionDays: 7, quietFrom: '25:00', quietUntil: '08:00' }],
    ['campaign status: unknown action', 'post', '/api/staff/campaigns/00000000-0000-4000-8000-000000000000/status', () => staffToken, { action: 'restart' }],
    ['analytics: date not a date', 'get', '/api/staff/analytics?from=yesterday&to=2026-11-23', () => staffToken, null],
    ['subscriptions: results not an object', 'post', '/api/me/subscriptions', () => memberToken, { results: 'accept' }],
    ['issue coupon: unknown source', 'post', '/api/staff/members/00000000-0000-4000-8000-000000000000/coupons', () => staffToken, { templateCode: 'NEW-10', source: 'gift', reason: '补偿', idempotencyKey: 'key-12345' }],
    ['shop: unknown category', 'get', '/api/shop/products?category=food', () => memberToken, null],
    ['chat: unknown message type', 'post', '/api/me/chat/messages', () => memberToken, { clientId: 'client-12345', type: 'video', text: '看' }],
    ['chat: client id with spaces', 'post', '/api/me/chat/messages', () => memberToken, { clientId: 'a b c d e f g', type: 'text', text: '你好' }],
    ['chat read: negative seq', 'post', '/api/me/chat/read', () => memberToken, { seq: -1 }],
    ['csat: score 6', 'post', '/api/me/csat', () => memberToken, { subject: 'ticket', subjectId: '00000000-0000-4000-8000-000000000000', score: 6 }],
    ['ticket: unknown priority', 'post', '/api/staff/tickets', () => staffToken, { memberId: '00000000-0000-4000-8000-000000000000', category: 'quality', priority: 'asap', title: '过敏', description: '用后发红' }],
    ['ticket status: unknown status', 'post', '/api/staff/tickets/00000000-0000-4000-8000-000000000000/status', () => staffToken, { status: 'done' }],
    ['task outcome: empty outcome', 'post', '/api/staff/tasks/00000000-0000-4000-8000-000000000000', () => staffToken, { status: 'done', outcome: '' }],
    ['knowledge base: keyword too long', 'post', '/api/staff/kb', () => staffToken, { question: '积分会过期吗', keywords: ['x'.repeat(30)], synonyms: [], answer: '会的', category: 'member' }],
    ['conversation labels: too many', 'put', '/api/staff/conversations/00000000-0000-4000-8000-000000000000/labels', () => staffToken, { labels: Array.from({ length: 11 }, (_, i) => `标签${i}`) }],
    ['service metrics: range not dates', 'get', '/api/staff/service-metrics?from=today&to=tomorrow', () => staffToken, null],
  ];

  it.each(cases)('%s → 400 VALIDATION_FAILED in Chinese', async (_name, method, url, token, body) => {
    const before = await db.query<{ n: string }[]>(COUNTS);
    let req = api(stack)[method](url);
    const t = token();
    if (t) req = req.set('authorization', `Bearer ${t}`);
    const res = body === null ? await req : await req.send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Array.isArray(res.body.details)).toBe(true);
    const after = await db.query<{ n: string }[]>(COUNTS);
    expect(after[0].n).toBe(before[0].n);
  });

  it('a NUL character anywhere (query, path, body) is refused before it reaches the database', async () => {
    const requests = [
      api(stack).get('/api/staff/members?q=%00abc').set('authorization', `Bearer ${staffToken}`),
      api(stack).patch('/api/me').set('authorization', `Bearer ${memberToken}`).send({ nickname: 'a\u0000b' }),
      api(stack).put('/api/skin/sessions/00000000-0000-4000-8000-000000000000/answers/q%001').set('authorization', `Bearer ${memberToken}`).send({ value: 1 }),
      api(stack).post('/api/staff/members/00000000-0000-4000-8000-000000000000/tags').set('authorization', `Bearer ${staffToken}`).send({ label: '\u0000' }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    }
  });

  it('malformed JSON, a wrong content type and an oversized body are 4xx with a code, never a 5xx', async () => {
    const bad = await api(stack).post('/api/auth/member/login').set('content-type', 'application/json').send('{"code":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    const xml = await api(stack).post('/api/auth/member/login').set('content-type', 'application/xml').send('<code>1</code>');
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await api(stack).post('/api/auth/member/login').send({ code: long(300_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an avatar over 2 MB is refused', async () => {
    const big = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2 * 1024 * 1024 + 10)]);
    const res = await api(stack).post('/api/me/avatar').set('authorization', `Bearer ${memberToken}`).attach('file', big, { filename: 'a.png', contentType: 'image/png' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MEMBER_AVATAR_INVALID');
  });

  it('unknown routes are a 404 with a code', async () => {
    const res = await api(stack).get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('health reports the database, and the API documentation is served', async () => {
    const health = await api(stack).get('/health').expect(200);
    expect(health.body.info.database.status).toBe('up');
    const docs = await api(stack).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/members/join', '/api/auth/member/login', '/api/staff/members/{id}']));
    expect(docs.body.components.schemas.JoinDto.properties.phoneCode).toBeDefined();
  });
});
