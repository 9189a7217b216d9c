import { randomInt } from 'node:crypto';
import type { JoinResponse, MemberHomeResponse } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { demoPhone } from '../../apps/api/src/seed/demo-seed';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, currentPolicyVersion, join, loginCode, memberLogin, newWechatUser, phoneCode } from '../support/wechat-user';

describe('Joining as a member from the mini-program', () => {
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

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }[]>(sql, params))[0].n);

  it('a new WeChat user starts as a pre-member who cannot see a member home', async () => {
    const user = await newWechatUser(stack);
    const session = await memberLogin(stack, user.openid);
    expect(session).toMatchObject({ kind: 'pre_member', memberId: null });
    const me = await api(stack).get('/api/me').set('authorization', `Bearer ${session.accessToken}`);
    expect(me.status).toBe(403);
    expect(me.body).toEqual({ code: 'MEMBER_NOT_JOINED', message: '请先注册成为会员' });
  });

  it('joins with consent and a WeChat phone, and the member home shows the profile with a masked phone', async () => {
    const user = await newWechatUser(stack);
    const joined = await join(stack, user, { nickname: '小鹿', birthday: '1995-06-18', gender: 'female', city: '上海' });
    expect(joined.linkedExisting).toBe(false);
    expect(joined.session.kind).toBe('member');
    const me = await api(stack).get('/api/me').set('authorization', `Bearer ${joined.session.accessToken}`).expect(200);
    const home = me.body as MemberHomeResponse;
    expect(home.profile).toMatchObject({ nickname: '小鹿', birthday: '1995-06-18', gender: 'female', city: '上海' });
    expect(home.profile.phoneMasked).toBe(`${user.phone.slice(0, 3)}****${user.phone.slice(-4)}`);
    expect(home.consent.version).toBe(await currentPolicyVersion(stack));
    expect(JSON.stringify(home)).not.toContain(user.phone);

    // The phone is stored encrypted, never in clear.
    const rows = await db.query<{ phone_cipher: string }[]>('SELECT phone_cipher FROM member WHERE id = $1', [home.profile.id]);
    expect(rows[0].phone_cipher).not.toContain(user.phone.slice(3));
  });

  it('logging in again later gives a member session straight away', async () => {
    const user = await newWechatUser(stack);
    const joined = await join(stack, user);
    const again = await memberLogin(stack, user.openid);
    expect(again).toMatchObject({ kind: 'member', memberId: joined.home.profile.id });
  });

  it('a phone that already belongs to a store customer links to that member instead of creating another', async () => {
    // Demo member S0000005 was created by a store with this phone; now the same person joins on WeChat.
    const phone = demoPhone(4);
    const before = await count('SELECT count(*) AS n FROM member');
    const user = await newWechatUser(stack, phone);
    const joined = await join(stack, user, { nickname: '门店老顾客' });
    expect(joined.linkedExisting).toBe(true);
    expect(joined.home.profile.memberNo).toBe('S0000005');
    expect(await count('SELECT count(*) AS n FROM member')).toBe(before);
    expect(joined.home.profile.store).not.toBeNull();
  });

  it('the same phone on two WeChat accounts joining at the same moment is one member', async () => {
    const phone = `166${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    const a = await newWechatUser(stack, phone);
    const b = await newWechatUser(stack, phone);
    const results = await Promise.all([join(stack, a), join(stack, b)]);
    expect(new Set(results.map((r: JoinResponse) => r.home.profile.id)).size).toBe(1);
    expect(results.filter((r) => r.linkedExisting)).toHaveLength(1);
  });

  it('joining twice is refused and changes nothing', async () => {
    const user = await newWechatUser(stack);
    const joined = await join(stack, user);
    const res = await api(stack)
      .post('/api/members/join')
      .set('authorization', `Bearer ${joined.session.accessToken}`)
      .send({ consentVersion: await currentPolicyVersion(stack), phoneCode: await phoneCode(stack, user.openid) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MEMBER_ALREADY_JOINED');
  });

  it('consent to an outdated policy version is refused and nothing is created', async () => {
    const user = await newWechatUser(stack);
    const session = await memberLogin(stack, user.openid);
    const before = await count('SELECT count(*) AS n FROM member');
    const res = await api(stack)
      .post('/api/members/join')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ consentVersion: '2020.01', phoneCode: await phoneCode(stack, user.openid) });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ code: 'MEMBER_CONSENT_OUTDATED', message: '隐私政策已更新，请阅读并同意最新版本' });
    expect(await count('SELECT count(*) AS n FROM member')).toBe(before);
  });

  it('a used or made-up phone code is refused with a clear message', async () => {
    const user = await newWechatUser(stack);
    const session = await memberLogin(stack, user.openid);
    const res = await api(stack)
      .post('/api/members/join')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ consentVersion: await currentPolicyVersion(stack), phoneCode: 'not-a-real-code' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MEMBER_PHONE_CODE_INVALID');
  });

  it('a login code works once; the second use is refused', async () => {
    const user = await newWechatUser(stack);
    const code = await loginCode(stack, user.openid);
    await api(stack).post('/api/auth/member/login').send({ code }).expect(200);
    const again = await api(stack).post('/api/auth/member/login').send({ code });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('AUTH_LOGIN_CODE_USED');
  });

  it('a store QR scene binds the new member to that store and advisor', async () => {
    const user = await newWechatUser(stack);
    const joined = await join(stack, user, { scene: 's=BJ01&a=A003' });
    expect(joined.home.profile.store?.name).toBe('北京三里屯太古里店');
    expect(joined.home.profile.advisor?.name).toBe('张梦瑶');
  });

  it('a scene naming an unknown store, or an advisor of another store, is refused', async () => {
    for (const scene of ['s=XX99', 's=SH01&a=A003']) {
      const user = await newWechatUser(stack);
      const session = await memberLogin(stack, user.openid);
      const res = await api(stack)
        .post('/api/members/join')
        .set('authorization', `Bearer ${session.accessToken}`)
        .send({ consentVersion: await currentPolicyVersion(stack), phoneCode: await phoneCode(stack, user.openid), scene });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MEMBER_INVALID_SCENE');
    }
  });

  it("a friend's referral code records the referrer and inherits their store and advisor", async () => {
    const friend = await join(stack, await newWechatUser(stack), { scene: 's=GZ01&a=A005' });
    const user = await newWechatUser(stack);
    const joined = await join(stack, user, { referralCode: friend.home.profile.referralCode });
    expect(joined.home.profile.store?.name).toBe('广州天河太古汇店');
    expect(joined.home.profile.advisor?.name).toBe('吴诗琪');
    const [row] = await db.query<{ referred_by_id: string }[]>('SELECT referred_by_id FROM member WHERE id = $1', [joined.home.profile.id]);
    expect(row.referred_by_id).toBe(friend.home.profile.id);
  });

  it('members edit their own profile and upload an avatar', async () => {
    const joined = await join(stack, await newWechatUser(stack));
    const auth = `Bearer ${joined.session.accessToken}`;
    const patched = await api(stack).patch('/api/me').set('authorization', auth).send({ nickname: '新昵称', city: '杭州' }).expect(200);
    expect((patched.body as MemberHomeResponse).profile).toMatchObject({ nickname: '新昵称', city: '杭州' });

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await api(stack).post('/api/me/avatar').set('authorization', auth).attach('file', png, { filename: 'a.png', contentType: 'image/png' }).expect(201);
    expect(up.body.avatarUrl).toMatch(/^\/api\/media\/avatars\/.+\.png$/);
    const file = await api(stack).get(up.body.avatarUrl).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    const me = await api(stack).get('/api/me').set('authorization', auth).expect(200);
    expect(me.body.profile.avatarUrl).toBe(up.body.avatarUrl);

    const notImage = await api(stack).post('/api/me/avatar').set('authorization', auth).attach('file', Buffer.from('<script>alert(1)</script>'), { filename: 'x.png', contentType: 'image/png' });
    expect(notImage.status).toBe(400);
    expect(notImage.body.code).toBe('MEMBER_AVATAR_INVALID');
  });
});
