import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type TagKind = 'manual' | 'rule';

/** A label members can carry: manual (advisors add it) or rule (a scheduled job keeps it true). */
@Entity('tag')
@Check('ck_tag_kind', `kind IN ('manual', 'rule')`)
@Check('ck_tag_rule_key', `(kind = 'rule') = (key IS NOT NULL)`)
export class Tag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable key of a rule tag (`sensitive-skin`); null for manual tags. */
  @Index('uq_tag_key', { unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  key: string | null;

  @Index('uq_tag_label', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  label: string;

  @Column({ type: 'varchar', length: 8 })
  kind: TagKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
