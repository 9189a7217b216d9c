import type { Allergen, Answer, BaseSkinType, SensitivityLevel, SkinConcern } from '@glow/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from '../member/member.entity';
import { QuestionnaireVersion } from './questionnaire-version.entity';

/** A scored skin test: the answers as given, against the version they were given for, and the profile they produced. */
@Entity('skin_result')
@Check('ck_skin_result_type', `skin_type IN ('dry', 'oily', 'combination', 'normal')`)
@Check('ck_skin_result_sensitivity', `sensitivity IN ('low', 'medium', 'high') AND sensitivity_score BETWEEN 0 AND 100`)
@Index('ix_skin_result_member', ['memberId', 'takenAt'])
export class SkinResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Index('uq_skin_result_session', { unique: true })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'questionnaire_version_id', type: 'uuid' })
  questionnaireVersionId: string;

  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_version_id' })
  questionnaireVersion?: QuestionnaireVersion;

  @Column({ type: 'jsonb' })
  answers: Answer[];

  @Column({ name: 'skin_type', type: 'varchar', length: 12 })
  skinType: BaseSkinType;

  @Column({ type: 'boolean' })
  sensitive: boolean;

  @Column({ type: 'varchar', length: 8 })
  sensitivity: SensitivityLevel;

  @Column({ name: 'sensitivity_score', type: 'smallint' })
  sensitivityScore: number;

  @Column({ type: 'text', array: true })
  concerns: SkinConcern[];

  @Column({ type: 'text', array: true })
  allergens: Allergen[];

  @Column({ name: 'type_scores', type: 'jsonb' })
  typeScores: Record<string, number>;

  @Column({ name: 'concern_scores', type: 'jsonb' })
  concernScores: Record<string, number>;

  @Column({ type: 'varchar', length: 60 })
  summary: string;

  @Column({ type: 'varchar', length: 400 })
  explanation: string;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;
}
