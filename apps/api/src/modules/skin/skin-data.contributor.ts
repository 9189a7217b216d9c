import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PortraitSkinSection } from '@glow/contracts';
import type { Answer, Question, QuestionnaireDefinition } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberDataRegistry } from '../member/member-data.registry';
import { MemberService } from '../member/member.service';
import { RESULT_COLUMNS, type ResultRow, SkinTestService, toProfileView, toSummary } from './skin-test.service';

/** The skin module's part of the staff portrait, the member's export and account deletion. */
@Injectable()
export class SkinDataContributor implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: MemberDataRegistry,
    private readonly members: MemberService,
    private readonly skin: SkinTestService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'skin',
      portrait: (memberId) => this.portrait(memberId),
      export: (memberId) => this.export(memberId),
      erase: (memberId, tx: EntityManager) => this.skin.erase(memberId, tx),
    });
  }

  async portrait(memberId: string): Promise<PortraitSkinSection> {
    const consent = await this.members.consentOf(memberId, 'skin_data');
    const results = await this.resultsOf(memberId, 20);
    const latest = results[0];
    return {
      consent: consent ? { version: consent.version, grantedAt: consent.revokedAt ? null : consent.grantedAt.toISOString(), revokedAt: consent.revokedAt?.toISOString() ?? null } : null,
      current: latest ? { ...toProfileView(latest), resultId: latest.id, takenAt: new Date(latest.taken_at).toISOString() } : null,
      history: results.map(toSummary),
      latestAnswers: latest ? readableAnswers(latest.definition, latest.answers) : [],
    };
  }

  async export(memberId: string): Promise<unknown> {
    const results = await this.resultsOf(memberId, 1000);
    const open = await this.db.query<{ answers: Answer[]; definition: QuestionnaireDefinition; started_at: Date }[]>(
      `SELECT s.answers, v.definition, s.started_at FROM skin_session s JOIN questionnaire_version v ON v.id = s.questionnaire_version_id
        WHERE s.member_id = $1 AND s.status = 'in_progress'`,
      [memberId],
    );
    const [clicks] = await this.db.query<{ impressions: number; clicks: number }[]>(
      `SELECT (SELECT count(*) FROM recommendation_impression WHERE member_id = $1)::int AS impressions,
              (SELECT count(*) FROM recommendation_click WHERE member_id = $1)::int AS clicks`,
      [memberId],
    );
    return {
      results: results.map((r) => ({
        takenAt: new Date(r.taken_at).toISOString(),
        questionnaireVersion: r.version,
        profile: toProfileView(r),
        answers: readableAnswers(r.definition, r.answers),
      })),
      unfinishedTest: open[0] ? { startedAt: new Date(open[0].started_at).toISOString(), answers: readableAnswers(open[0].definition, open[0].answers) } : null,
      recommendations: { shown: clicks.impressions, clicked: clicks.clicks },
    };
  }

  private resultsOf(memberId: string, limit: number): Promise<ResultRow[]> {
    return this.db.query<ResultRow[]>(
      `SELECT ${RESULT_COLUMNS} FROM skin_result r JOIN questionnaire_version v ON v.id = r.questionnaire_version_id
        WHERE r.member_id = $1 ORDER BY r.taken_at DESC LIMIT $2`,
      [memberId, limit],
    );
  }
}

/** Answers as people read them: the question's title and the chosen labels, in questionnaire order. */
export function readableAnswers(definition: QuestionnaireDefinition, answers: Answer[]): { question: string; answer: string }[] {
  const byKey = new Map(answers.map((a) => [a.questionKey, a]));
  return definition.questions.flatMap((q: Question) => {
    const a = byKey.get(q.key);
    if (!a) return [];
    if (q.kind === 'scale') return [{ question: q.title, answer: `${a.value ?? ''}（${q.scale?.minLabel ?? q.scale?.min} → ${q.scale?.maxLabel ?? q.scale?.max}）` }];
    if (q.kind === 'text') return a.text ? [{ question: q.title, answer: a.text }] : [];
    const labels = (a.optionKeys ?? []).map((k) => q.options?.find((o) => o.key === k)?.label ?? k);
    return [{ question: q.title, answer: labels.join('、') }];
  });
}
