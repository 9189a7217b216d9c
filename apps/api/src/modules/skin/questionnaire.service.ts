import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type QuestionnaireDetail, type QuestionnaireSummary, type SaveQuestionnaireDraftDto } from '@glow/contracts';
import { type QuestionnaireDefinition, validateQuestionnaire } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AuditService } from '../../platform/audit/audit.service';
import { QuestionnaireVersion } from './questionnaire-version.entity';
import { SkinException } from './skin.exception';

const MAX_DEFINITION_BYTES = 64 * 1024;

/** Versioned questionnaires: one editable draft, one frozen published version, retired ones kept for old answers. */
@Injectable()
export class QuestionnaireService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<QuestionnaireSummary[]> {
    const rows = await this.db.query<{ id: string; primary: boolean; title: string; published_version: number | null; has_draft: boolean; responses: number; updated_at: Date }[]>(
      `SELECT q.id, q."primary",
              coalesce(p.title, d.title) AS title, p.version AS published_version, d.id IS NOT NULL AS has_draft,
              (SELECT count(*) FROM skin_result r JOIN questionnaire_version v ON v.id = r.questionnaire_version_id WHERE v.questionnaire_id = q.id)::int AS responses,
              greatest(q.updated_at, p.updated_at, d.updated_at) AS updated_at
         FROM questionnaire q
         LEFT JOIN questionnaire_version p ON p.questionnaire_id = q.id AND p.status = 'published'
         LEFT JOIN questionnaire_version d ON d.questionnaire_id = q.id AND d.status = 'draft'
        ORDER BY q."primary" DESC, q.created_at DESC`,
    );
    return rows.map((r) => ({
      id: r.id,
      primary: r.primary,
      title: r.title ?? '',
      publishedVersion: r.published_version,
      hasDraft: r.has_draft,
      responses: r.responses,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  async create(who: StaffPrincipal, dto: SaveQuestionnaireDraftDto): Promise<QuestionnaireDetail> {
    const definition = checkShape(dto.definition);
    const id = await this.db.transaction(async (tx) => {
      const [q] = await tx.query<{ id: string }[]>(`INSERT INTO questionnaire (created_by_id) VALUES ($1) RETURNING id`, [who.staffId]);
      await tx.query(
        `INSERT INTO questionnaire_version (questionnaire_id, version, status, title, description, definition) VALUES ($1, 1, 'draft', $2, $3, $4)`,
        [q.id, dto.title, dto.description ?? '', JSON.stringify(definition)],
      );
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'questionnaire.create', detail: { questionnaireId: q.id } }, tx);
      return q.id;
    });
    return this.detail(id);
  }

  async detail(id: string, manager?: EntityManager): Promise<QuestionnaireDetail> {
    const run = manager ?? this.db.manager;
    const [q] = await run.query<{ id: string; primary: boolean }[]>(`SELECT id, "primary" FROM questionnaire WHERE id = $1`, [id]);
    if (!q) throw new SkinException(ErrorCode.QuestionnaireNotFound);
    const versions = await run.query<(Pick<QuestionnaireVersion, 'version' | 'status' | 'title' | 'description' | 'definition'> & { published_at: Date | null; published_by: string | null; responses: number })[]>(
      `SELECT v.version, v.status, v.title, v.description, v.definition, v.published_at, s.name AS published_by,
              (SELECT count(*) FROM skin_result r WHERE r.questionnaire_version_id = v.id)::int AS responses
         FROM questionnaire_version v LEFT JOIN staff s ON s.id = v.published_by_id
        WHERE v.questionnaire_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    const draft = versions.find((v) => v.status === 'draft');
    const published = versions.find((v) => v.status === 'published');
    return {
      id: q.id,
      primary: q.primary,
      versions: versions.map((v) => ({
        version: v.version,
        status: v.status,
        title: v.title,
        publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
        publishedBy: v.published_by,
        responses: v.responses,
      })),
      draft: draft ? { version: draft.version, title: draft.title, description: draft.description, definition: draft.definition, problems: problemsOf(draft.definition) } : null,
      published: published ? { version: published.version, title: published.title, description: published.description, definition: published.definition } : null,
    };
  }

  /** Replaces the draft's content, or opens the next version as a draft when there is none. */
  async saveDraft(who: StaffPrincipal, id: string, dto: SaveQuestionnaireDraftDto): Promise<QuestionnaireDetail> {
    const definition = checkShape(dto.definition);
    await this.db.transaction(async (tx) => {
      // Serialises edits and publishes of one questionnaire, so version numbers cannot collide.
      const [q] = await tx.query<{ id: string }[]>(`SELECT id FROM questionnaire WHERE id = $1 FOR UPDATE`, [id]);
      if (!q) throw new SkinException(ErrorCode.QuestionnaireNotFound);
      await tx.query(
        `INSERT INTO questionnaire_version (questionnaire_id, version, status, title, description, definition)
         SELECT $1, coalesce(max(version), 0) + 1, 'draft', $2, $3, $4 FROM questionnaire_version WHERE questionnaire_id = $1
         ON CONFLICT (questionnaire_id) WHERE status = 'draft'
         DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, definition = EXCLUDED.definition, updated_at = now()`,
        [id, dto.title, dto.description ?? '', JSON.stringify(definition)],
      );
      await tx.query(`UPDATE questionnaire SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'questionnaire.save_draft', detail: { questionnaireId: id } }, tx);
    });
    return this.detail(id);
  }

  /** Freezes the draft the author saw as the published version; the previous published version is retired. */
  async publish(who: StaffPrincipal, id: string, version: number): Promise<QuestionnaireDetail> {
    return this.db.transaction(async (tx) => {
      const [q] = await tx.query<{ id: string }[]>(`SELECT id FROM questionnaire WHERE id = $1 FOR UPDATE`, [id]);
      if (!q) throw new SkinException(ErrorCode.QuestionnaireNotFound);
      const [draft] = await tx.query<{ id: string; version: number; definition: QuestionnaireDefinition }[]>(
        `SELECT id, version, definition FROM questionnaire_version WHERE questionnaire_id = $1 AND status = 'draft'`,
        [id],
      );
      if (!draft || draft.version !== version) throw new SkinException(ErrorCode.QuestionnaireDraftChanged);
      const problems = problemsOf(draft.definition);
      if (problems.length > 0) {
        throw new SkinException(ErrorCode.QuestionnaireInvalid, undefined, { details: problems.map((p) => ({ field: p.field, problems: [p.problem] })) });
      }
      await tx.query(`UPDATE questionnaire_version SET status = 'retired', updated_at = now() WHERE questionnaire_id = $1 AND status = 'published'`, [id]);
      await tx.query(`UPDATE questionnaire_version SET status = 'published', published_at = now(), published_by_id = $2, updated_at = now() WHERE id = $1`, [draft.id, who.staffId]);
      await tx.query(`UPDATE questionnaire SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'questionnaire.publish', detail: { questionnaireId: id, version } }, tx);
      return this.detail(id, tx);
    });
  }

  /** Makes a published questionnaire the skin test members take. */
  async makePrimary(who: StaffPrincipal, id: string): Promise<QuestionnaireDetail> {
    return this.db.transaction(async (tx) => {
      const [q] = await tx.query<{ published: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM questionnaire_version v WHERE v.questionnaire_id = q.id AND v.status = 'published') AS published
           FROM questionnaire q WHERE q.id = $1 FOR UPDATE`,
        [id],
      );
      if (!q) throw new SkinException(ErrorCode.QuestionnaireNotFound);
      if (!q.published) throw new SkinException(ErrorCode.QuestionnaireNotPublished);
      // Serialise concurrent switches: the partial unique index allows one primary at a time.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('glow:questionnaire:primary', 0))`);
      await tx.query(`UPDATE questionnaire SET "primary" = false WHERE "primary" AND id <> $1`, [id]);
      await tx.query(`UPDATE questionnaire SET "primary" = true, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'questionnaire.primary', detail: { questionnaireId: id } }, tx);
      return this.detail(id, tx);
    });
  }
}

/**
 * The draft is free-form JSON from the console: before it is stored, make sure it has the shape the domain rules
 * can read (arrays where arrays belong, bounded size), so nothing a client sends can make them throw later.
 */
function checkShape(definition: unknown): QuestionnaireDefinition {
  const invalid = (field: string, problem: string) => new SkinException(ErrorCode.QuestionnaireInvalid, undefined, { details: [{ field, problems: [problem] }] });
  if (JSON.stringify(definition ?? null).length > MAX_DEFINITION_BYTES) throw invalid('definition', '问卷内容过长');
  const d = definition as { questions?: unknown };
  if (!Array.isArray(d?.questions)) throw invalid('definition.questions', '题目列表格式不正确');
  if (d.questions.length > 40) throw invalid('definition.questions', '最多 40 道题');
  d.questions.forEach((q: unknown, i) => {
    if (typeof q !== 'object' || q === null || Array.isArray(q)) throw invalid(`questions[${i}]`, '题目格式不正确');
    const { options, scale } = q as { options?: unknown; scale?: unknown };
    if (options !== undefined && (!Array.isArray(options) || options.length > 12 || options.some((o) => typeof o !== 'object' || o === null || Array.isArray(o)))) {
      throw invalid(`questions[${i}].options`, '选项格式不正确');
    }
    if (scale !== undefined && (typeof scale !== 'object' || scale === null || Array.isArray(scale))) throw invalid(`questions[${i}].scale`, '量表格式不正确');
  });
  return definition as QuestionnaireDefinition;
}

function problemsOf(definition: QuestionnaireDefinition): { field: string; problem: string }[] {
  try {
    return validateQuestionnaire(definition);
  } catch {
    return [{ field: 'definition', problem: '问卷内容格式不正确' }];
  }
}
