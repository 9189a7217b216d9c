import type { MemberDetailResponse, MemberOverviewResponse, MemberSummary, Paged } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { demoPhone } from '../../apps/api/src/seed/demo-seed';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, join, newWechatUser, staffLogin } from '../support/wechat-user';

describe('Staff finding and viewing members', () => {
  let stack: Stack;
  let db: DataSource;
  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  const get = async (token: string, url: string) => api(stack).get(url).set('authorization', `Bearer ${token}`);

  it('a marketer finds a member who just joined by their full phone number', async () => {
    const user = await newWechatUser(stack);
    const joined = await join(stack, user, { nickname: '晴天' });
    const { accessToken } = await staffLogin(stack, 'marketer');
    for (const q of [user.phone, `+86 ${user.phone}`]) {
      const res = await get(accessToken, `/api/staff/members?q=${encodeURIComponent(q)}`);
      const page = res.body as Paged<MemberSummary>;
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({ id: joined.home.profile.id, nickname: '晴天', phoneMasked: `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}` });
    }
  });

  it('searches by name, paged, newest members first', async () => {
    const { accessToken } = await staffLogin(stack, 'admin');
    const [{ name }] = await db.query<{ name: string }[]>(`SELECT name FROM member WHERE member_no = 'S0000010'`);
    const res = await get(accessToken, `/api/staff/members?q=${encodeURIComponent(name)}&pageSize=5`);
    const page = res.body as Paged<MemberSummary>;
    expect(page.items.some((m) => m.memberNo === 'S0000010')).toBe(true);
    const all = await get(accessToken, '/api/staff/members?pageSize=3&page=2');
    expect(all.body.items).toHaveLength(3);
    const joined = all.body.items.map((m: MemberSummary) => m.joinedAt);
    expect([...joined].sort().reverse()).toEqual(joined);
  });

  it("advisors see only their own store's members", async () => {
    const { accessToken } = await staffLogin(stack, 'advisor1');
    const page = (await get(accessToken, '/api/staff/members?pageSize=100')).body as Paged<MemberSummary>;
    expect(page.total).toBeGreaterThan(0);
    expect(new Set(page.items.map((m) => m.storeName))).toEqual(new Set(['上海静安嘉里中心店']));

    const [other] = await db.query<{ id: string }[]>(`SELECT m.id FROM member m JOIN store s ON s.id = m.store_id WHERE s.code = 'BJ01' LIMIT 1`);
    const res = await get(accessToken, `/api/staff/members/${other.id}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('STAFF_OUT_OF_SCOPE');
  });

  it('viewing a member shows the full phone and consent, and every view is written to the audit log', async () => {
    const user = await newWechatUser(stack);
    const joined = await join(stack, user);
    const id = joined.home.profile.id;
    const { accessToken } = await staffLogin(stack, 'marketer');
    const before = Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log WHERE member_id = $1 AND action = 'member.view'`, [id]))[0].n);
    const detail = (await get(accessToken, `/api/staff/members/${id}`)).body as MemberDetailResponse;
    expect(detail.phone).toBe(`+86${user.phone}`);
    expect(detail.consents[0]).toMatchObject({ kind: 'privacy', revokedAt: null });
    expect(detail.auditNote).toContain('审计日志');
    expect(detail.recentAccess[0]).toMatchObject({ staffName: '陈思琪', action: '查看会员资料' });
    const after = Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log WHERE member_id = $1 AND action = 'member.view'`, [id]))[0].n);
    expect(after).toBe(before + 1);
  });

  it('a store customer from the seed is found by phone without the phone ever being stored in clear', async () => {
    const { accessToken } = await staffLogin(stack, 'admin');
    const page = (await get(accessToken, `/api/staff/members?q=${demoPhone(9)}`)).body as Paged<MemberSummary>;
    expect(page.items.map((m) => m.memberNo)).toEqual(['S0000010']);
    const clear = await db.query<unknown[]>(`SELECT 1 FROM member WHERE phone_cipher LIKE $1 OR phone_hash LIKE $1`, [`%${demoPhone(9).slice(3)}%`]);
    expect(clear).toHaveLength(0);
  });

  it('an unknown or malformed member id is a 404, not an error', async () => {
    const { accessToken } = await staffLogin(stack, 'admin');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'; DROP TABLE member;--"]) {
      const res = await get(accessToken, `/api/staff/members/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
    }
  });

  it("a store manager gets the store's mini-program QR code as a PNG from WeChat", async () => {
    const { accessToken } = await staffLogin(stack, 'manager1');
    const stores = (await get(accessToken, '/api/staff/stores')).body as { id: string; code: string }[];
    expect(stores.map((s) => s.code)).toEqual(['SH01']);
    const res = await api(stack).get(`/api/staff/stores/${stores[0].id}/qrcode`).set('authorization', `Bearer ${accessToken}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((res.body as Buffer).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('the overview counts members, per store and per month, and a new WeChat member shows up in this month at once', async () => {
    const { accessToken } = await staffLogin(stack, 'marketer');
    const read = async () => (await get(accessToken, '/api/staff/members/overview').then((r) => r.body)) as MemberOverviewResponse;
    const before = await read();
    const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM member');
    expect(before.total).toBe(Number(n));
    expect(before.byStore.map((s) => s.storeName)).toEqual(['北京三里屯太古里店', '广州天河太古汇店', '上海静安嘉里中心店']);
    expect(before.joinsByMonth).toHaveLength(12);
    const thisMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    expect(before.joinsByMonth[11].month).toBe(thisMonth);

    await join(stack, await newWechatUser(stack), { scene: 's=SH01' });
    const after = await read();
    expect(after.total).toBe(before.total + 1);
    expect(after.joinedLast30Days).toBe(before.joinedLast30Days + 1);
    expect(after.wechatLinked).toBe(before.wechatLinked + 1);
    expect(after.joinsByMonth[11].wechat).toBe(before.joinsByMonth[11].wechat + 1);
    const sh = (o: MemberOverviewResponse) => o.byStore.find((s) => s.storeName === '上海静安嘉里中心店')?.members;
    expect(sh(after)).toBe((sh(before) ?? 0) + 1);
  });

  it("an advisor's overview covers only their store", async () => {
    const { accessToken } = await staffLogin(stack, 'advisor3');
    const o = (await get(accessToken, '/api/staff/members/overview')).body as MemberOverviewResponse;
    const [{ n }] = await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM member m JOIN store s ON s.id = m.store_id WHERE s.code = 'BJ01'`);
    expect(o.total).toBe(Number(n));
    expect(o.byStore).toEqual([expect.objectContaining({ storeName: '北京三里屯太古里店', members: Number(n) })]);
  });
});
