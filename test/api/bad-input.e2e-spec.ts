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
  ];

  it.each(cases)('%s → 400 VALIDATION_FAILED in Chinese', async (_name, method, url, token, body) => {
    const before = await db.query<{ n: string }[]>('SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM refresh_token) AS n');
    let req = api(stack)[method](url);
    const t = token();
    if (t) req = req.set('authorization', `Bearer ${t}`);
    const res = body === null ? await req : await req.send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Array.isArray(res.body.details)).toBe(true);
    const after = await db.query<{ n: string }[]>('SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM refresh_token) AS n');
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
