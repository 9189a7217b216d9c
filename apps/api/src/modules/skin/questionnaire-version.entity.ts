import type { QuestionnaireDefinition } from '@glow/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Questionnaire } from './questionnaire.entity';

export type QuestionnaireVersionStatus = 'draft' | 'published' | 'retired';

/**
 * One version of a questionnaire. A draft is editable; publishing freezes it (the row is never changed again
 * except to retire it when a newer version is published). Answers always point at the version they were given against.
 */
@Entity('questionnaire_version')
@Check('ck_questionnaire_version_status', `status IN ('draft', 'published', 'retired')`)
@Index('uq_questionnaire_version', ['questionnaireId', 'version'], { unique: true })
@Index('uq_questionnaire_one_draft', ['questionnaireId'], { unique: true, where: `status = 'draft'` })
@Index('uq_questionnaire_one_published', ['questionnaireId'], { unique: true, where: `status = 'published'` })
export class QuestionnaireVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId: string;

  @ManyToOne(() => Questionnaire, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_id' })
  questionnaire?: Questionnaire;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 10 })
  status: QuestionnaireVersionStatus;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;

  @Column({ type: 'jsonb' })
  definition: QuestionnaireDefinition;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by_id', type: 'uuid', nullable: true })
  publishedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
