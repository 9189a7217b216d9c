import type { Answer } from '@glow/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Member } from '../member/member.entity';
import { QuestionnaireVersion } from './questionnaire-version.entity';

export type SkinSessionStatus = 'in_progress' | 'submitted' | 'abandoned';

/** A skin test in progress: answers are saved one by one so the member can leave and resume. */
@Entity('skin_session')
@Check('ck_skin_session_status', `status IN ('in_progress', 'submitted', 'abandoned')`)
@Index('uq_skin_session_open', ['memberId'], { unique: true, where: `status = 'in_progress'` })
export class SkinSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ name: 'questionnaire_version_id', type: 'uuid' })
  questionnaireVersionId: string;

  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_version_id' })
  questionnaireVersion?: QuestionnaireVersion;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  answers: Answer[];

  @Column({ type: 'varchar', length: 12, default: 'in_progress' })
  status: SkinSessionStatus;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;
}
