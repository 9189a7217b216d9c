import type { MemberPortraitResponse, MemberSummary, MemberTagView, Paged, TagSummary } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { PERSONAS } from '../../libs/domain/src/skin/testing/personas';
import { as, must, newMember, takeSkinTest, type TestMember } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, join, memberLogin, newWechatUser, staffLogin } from '../support/wechat-user';

describe('Member portrait, tags and privacy rights', () => {
  let stack: Stack;
  let db: DataSource;
  let advisor: string;
  let storeId: string;
  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
    advisor = (await staffLogin(stack, 'advisor1')).accessToken;
    [{ id: storeId }] = await db.query(`SELECT s.id FROM staff st JOIN store s ON s.id = st.store_id WHERE st.code = (SELECT code FROM staff WHERE id = (SELECT staff_id FROM staff_credential WHERE username = 'advisor1'))`);
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  /** A member of advisor1's store who took the skin test as an oily, acne-prone persona. */
  async function storeMemberWithProfile(): Promise<TestMember> {
    const [{ code }] = await db.query(`SELECT code FROM store WHERE id = $1`, [storeId]);
    const m = await newMember(stack, { scene: `s=${code}` });
    await takeSkinTest(stack, m.token, must(PERSONAS.find((p) => p.name === 'oily with inflamed acne'), 'persona').answers);
    return m;
  }

  it("an advisor sees the member's portrait: profile, completeness, skin profile with answers, tags; the read is audited", async () => {
    const m = await storeMemberWithProfile();
    const res = await api(stack).get(`/api/staff/members/${m.id}/portrait`).set(as(advisor)).expect(200);
    const p = res.body as MemberPortraitResponse;
    expect(p.status).toBe('active');
    expect(p.member.phone).toBe(`+86${m.phone}`);
    expect(p.completeness.percent).toBeGreaterThan(0);
    expect(p.sections.skin?.consent?.grantedAt).not.toBeNull();
    expect(p.sections.skin?.current?.skinType).toBe('oily');
    expect(p.sections.skin?.history).toHaveLength(1);
    expect(p.sections.skin?.latestAnswers.length).toBeGreaterThan(5);
    expect(p.sections.skin?.latestAnswers[0].answer).not.toMatch(/^[a-z]$/);
    expect(p.tags.map((t) => t.key)).toContain('acne-concern');
    const audit = await db.query(`SELECT action, detail FROM audit_log WHERE member_id = $1 AND action = 'member.portrait'`, [m.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].detail.fields).toContain('skin');
  });

  it("refuses the portrait to staff of another store and to members", async () => {
    const m = await storeMemberWithProfile();
    const [{ username }] = await db.query(`SELECT c.username FROM staff s JOIN staff_credential c ON c.staff_id = s.id WHERE s.role = 'advisor' AND s.store_id <> $1 LIMIT 1`, [storeId]);
    const other = (await staffLogin(stack, username)).accessToken;
    const res = await api(stack).get(`/api/staff/members/${m.id}/portrait`).set(as(other));
    expect([res.status, res.body.code]).toEqual([403, 'STAFF_OUT_OF_SCOPE']);
    expect((await api(stack).get(`/api/staff/members/${m.id}/portrait`).set(as(m.token))).status).toBe(403);
    expect((await api(stack).get(`/api/staff/members/00000000-0000-4000-8000-000000000000/portrait`).set(as(advisor))).status).toBe(404);
    expect(await db.query(`SELECT 1 FROM audit_log WHERE member_id = $1 AND action = 'member.portrait'`, [m.id])).toEqual([]);
  });

  it('advisors tag members by hand (who and when kept), filter by tag, and remove their tags but not rule tags', async () => {
    const m = await storeMemberWithProfile();
    const label = `口红控${Date.now() % 100000}`;
    const added = (await api(stack).post(`/api/staff/members/${m.id}/tags`).set(as(advisor)).send({ label }).expect(201)).body as MemberTagView[];
    const tag = must(added.find((t) => t.label === label), 'the manual tag');
    expect(tag).toMatchObject({ kind: 'manual', key: null });
    expect(tag.addedBy).toBeTruthy();
    await api(stack).post(`/api/staff/members/${m.id}/tags`).set(as(advisor)).send({ label }).expect(201);
    expect(await db.query(`SELECT 1 FROM member_tag WHERE member_id = $1 AND tag_id = $2`, [m.id, tag.tagId])).toHaveLength(1);

    const tags = (await api(stack).get('/api/staff/tags').set(as(advisor)).expect(200)).body as TagSummary[];
    expect(tags.find((t) => t.id === tag.tagId)?.members).toBe(1);
    const filtered = (await api(stack).get(`/api/staff/members?tagId=${tag.tagId}`).set(as(advisor)).expect(200)).body as Paged<MemberSummary>;
    expect(filtered.items.map((x) => x.id)).toEqual([m.id]);

    const rule = must(added.find((t) => t.key === 'acne-concern'), 'the acne rule tag');
    const refused = await api(stack).delete(`/api/staff/members/${m.id}/tags/${rule.tagId}`).set(as(advisor));
    expect([refused.status, refused.body.code]).toEqual([409, 'TAG_RULE_MANAGED']);
    const removed = (await api(stack).delete(`/api/staff/members/${m.id}/tags/${tag.tagId}`).set(as(advisor)).expect(200)).body as MemberTagView[];
    expect(removed.map((t) => t.tagId)).not.toContain(tag.tagId);
    const gone = await api(stack).delete(`/api/staff/members/${m.id}/tags/${tag.tagId}`).set(as(advisor));
    expect([gone.status, gone.body.code]).toEqual([404, 'TAG_NOT_FOUND']);
    const audit = await db.query(`SELECT action FROM audit_log WHERE member_id = $1 AND action LIKE 'member.tag.%' ORDER BY created_at`, [m.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['member.tag.add', 'member.tag.add', 'member.tag.remove']);
  });

  it('refuses bad tags and staff without the right', async () => {
    const m = await storeMemberWithProfile();
    for (const label of ['', '   ', '这是一个非常非常长的标签名字', '<b>x</b>']) {
      const res = await api(stack).post(`/api/staff/members/${m.id}/tags`).set(as(advisor)).send({ label });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const ruleLabel = await api(stack).post(`/api/staff/members/${m.id}/tags`).set(as(advisor)).send({ label: '痘痘困扰' });
    expect([ruleLabel.status, ruleLabel.body.code]).toEqual([409, 'TAG_RULE_MANAGED']);
    const marketer = (await staffLogin(stack, 'marketer')).accessToken;
    expect((await api(stack).post(`/api/staff/members/${m.id}/tags`).set(as(marketer)).send({ label: '好客户' })).status).toBe(403);
    expect((await api(stack).post(`/api/staff/members/${m.id}/tags`).set(as(m.token)).send({ label: '好客户' })).status).toBe(403);
    expect((await api(stack).delete(`/api/staff/members/${m.id}/tags/not-a-uuid`).set(as(advisor))).status).toBe(404);
  });

  it('a member downloads all their data as JSON', async () => {
    const m = await storeMemberWithProfile();
    const res = await api(stack).get('/api/me/export').set(as(m.token)).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="glow-my-data-.+\.json"$/);
    const data = JSON.parse(res.text);
    expect(data.profile.phone).toBe(`+86${m.phone}`);
    expect(data.wechatAccounts.map((w: { openid: string }) => w.openid)).toEqual([m.openid]);
    expect(data.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['privacy', 'skin_data']);
    expect(data.skin.results).toHaveLength(1);
    expect(data.skin.results[0].answers.length).toBeGreaterThan(5);
    expect(data.tags.length).toBeGreaterThan(0);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(await db.query(`SELECT 1 FROM audit_log WHERE member_id = $1 AND action = 'member.export'`, [m.id])).toHaveLength(1);
  });

  it('deleting the account anonymises the member, erases skin data, ends sessions; rejoining makes a new member', async () => {
    const m = await storeMemberWithProfile();
    const wrong = await api(stack).post('/api/me/delete').set(as(m.token)).send({ confirm: '删除' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await db.query(`SELECT deleted_at FROM member WHERE id = $1`, [m.id]))[0].deleted_at).toBeNull();

    await api(stack).post('/api/me/delete').set(as(m.token)).send({ confirm: '确认注销' }).expect(200);
    const [row] = await db.query(`SELECT name, nickname, birthday, city, phone_cipher, phone_masked, deleted_at FROM member WHERE id = $1`, [m.id]);
    expect(row).toMatchObject({ name: null, nickname: null, birthday: null, city: null, phone_cipher: '', phone_masked: '已注销' });
    expect(row.deleted_at).not.toBeNull();
    expect(await db.query(`SELECT 1 FROM skin_result WHERE member_id = $1 UNION ALL SELECT 1 FROM member_wechat WHERE member_id = $1 UNION ALL SELECT 1 FROM member_tag WHERE member_id = $1`, [m.id])).toEqual([]);
    expect(await db.query(`SELECT 1 FROM member_consent WHERE member_id = $1 AND revoked_at IS NULL`, [m.id])).toEqual([]);

    // The access token still parses for a few minutes, but the account is gone; the refresh token is revoked.
    const me = await api(stack).get('/api/me').set(as(m.token));
    expect([me.status, me.body.code]).toEqual([410, 'MEMBER_DELETED']);
    const refresh = await api(stack).post('/api/auth/refresh').send({ refreshToken: m.joined.session.refreshToken });
    expect(refresh.status).toBe(401);
    const again = await api(stack).post('/api/me/delete').set(as(m.token)).send({ confirm: '确认注销' });
    expect([again.status, again.body.code]).toEqual([410, 'MEMBER_DELETED']);

    // Staff no longer find them; the portrait shows a deleted account without personal data.
    const search = (await api(stack).get(`/api/staff/members?q=${m.phone}`).set(as(advisor)).expect(200)).body as Paged<MemberSummary>;
    expect(search.total).toBe(0);
    const portrait = (await api(stack).get(`/api/staff/members/${m.id}/portrait`).set(as(advisor)).expect(200)).body as MemberPortraitResponse;
    expect(portrait.status).toBe('deleted');
    expect(portrait.member.phone).toBe('');
    expect(portrait.sections.skin?.current).toBeNull();

    // The same WeChat user and phone come back as someone new.
    const session = await memberLogin(stack, m.openid);
    expect(session.kind).toBe('pre_member');
    const rejoined = await join(stack, { openid: m.openid });
    expect(rejoined.home.profile.id).not.toBe(m.id);
    expect(rejoined.linkedExisting).toBe(false);
  });

  it('a member who never joined cannot export or delete', async () => {
    const user = await newWechatUser(stack);
    const pre = await memberLogin(stack, user.openid);
    expect((await api(stack).get('/api/me/export').set(as(pre.accessToken))).status).toBe(403);
    expect((await api(stack).post('/api/me/delete').set(as(pre.accessToken)).send({ confirm: '确认注销' })).status).toBe(403);
  });
});
