import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A questionnaire; its content lives in versions. The primary one is the skin test members take. */
@Entity('questionnaire')
@Index('uq_questionnaire_primary', ['primary'], { unique: true, where: '"primary"' })
export class Questionnaire {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'primary', type: 'boolean', default: false })
  primary: boolean;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
