import { randomUUID } from 'node:crypto';
import { Faker, zh_CN } from '@faker-js/faker';
import {
  type Answer,
  type Question,
  type RecommendableProduct,
  recommendProducts,
  scoreQuestionnaire,
  SKIN_TAG_LABELS,
  SKIN_TAGS,
  skinTags,
  STANDARD_QUESTIONNAIRE,
} from '@glow/domain';
import type { DataSource } from 'typeorm';
import { SKIN_DATA_NOTICE } from '../modules/skin/skin-data-notice';
import type { SeedProgress } from './demo-seed';

/** The brand's skin test: the standard questionnaire, published and primary. Idempotent. */
export async function seedQuestionnaire(db: DataSource, log: (line: string) => void): Promise<void> {
  const [existing] = await db.query<{ id: string }[]>(`SELECT id FROM questionnaire WHERE "primary"`);
  if (existing) return;
  await db.transaction(async (tx) => {
    const [q] = await tx.query<{ id: string }[]>(`INSERT INTO questionnaire ("primary") VALUES (true) RETURNING id`);
    await tx.query(
      `INSERT INTO questionnaire_version (questionnaire_id, version, status, title, description, definition, published_at)
       VALUES ($1, 1, 'published', $2, $3, $4, now())`,
      [q.id, STANDARD_QUESTIONNAIRE.title, STANDARD_QUESTIONNAIRE.description, JSON.stringify(STANDARD_QUESTIONNAIRE.definition)],
    );
  });
  log(`skin test "${STANDARD_QUESTIONNAIRE.title}" published`);
}

const SHARE = 3; // one demo member in three has taken the skin test
const BATCH = 100;

/**
 * Skin test results for a third of the demo members (random but plausible answers, scored by the real rules),
 * with their consent, rule tags and a history of recommendations shown and clicked, so the portrait, the tag filter
 * and the click-through report have something to show. Idempotent: only demo members without a result get one.
 */
export async function seedSkinResults(db: DataSource, progress?: SeedProgress, log: (line: string) => void = () => undefined): Promise<number> {
  const [version] = await db.query<{ id: string; definition: typeof STANDARD_QUESTIONNAIRE.definition }[]>(
    `SELECT v.id, v.definition FROM questionnaire q JOIN questionnaire_version v ON v.questionnaire_id = q.id AND v.status = 'published' WHERE q."primary"`,
  );
  if (!version) return 0;
  for (const key of SKIN_TAGS) {
    await db.query(`INSERT INTO tag (key, label, kind) VALUES ($1, $2, 'rule') ON CONFLICT (key) DO NOTHING`, [key, SKIN_TAG_LABELS[key]]);
  }
  const products = (
    await db.query<{ id: string; name: string; category: RecommendableProduct['category']; suitable_skin_types: RecommendableProduct['suitableSkinTypes']; concerns: RecommendableProduct['concerns']; allergens: RecommendableProduct['allergens'] }[]>(
      `SELECT id, name, category, suitable_skin_types, concerns, allergens FROM product WHERE active`,
    )
  ).map((p) => ({ id: p.id, name: p.name, category: p.category, suitableSkinTypes: p.suitable_skin_types, concerns: p.concerns, allergens: p.allergens, active: true }));
  const members = await db.query<{ id: string; joined_at: Date }[]>(
    `SELECT id, joined_at FROM member m
      WHERE member_no ~ '^S[0-9]{7}$' AND deleted_at IS NULL AND substring(member_no, 2)::int % ${SHARE} = 0
        AND NOT EXISTS (SELECT 1 FROM skin_result r WHERE r.member_id = m.id)
      ORDER BY member_no`,
  );
  if (members.length === 0) return 0;
  const faker = new Faker({ locale: [zh_CN] });
  faker.seed(20261124 + members.length);
  const now = Date.now();
  progress?.start(members.length, 'skin tests');
  let added = 0;
  for (let from = 0; from < members.length; from += BATCH) {
    const batch = members.slice(from, from + BATCH);
    await db.transaction(async (tx) => {
      for (const m of batch) {
        const answers = version.definition.questions.flatMap((q) => randomAnswer(faker, q));
        const scored = scoreQuestionnaire(version.definition, answers);
        if (!scored.ok) continue;
        const p = scored.profile;
        // Most tests were taken in the last three months, so the 30-day click-through report has data to show.
        const takenAt = new Date(faker.number.int({ min: Math.max(new Date(m.joined_at).getTime(), now - 90 * 86_400_000), max: now }));
        await tx.query(`INSERT INTO member_consent (member_id, kind, version, granted_at) VALUES ($1, 'skin_data', $2, $3) ON CONFLICT DO NOTHING`, [m.id, SKIN_DATA_NOTICE.version, takenAt]);
        const [session] = await tx.query<{ id: string }[]>(
          `INSERT INTO skin_session (member_id, questionnaire_version_id, answers, status, started_at, updated_at, submitted_at)
           VALUES ($1, $2, $3, 'submitted', $4, $4, $4) RETURNING id`,
          [m.id, version.id, JSON.stringify(answers), takenAt],
        );
        await tx.query(
          `INSERT INTO skin_result (member_id, session_id, questionnaire_version_id, answers, skin_type, sensitive, sensitivity, sensitivity_score,
                                    concerns, allergens, type_scores, concern_scores, summary, explanation, taken_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [m.id, session.id, version.id, JSON.stringify(answers), p.skinType, p.sensitive, p.sensitivity, p.sensitivityScore, p.concerns, p.allergens, JSON.stringify(p.typeScores), JSON.stringify(p.concernScores), p.summary, p.explanation, takenAt],
        );
        await tx.query(`UPDATE member SET skin_profile_at = $2 WHERE id = $1`, [m.id, takenAt]);
        await tx.query(`INSERT INTO member_tag (member_id, tag_id, added_at) SELECT $1, id, $3 FROM tag WHERE key = ANY($2::text[]) ON CONFLICT DO NOTHING`, [m.id, skinTags(p), takenAt]);
        const shown = recommendProducts(p, products, 8);
        if (shown.length === 0) continue;
        const servedId = randomUUID();
        await tx.query(
          `INSERT INTO recommendation_impression (served_id, member_id, product_id, position, context, created_at)
           SELECT $1, $2, s.product_id, s.position, 'result', $5 FROM unnest($3::uuid[], $4::int[]) AS s(product_id, position)`,
          [servedId, m.id, shown.map((s) => s.productId), shown.map((s) => s.rank), takenAt],
        );
        // Members click the top of the list more often than the bottom.
        const clicked = shown.filter((s) => faker.datatype.boolean(0.32 / Math.sqrt(s.rank)));
        if (clicked.length > 0) {
          await tx.query(
            `INSERT INTO recommendation_click (served_id, member_id, product_id, position, created_at)
             SELECT $1, $2, c.product_id, c.position, $5 FROM unnest($3::uuid[], $4::int[]) AS c(product_id, position)`,
            [servedId, m.id, clicked.map((s) => s.productId), clicked.map((s) => s.rank), new Date(takenAt.getTime() + 30_000)],
          );
        }
        added++;
      }
    });
    progress?.advance(batch.length);
  }
  progress?.stop();
  log(`added ${added} demo skin test results`);
  return added;
}

function randomAnswer(faker: Faker, q: Question): Answer[] {
  const options = q.options ?? [];
  switch (q.kind) {
    case 'single':
      return [{ questionKey: q.key, optionKeys: [faker.helpers.arrayElement(options).key] }];
    case 'multiple': {
      const max = Math.min(q.maxChoices ?? options.length, 2);
      return [{ questionKey: q.key, optionKeys: faker.helpers.arrayElements(options, { min: 1, max }).map((o) => o.key) }];
    }
    case 'scale':
      return q.scale ? [{ questionKey: q.key, value: faker.number.int({ min: q.scale.min, max: q.scale.max }) }] : [];
    default:
      return q.required ? [{ questionKey: q.key, text: '' }] : [];
  }
}
