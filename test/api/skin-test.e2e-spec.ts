import type { Question } from '@glow/domain';
import type { QuestionnaireDetail, RecommendationReport, SkinResultResponse, SkinResultSummary, SkinSessionState, SkinTestResponse } from '@glow/contracts';
import type { DataSource } from 'typeorm';
import { PERSONAS } from '../../libs/domain/src/skin/testing/personas';
import { as, grantSkinConsent, must, newMember, skinTest, takeSkinTest } from '../support/skin';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, staffLogin } from '../support/wechat-user';

const persona = (name: string) => {
  const p = PERSONAS.find((x) => x.name === name);
  if (!p) throw new Error(`no persona ${name}`);
  return p;
};

describe('Members take the skin test and get recommendations', () => {
  let stack: Stack;
  let db: DataSource;
  let marketer: string;
  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
    marketer = (await staffLogin(stack, 'marketer')).accessToken;
  });
  afterAll(async () => {
    await db.destroy();
    await stack.close();
  });

  const start = (token: string, test: SkinTestResponse) => api(stack).post('/api/skin/sessions').set(as(token)).send({ questionnaireId: test.questionnaireId, version: test.version });
  const answer = (token: string, sessionId: string, key: string, body: object) => api(stack).put(`/api/skin/sessions/${sessionId}/answers/${key}`).set(as(token)).send(body);
  const firstOf = (test: SkinTestResponse, kind: Question['kind']) => {
    const q = test.definition.questions.find((x) => x.kind === kind);
    if (!q) throw new Error(`no ${kind} question in the standard questionnaire`);
    return q;
  };

  it('asks for the separate skin-data consent first, and stores nothing without it', async () => {
    const m = await newMember(stack);
    const test = await skinTest(stack, m.token);
    expect(test.consent.grantedAt).toBeNull();
    expect(test.consent.content).toContain('敏感个人信息');
    expect(test.definition.questions.length).toBeGreaterThanOrEqual(8);

    const refused = await start(m.token, test);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SKIN_CONSENT_REQUIRED');
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM skin_session WHERE member_id = $1`, [m.id]);
    expect(count).toBe(0);

    const outdated = await api(stack).post('/api/skin/consent').set(as(m.token)).send({ version: '2020-01-skin-0' });
    expect(outdated.status).toBe(409);
    expect(outdated.body.code).toBe('SKIN_CONSENT_OUTDATED');

    const granted = await api(stack).post('/api/skin/consent').set(as(m.token)).send({ version: test.consent.version }).expect(200);
    expect(granted.body.grantedAt).not.toBeNull();
    const rows = await db.query(`SELECT kind, version, revoked_at FROM member_consent WHERE member_id = $1 AND kind = 'skin_data'`, [m.id]);
    expect(rows).toEqual([{ kind: 'skin_data', version: test.consent.version, revoked_at: null }]);
  });

  it('one question at a time: answers are saved, the member can leave and resume where they left', async () => {
    const m = await newMember(stack);
    const test = await grantSkinConsent(stack, m.token);
    const answers = persona('oily with inflamed acne').answers;
    const session = (await start(m.token, test).expect(201)).body as SkinSessionState;
    expect(session.resumeAt).toBe(0);
    const order = test.definition.questions.map((q) => q.key);
    const firstTwo = answers.filter((a) => order.indexOf(a.questionKey) < 2);
    for (const a of firstTwo) await answer(m.token, session.id, a.questionKey, { ...a, questionKey: undefined }).expect(200);
    // Changing an answer replaces it rather than adding a second one.
    await answer(m.token, session.id, firstTwo[0].questionKey, { ...firstTwo[0], questionKey: undefined }).expect(200);

    const again = await skinTest(stack, m.token);
    expect(again.session?.id).toBe(session.id);
    expect(again.session?.resumeAt).toBe(2);
    expect(again.session?.answers.map((a) => a.questionKey)).toEqual(order.slice(0, 2));
    const resumed = (await start(m.token, test).expect(201)).body as SkinSessionState;
    expect(resumed.id).toBe(session.id);
  });

  it.each(['oily with inflamed acne', 'dry and sensitive: tight, stinging after cleansing, reacts to new products', 'combination with visible T-zone pores', 'mature, lines visible at rest'])('%s: the matching profile, explained, with suitable products', async (name) => {
    const p = persona(name);
    const m = await newMember(stack);
    const result = await takeSkinTest(stack, m.token, p.answers);
    expect(result.profile.skinType).toBe(p.expect.skinType);
    expect(result.profile.sensitive).toBe(p.expect.sensitive);
    for (const c of p.expect.concernsInclude) expect(result.profile.concerns).toContain(c);
    expect(result.profile.explanation.length).toBeGreaterThan(10);
    expect(result.recommendations.items.length).toBeGreaterThan(0);
    expect(result.recommendations.items.map((i) => i.rank)).toEqual(result.recommendations.items.map((_, i) => i + 1));
    for (const item of result.recommendations.items) expect(item.reason).toMatch(/适合|改善|淡化|舒缓|补水|提亮|祛痘|紧致/);

    // Never a product with an ingredient the member flagged, never an inactive one.
    const ids = result.recommendations.items.map((i) => i.product.id);
    const products = await db.query<{ allergens: string[]; active: boolean }[]>(`SELECT allergens, active FROM product WHERE id = ANY($1::uuid[])`, [ids]);
    for (const prod of products) {
      expect(prod.active).toBe(true);
      for (const a of result.profile.allergens) expect(prod.allergens).not.toContain(a);
    }
    // The list shown was recorded as impressions, position by position.
    const shown = await db.query<{ position: number }[]>(`SELECT position FROM recommendation_impression WHERE served_id = $1 ORDER BY position`, [result.recommendations.servedId]);
    expect(shown.map((s) => s.position)).toEqual(result.recommendations.items.map((i) => i.rank));

    // The result is kept with the version it was answered against, and shows in the history.
    const [row] = await db.query(`SELECT v.version FROM skin_result r JOIN questionnaire_version v ON v.id = r.questionnaire_version_id WHERE r.id = $1`, [result.id]);
    expect(row.version).toBe(result.version);
    const history = (await api(stack).get('/api/skin/results').set(as(m.token)).expect(200)).body as SkinResultSummary[];
    expect(history.map((h) => h.id)).toEqual([result.id]);
    const again = (await api(stack).get(`/api/skin/results/${result.id}`).set(as(m.token)).expect(200)).body as SkinResultResponse;
    expect(again.profile).toEqual(result.profile);
  });

  it('a finished test fills the profile: completeness no longer asks for it and rule tags appear', async () => {
    const m = await newMember(stack);
    expect(m.joined.home.completeness.missing.map((x) => x.field)).toContain('skinProfile');
    await takeSkinTest(stack, m.token, persona('dry and sensitive: tight, stinging after cleansing, reacts to new products').answers);
    const home = (await api(stack).get('/api/me').set(as(m.token)).expect(200)).body;
    expect(home.completeness.missing.map((x: { field: string }) => x.field)).not.toContain('skinProfile');
    expect(home.completeness.percent).toBeGreaterThan(m.joined.home.completeness.percent);
    const tags = await db.query<{ key: string }[]>(`SELECT t.key FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.member_id = $1 ORDER BY t.key`, [m.id]);
    expect(tags.map((t) => t.key)).toEqual(expect.arrayContaining(['dry-skin', 'sensitive-skin']));
  });

  it('refuses answers that do not fit the question, and changes nothing', async () => {
    const m = await newMember(stack);
    const test = await grantSkinConsent(stack, m.token);
    const session = (await start(m.token, test).expect(201)).body as SkinSessionState;
    const single = firstOf(test, 'single');
    const scale = firstOf(test, 'scale');
    const cases: [string, object][] = [
      ['no-such-question', { optionKeys: ['a'] }],
      [single.key, { optionKeys: [must(single.options, 'options')[0].key, must(single.options, 'options')[1].key] }],
      [single.key, { optionKeys: ['zz'] }],
      [single.key, { value: 3 }],
      [scale.key, { value: must(scale.scale, 'scale').max + 1 }],
    ];
    for (const [key, body] of cases) {
      const res = await answer(m.token, session.id, key, body);
      expect([res.status, res.body.code]).toEqual([400, 'SKIN_ANSWER_INVALID']);
      expect(typeof res.body.message).toBe('string');
    }
    const bad = await answer(m.token, session.id, single.key, { optionKeys: 'a' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const [row] = await db.query(`SELECT answers FROM skin_session WHERE id = $1`, [session.id]);
    expect(row.answers).toEqual([]);

    const early = await api(stack).post(`/api/skin/sessions/${session.id}/submit`).set(as(m.token));
    expect([early.status, early.body.code]).toEqual([400, 'SKIN_ANSWERS_INCOMPLETE']);
    expect(await db.query(`SELECT 1 FROM skin_result WHERE member_id = $1`, [m.id])).toEqual([]);
  });

  it("a member can never touch another member's session or result", async () => {
    const owner = await newMember(stack);
    const other = await newMember(stack);
    const result = await takeSkinTest(stack, owner.token, persona('oily with inflamed acne').answers);
    const test = await grantSkinConsent(stack, other.token);
    await grantSkinConsent(stack, owner.token);
    const session = (await start(owner.token, test).expect(201)).body as SkinSessionState;
    const q = test.definition.questions[0];

    const steal = await answer(other.token, session.id, q.key, { optionKeys: [must(q.options, 'options')[0].key] });
    expect([steal.status, steal.body.code]).toEqual([404, 'SKIN_SESSION_NOT_FOUND']);
    const submit = await api(stack).post(`/api/skin/sessions/${session.id}/submit`).set(as(other.token));
    expect(submit.status).toBe(404);
    const read = await api(stack).get(`/api/skin/results/${result.id}`).set(as(other.token));
    expect([read.status, read.body.code]).toEqual([404, 'SKIN_RESULT_NOT_FOUND']);
    expect((await api(stack).get('/api/skin/results/not-a-uuid').set(as(other.token))).status).toBe(404);
    const click = await api(stack).post('/api/skin/recommendations/clicks').set(as(other.token)).send({ servedId: result.recommendations.servedId, productId: result.recommendations.items[0].product.id });
    expect([click.status, click.body.code]).toEqual([400, 'RECOMMENDATION_UNKNOWN']);
    // Staff tokens are not members.
    expect((await api(stack).get('/api/skin/test').set(as(marketer))).status).toBe(403);
  });

  it('a submitted test cannot be submitted or changed again', async () => {
    const m = await newMember(stack);
    const test = await grantSkinConsent(stack, m.token);
    const session = (await start(m.token, test).expect(201)).body as SkinSessionState;
    for (const a of persona('normal skin with nothing wrong').answers) await answer(m.token, session.id, a.questionKey, { ...a, questionKey: undefined }).expect(200);
    await api(stack).post(`/api/skin/sessions/${session.id}/submit`).set(as(m.token)).expect(201);
    const twice = await api(stack).post(`/api/skin/sessions/${session.id}/submit`).set(as(m.token));
    expect([twice.status, twice.body.code]).toEqual([409, 'SKIN_SESSION_CLOSED']);
    const q = test.definition.questions[0];
    const late = await answer(m.token, session.id, q.key, { optionKeys: [must(q.options, 'options')[0].key] });
    expect([late.status, late.body.code]).toEqual([409, 'SKIN_SESSION_CLOSED']);
    expect(await db.query(`SELECT 1 FROM skin_result WHERE member_id = $1`, [m.id])).toHaveLength(1);
  });

  it('clicks are counted once per product and list, and marketers read click-through per product and position', async () => {
    const m = await newMember(stack);
    const result = await takeSkinTest(stack, m.token, persona('combination with visible T-zone pores').answers);
    const second = result.recommendations.items[1];
    for (let i = 0; i < 2; i++) {
      await api(stack).post('/api/skin/recommendations/clicks').set(as(m.token)).send({ servedId: result.recommendations.servedId, productId: second.product.id }).expect(204);
    }
    const clicks = await db.query(`SELECT position FROM recommendation_click WHERE served_id = $1`, [result.recommendations.servedId]);
    expect(clicks).toEqual([{ position: 2 }]);
    const unknown = await api(stack).post('/api/skin/recommendations/clicks').set(as(m.token)).send({ servedId: result.recommendations.servedId, productId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'RECOMMENDATION_UNKNOWN']);

    const home = await api(stack).get('/api/skin/recommendations?context=home').set(as(m.token)).expect(200);
    expect(home.body.servedId).not.toBe(result.recommendations.servedId);

    const report = (await api(stack).get('/api/staff/recommendations/report?days=7').set(as(marketer)).expect(200)).body as RecommendationReport;
    const pos2 = must(report.byPosition.find((p) => p.position === 2), 'position 2');
    expect(pos2.clicks).toBeGreaterThanOrEqual(1);
    expect(pos2.ctr).toBeCloseTo(pos2.clicks / pos2.impressions, 3);
    expect(report.byProduct.find((p) => p.productId === second.product.id)?.clicks).toBeGreaterThanOrEqual(1);
    const advisor = (await staffLogin(stack, 'advisor1')).accessToken;
    expect((await api(stack).get('/api/staff/recommendations/report').set(as(advisor))).status).toBe(403);
    expect((await api(stack).get('/api/staff/recommendations/report?days=0').set(as(marketer))).status).toBe(400);
  });

  it('a member without a profile is asked to take the test before getting recommendations', async () => {
    const m = await newMember(stack);
    const res = await api(stack).get('/api/skin/recommendations').set(as(m.token));
    expect([res.status, res.body.code]).toEqual([404, 'SKIN_PROFILE_MISSING']);
  });

  it('withdrawing the consent erases every answer and result, and the skin tags with them', async () => {
    const m = await newMember(stack);
    await takeSkinTest(stack, m.token, persona('oily with inflamed acne').answers);
    await api(stack).delete('/api/skin/consent').set(as(m.token)).expect(204);
    expect(await db.query(`SELECT 1 FROM skin_result WHERE member_id = $1 UNION ALL SELECT 1 FROM skin_session WHERE member_id = $1`, [m.id])).toEqual([]);
    expect((await api(stack).get('/api/skin/results').set(as(m.token)).expect(200)).body).toEqual([]);
    const tags = await db.query(`SELECT 1 FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.member_id = $1 AND t.kind = 'rule'`, [m.id]);
    expect(tags).toEqual([]);
    const [member] = await db.query(`SELECT skin_profile_at FROM member WHERE id = $1`, [m.id]);
    expect(member.skin_profile_at).toBeNull();
    const test = await skinTest(stack, m.token);
    expect(test.consent.grantedAt).toBeNull();
    expect((await start(m.token, test)).status).toBe(403);
  });

  it('the nightly job puts back rule tags that drifted, once across instances, and only admins run it by hand', async () => {
    const m = await newMember(stack);
    await takeSkinTest(stack, m.token, persona('oily with inflamed acne').answers);
    await db.query(`DELETE FROM member_tag mt USING tag t WHERE t.id = mt.tag_id AND t.key = 'acne-concern' AND mt.member_id = $1`, [m.id]);
    const admin = (await staffLogin(stack, 'admin')).accessToken;
    const run = await api(stack).post('/api/staff/jobs/skin-tags/run').set(as(admin)).expect(200);
    expect(run.body.ran).toBe(true);
    expect(run.body.result.added).toBeGreaterThanOrEqual(1);
    const tags = await db.query(`SELECT 1 FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.member_id = $1 AND t.key = 'acne-concern'`, [m.id]);
    expect(tags).toHaveLength(1);

    // While another instance holds the job's lock, a run does nothing.
    const holder = await db.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtextextended('glow:job:skin-tags', 0))`);
    try {
      const skipped = await api(stack).post('/api/staff/jobs/skin-tags/run').set(as(admin)).expect(200);
      expect(skipped.body.ran).toBe(false);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtextextended('glow:job:skin-tags', 0))`);
      await holder.release();
    }
    expect((await api(stack).post('/api/staff/jobs/skin-tags/run').set(as(marketer))).status).toBe(403);
    const unknown = await api(stack).post('/api/staff/jobs/nope/run').set(as(admin));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'JOB_UNKNOWN']);
  });

  describe('questionnaires in the console', () => {
    const definitionOf = (test: SkinTestResponse) => test.definition;

    it('a marketer authors a questionnaire: drafts can be incomplete, publishing needs a valid one and freezes it', async () => {
      const created = await api(stack).post('/api/staff/questionnaires').set(as(marketer)).send({ title: '换季肌肤小测', definition: { questions: [] } }).expect(201);
      const q = created.body as QuestionnaireDetail;
      expect(q.draft?.version).toBe(1);
      expect(q.draft?.problems.length).toBeGreaterThan(0);
      expect(q.published).toBeNull();

      const invalid = await api(stack).post(`/api/staff/questionnaires/${q.id}/publish`).set(as(marketer)).send({ version: 1 });
      expect([invalid.status, invalid.body.code]).toEqual([400, 'QUESTIONNAIRE_INVALID']);
      expect(invalid.body.details.length).toBeGreaterThan(0);

      const m = await newMember(stack);
      await grantSkinConsent(stack, m.token);
      const unpublished = await api(stack).post('/api/skin/sessions').set(as(m.token)).send({ questionnaireId: q.id, version: 1 });
      expect([unpublished.status, unpublished.body.code]).toEqual([409, 'QUESTIONNAIRE_NOT_PUBLISHED']);
      const notPrimary = await api(stack).post(`/api/staff/questionnaires/${q.id}/primary`).set(as(marketer));
      expect([notPrimary.status, notPrimary.body.code]).toEqual([409, 'QUESTIONNAIRE_NOT_PUBLISHED']);

      const standard = definitionOf(await skinTest(stack, m.token));
      const saved = await api(stack).put(`/api/staff/questionnaires/${q.id}/draft`).set(as(marketer)).send({ title: '换季肌肤小测', description: '三分钟', definition: standard }).expect(200);
      expect(saved.body.draft.problems).toEqual([]);
      const stale = await api(stack).post(`/api/staff/questionnaires/${q.id}/publish`).set(as(marketer)).send({ version: 2 });
      expect([stale.status, stale.body.code]).toEqual([409, 'QUESTIONNAIRE_DRAFT_CHANGED']);
      const published = (await api(stack).post(`/api/staff/questionnaires/${q.id}/publish`).set(as(marketer)).send({ version: 1 }).expect(200)).body as QuestionnaireDetail;
      expect(published.published?.version).toBe(1);
      expect(published.draft).toBeNull();

      // Editing after publishing opens version 2; version 1 stays exactly as published.
      const edited = { questions: standard.questions.slice(0, 3) };
      const v2 = (await api(stack).put(`/api/staff/questionnaires/${q.id}/draft`).set(as(marketer)).send({ title: '换季肌肤小测 2', definition: edited }).expect(200)).body as QuestionnaireDetail;
      expect(v2.draft?.version).toBe(2);
      expect(v2.published?.definition).toEqual(standard);
      const list = (await api(stack).get('/api/staff/questionnaires').set(as(marketer)).expect(200)).body;
      expect(list.find((x: { id: string }) => x.id === q.id)).toMatchObject({ publishedVersion: 1, hasDraft: true, primary: false });
    });

    it('refuses malformed questionnaires and staff without the right role', async () => {
      const advisor = (await staffLogin(stack, 'advisor1')).accessToken;
      expect((await api(stack).post('/api/staff/questionnaires').set(as(advisor)).send({ title: 'x', definition: { questions: [] } })).status).toBe(403);
      expect((await api(stack).get('/api/staff/questionnaires').set(as(advisor))).status).toBe(200);
      for (const definition of [{ questions: 'x' }, { questions: [1, 2] }, { questions: [{ key: 'q1', options: 'abc' }] }, 'text']) {
        const res = await api(stack).post('/api/staff/questionnaires').set(as(marketer)).send({ title: '坏问卷', definition });
        expect(res.status).toBe(400);
        expect(['QUESTIONNAIRE_INVALID', 'VALIDATION_FAILED']).toContain(res.body.code);
      }
      expect((await api(stack).get('/api/staff/questionnaires/not-a-uuid').set(as(marketer))).status).toBe(404);
      expect((await api(stack).get('/api/staff/questionnaires/00000000-0000-4000-8000-000000000000').set(as(marketer))).status).toBe(404);
    });

    it('a new published version: new tests use it, a test already under way finishes on the version it started', async () => {
      const m = await newMember(stack);
      const before = await grantSkinConsent(stack, m.token);
      const session = (await start(m.token, before).expect(201)).body as SkinSessionState;
      const p = persona('combination with visible T-zone pores');
      for (const a of p.answers) await answer(m.token, session.id, a.questionKey, { ...a, questionKey: undefined }).expect(200);

      // The marketer republishes the primary questionnaire (same questions, new version).
      const detail = (await api(stack).put(`/api/staff/questionnaires/${before.questionnaireId}/draft`).set(as(marketer)).send({ title: before.title, description: before.description, definition: before.definition }).expect(200)).body as QuestionnaireDetail;
      await api(stack).post(`/api/staff/questionnaires/${before.questionnaireId}/publish`).set(as(marketer)).send({ version: must(detail.draft, 'a draft').version }).expect(200);

      const stale = await start(m.token, before);
      expect([stale.status, stale.body.code]).toEqual([409, 'QUESTIONNAIRE_VERSION_CHANGED']);
      const result = (await api(stack).post(`/api/skin/sessions/${session.id}/submit`).set(as(m.token)).expect(201)).body as SkinResultResponse;
      expect(result.version).toBe(before.version);
      const after = await skinTest(stack, m.token);
      expect(after.version).toBe(before.version + 1);
      expect(after.session).toBeNull();
    });
  });
});
