import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type RecommendationContext,
  type SaveAnswerDto,
  type SkinConsentState,
  type SkinProfileView,
  type SkinRecommendations,
  type SkinResultResponse,
  type SkinResultSummary,
  type SkinSessionState,
  type SkinTestResponse,
} from '@glow/contracts';
import { type Answer, checkAnswer, type QuestionnaireDefinition, scoreQuestionnaire } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberService } from '../member/member.service';
import { RecommendationService } from './recommendation.service';
import { SKIN_DATA_NOTICE } from './skin-data-notice';
import { SkinException } from './skin.exception';
import { SkinTagsJob } from './skin-tags.job';

interface VersionRow {
  id: string;
  questionnaire_id: string;
  version: number;
  title: string;
  description: string;
  definition: QuestionnaireDefinition;
}

interface SessionRow {
  id: string;
  member_id: string;
  questionnaire_version_id: string;
  answers: Answer[];
  status: 'in_progress' | 'submitted' | 'abandoned';
  started_at: Date;
  updated_at: Date;
}

export interface ResultRow {
  id: string;
  questionnaire_id: string;
  version: number;
  answers: Answer[];
  definition: QuestionnaireDefinition;
  skin_type: SkinProfileView['skinType'];
  sensitive: boolean;
  sensitivity: SkinProfileView['sensitivity'];
  sensitivity_score: number;
  concerns: SkinProfileView['concerns'];
  allergens: SkinProfileView['allergens'];
  summary: string;
  explanation: string;
  taken_at: Date;
}

export const RESULT_COLUMNS = `r.id, v.questionnaire_id, v.version, r.answers, v.definition, r.skin_type, r.sensitive, r.sensitivity, r.sensitivity_score,
  r.concerns, r.allergens, r.summary, r.explanation, r.taken_at`;

/**
 * The member's skin test: a separate consent first (nothing is stored without it), then a resumable session of
 * the primary questionnaire's published version, answers saved one by one, and a scored result with recommendations.
 */
@Injectable()
export class SkinTestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly members: MemberService,
    private readonly recommendations: RecommendationService,
    private readonly tagsJob: SkinTagsJob,
  ) {}

  async test(memberId: string): Promise<SkinTestResponse> {
    await this.members.requireActive(memberId);
    const [primary] = await this.db.query<VersionRow[]>(
      `SELECT v.id, v.questionnaire_id, v.version, v.title, v.description, v.definition
         FROM questionnaire q JOIN questionnaire_version v ON v.questionnaire_id = q.id AND v.status = 'published'
        WHERE q."primary"`,
    );
    if (!primary) throw new SkinException(ErrorCode.QuestionnaireNotPublished);
    const [open] = await this.db.query<SessionRow[]>(`SELECT * FROM skin_session WHERE member_id = $1 AND status = 'in_progress' AND questionnaire_version_id = $2`, [
      memberId,
      primary.id,
    ]);
    const [latest] = await this.db.query<{ id: string }[]>(`SELECT id FROM skin_result WHERE member_id = $1 ORDER BY taken_at DESC LIMIT 1`, [memberId]);
    return {
      questionnaireId: primary.questionnaire_id,
      version: primary.version,
      title: primary.title,
      description: primary.description,
      definition: primary.definition,
      consent: await this.consent(memberId),
      session: open ? toSession(open, primary) : null,
      latestResultId: latest?.id ?? null,
    };
  }

  async consent(memberId: string): Promise<SkinConsentState> {
    const c = await this.members.consentOf(memberId, 'skin_data');
    const current = c && c.version === SKIN_DATA_NOTICE.version && !c.revokedAt;
    return { version: SKIN_DATA_NOTICE.version, title: SKIN_DATA_NOTICE.title, content: SKIN_DATA_NOTICE.content, grantedAt: current ? c.grantedAt.toISOString() : null };
  }

  async grantConsent(memberId: string, version: string): Promise<SkinConsentState> {
    await this.members.requireActive(memberId);
    if (version !== SKIN_DATA_NOTICE.version) throw new SkinException(ErrorCode.SkinConsentOutdated);
    await this.members.grantConsent(memberId, 'skin_data', version);
    return this.consent(memberId);
  }

  /** Withdrawing the consent erases every skin answer and result: without consent nothing sensitive is kept. */
  async withdrawConsent(memberId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.members.withdrawConsent(memberId, 'skin_data', tx);
      await this.erase(memberId, tx);
    });
  }

  async erase(memberId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM skin_result WHERE member_id = $1`, [memberId]);
    await tx.query(`DELETE FROM skin_session WHERE member_id = $1`, [memberId]);
    await this.members.setSkinProfileAt(memberId, null, tx);
    await this.tagsJob.syncMember(memberId, null, tx);
  }

  /** Starts (or resumes) a session of the published version the member was shown. */
  async start(memberId: string, questionnaireId: string, version: number): Promise<SkinSessionState> {
    await this.requireConsent(memberId);
    const published = await this.publishedVersion(questionnaireId);
    if (published.version !== version) throw new SkinException(ErrorCode.QuestionnaireVersionChanged);
    return this.db.transaction(async (tx) => {
      const [open] = await tx.query<SessionRow[]>(`SELECT * FROM skin_session WHERE member_id = $1 AND status = 'in_progress' FOR UPDATE`, [memberId]);
      if (open?.questionnaire_version_id === published.id) return toSession(open, published);
      if (open) await tx.query(`UPDATE skin_session SET status = 'abandoned', updated_at = now() WHERE id = $1`, [open.id]);
      const [created] = await tx.query<SessionRow[]>(
        `INSERT INTO skin_session (member_id, questionnaire_version_id) VALUES ($1, $2)
         ON CONFLICT (member_id) WHERE status = 'in_progress' DO UPDATE SET updated_at = now() RETURNING *`,
        [memberId, published.id],
      );
      return toSession(created, published);
    });
  }

  /** Saves one answer, checked against the question of the session's own version. */
  async answer(memberId: string, sessionId: string, questionKey: string, dto: SaveAnswerDto): Promise<SkinSessionState> {
    await this.requireConsent(memberId);
    const { session, version } = await this.session(memberId, sessionId);
    if (session.status !== 'in_progress') throw new SkinException(ErrorCode.SkinSessionClosed);
    const question = version.definition.questions.find((q) => q.key === questionKey);
    if (!question) throw new SkinException(ErrorCode.SkinAnswerInvalid, `no question ${questionKey}`, { message: '题目不存在，请刷新后重试' });
    const answer: Answer = { questionKey, ...(dto.optionKeys && { optionKeys: dto.optionKeys }), ...(dto.value !== undefined && { value: dto.value }), ...(dto.text !== undefined && { text: dto.text }) };
    const outcome = checkAnswer(question, answer);
    if (!outcome.ok) throw new SkinException(ErrorCode.SkinAnswerInvalid, outcome.reason, { message: outcome.message });
    const [updated] = await this.db.query<SessionRow[]>(
      `WITH saved AS (
         UPDATE skin_session
            SET answers = (SELECT coalesce(jsonb_agg(a), '[]'::jsonb) FROM jsonb_array_elements(answers) a WHERE a->>'questionKey' <> $3) || jsonb_build_array($4::jsonb),
                updated_at = now()
          WHERE id = $1 AND member_id = $2 AND status = 'in_progress' RETURNING *)
       SELECT * FROM saved`,
      [sessionId, memberId, questionKey, JSON.stringify(answer)],
    );
    if (!updated) throw new SkinException(ErrorCode.SkinSessionClosed);
    return toSession(updated, version);
  }

  /** Scores the session into a result; the profile, rule tags and completeness change in the same transaction. */
  async submit(memberId: string, sessionId: string): Promise<SkinResultResponse> {
    await this.requireConsent(memberId);
    const resultId = await this.db.transaction(async (tx) => {
      const [session] = await tx.query<SessionRow[]>(`SELECT * FROM skin_session WHERE id = $1 AND member_id = $2 FOR UPDATE`, [sessionId, memberId]);
      if (!session) throw new SkinException(ErrorCode.SkinSessionNotFound);
      if (session.status !== 'in_progress') throw new SkinException(ErrorCode.SkinSessionClosed);
      const [version] = await tx.query<VersionRow[]>(`SELECT * FROM questionnaire_version WHERE id = $1`, [session.questionnaire_version_id]);
      const scored = scoreQuestionnaire(version.definition, session.answers);
      if (!scored.ok) {
        const code = scored.reason === 'unanswered-required' ? ErrorCode.SkinAnswersIncomplete : ErrorCode.SkinAnswerInvalid;
        throw new SkinException(code, `${scored.reason} ${scored.questionKey}`, { message: scored.message });
      }
      const p = scored.profile;
      const [result] = await tx.query<{ id: string; taken_at: Date }[]>(
        `INSERT INTO skin_result (member_id, session_id, questionnaire_version_id, answers, skin_type, sensitive, sensitivity, sensitivity_score,
                                  concerns, allergens, type_scores, concern_scores, summary, explanation, taken_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now()) RETURNING id, taken_at`,
        [
          memberId,
          session.id,
          version.id,
          JSON.stringify(session.answers),
          p.skinType,
          p.sensitive,
          p.sensitivity,
          p.sensitivityScore,
          p.concerns,
          p.allergens,
          JSON.stringify(p.typeScores),
          JSON.stringify(p.concernScores),
          p.summary,
          p.explanation,
        ],
      );
      await tx.query(`UPDATE skin_session SET status = 'submitted', submitted_at = now(), updated_at = now() WHERE id = $1`, [session.id]);
      await this.members.setSkinProfileAt(memberId, new Date(result.taken_at), tx);
      await this.tagsJob.syncMember(memberId, p, tx);
      return result.id;
    });
    return this.result(memberId, resultId, 'result');
  }

  async results(memberId: string): Promise<SkinResultSummary[]> {
    const rows = await this.db.query<ResultRow[]>(
      `SELECT ${RESULT_COLUMNS} FROM skin_result r JOIN questionnaire_version v ON v.id = r.questionnaire_version_id
        WHERE r.member_id = $1 ORDER BY r.taken_at DESC LIMIT 100`,
      [memberId],
    );
    return rows.map(toSummary);
  }

  async result(memberId: string, resultId: string, context: RecommendationContext): Promise<SkinResultResponse> {
    const [row] = await this.db.query<ResultRow[]>(
      `SELECT ${RESULT_COLUMNS} FROM skin_result r JOIN questionnaire_version v ON v.id = r.questionnaire_version_id
        WHERE r.id = $1 AND r.member_id = $2`,
      [resultId, memberId],
    );
    if (!row) throw new SkinException(ErrorCode.SkinResultNotFound);
    const profile = toProfileView(row);
    return {
      id: row.id,
      questionnaireId: row.questionnaire_id,
      version: row.version,
      takenAt: new Date(row.taken_at).toISOString(),
      profile,
      recommendations: await this.recommendations.serve(memberId, profile, context),
    };
  }

  /** Recommendations from the member's latest skin profile. */
  async recommend(memberId: string, context: RecommendationContext): Promise<SkinRecommendations> {
    const [row] = await this.db.query<ResultRow[]>(
      `SELECT ${RESULT_COLUMNS} FROM skin_result r JOIN questionnaire_version v ON v.id = r.questionnaire_version_id
        WHERE r.member_id = $1 ORDER BY r.taken_at DESC LIMIT 1`,
      [memberId],
    );
    if (!row) throw new SkinException(ErrorCode.SkinProfileMissing);
    return this.recommendations.serve(memberId, toProfileView(row), context);
  }

  private async requireConsent(memberId: string): Promise<void> {
    await this.members.requireActive(memberId);
    const c = await this.members.consentOf(memberId, 'skin_data');
    if (!c || c.revokedAt) throw new SkinException(ErrorCode.SkinConsentRequired);
    if (c.version !== SKIN_DATA_NOTICE.version) throw new SkinException(ErrorCode.SkinConsentOutdated);
  }

  private async publishedVersion(questionnaireId: string): Promise<VersionRow> {
    const [q] = await this.db.query<{ id: string }[]>(`SELECT id FROM questionnaire WHERE id = $1`, [questionnaireId]);
    if (!q) throw new SkinException(ErrorCode.QuestionnaireNotFound);
    const [v] = await this.db.query<VersionRow[]>(`SELECT * FROM questionnaire_version WHERE questionnaire_id = $1 AND status = 'published'`, [questionnaireId]);
    if (!v) throw new SkinException(ErrorCode.QuestionnaireNotPublished);
    return v;
  }

  private async session(memberId: string, sessionId: string): Promise<{ session: SessionRow; version: VersionRow }> {
    const [session] = await this.db.query<SessionRow[]>(`SELECT * FROM skin_session WHERE id = $1 AND member_id = $2`, [sessionId, memberId]);
    if (!session) throw new SkinException(ErrorCode.SkinSessionNotFound);
    const [version] = await this.db.query<VersionRow[]>(`SELECT * FROM questionnaire_version WHERE id = $1`, [session.questionnaire_version_id]);
    return { session, version };
  }
}

function toSession(s: SessionRow, v: VersionRow): SkinSessionState {
  const answered = new Set(s.answers.map((a) => a.questionKey));
  const firstOpen = v.definition.questions.findIndex((q) => !answered.has(q.key));
  const byOrder = new Map(v.definition.questions.map((q, i) => [q.key, i]));
  return {
    id: s.id,
    questionnaireId: v.questionnaire_id,
    version: v.version,
    answers: [...s.answers].sort((a, b) => (byOrder.get(a.questionKey) ?? 0) - (byOrder.get(b.questionKey) ?? 0)),
    resumeAt: firstOpen === -1 ? v.definition.questions.length : firstOpen,
    startedAt: new Date(s.started_at).toISOString(),
    updatedAt: new Date(s.updated_at).toISOString(),
  };
}

export function toProfileView(r: ResultRow): SkinProfileView {
  return {
    skinType: r.skin_type,
    sensitive: r.sensitive,
    sensitivity: r.sensitivity,
    sensitivityScore: r.sensitivity_score,
    concerns: r.concerns,
    allergens: r.allergens,
    summary: r.summary,
    explanation: r.explanation,
  };
}

export function toSummary(r: ResultRow): SkinResultSummary {
  return { id: r.id, takenAt: new Date(r.taken_at).toISOString(), version: r.version, summary: r.summary, skinType: r.skin_type, sensitive: r.sensitive, concerns: r.concerns };
}
