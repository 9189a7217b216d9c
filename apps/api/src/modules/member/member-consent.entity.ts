import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from './member.entity';

/** `privacy`: the privacy policy at join; `skin_data`: the separate consent for sensitive skin data (PIPL art. 29). */
export type ConsentKind = 'privacy' | 'skin_data';

/** What a member agreed to, which version, and when; revocation keeps the row. */
@Entity('member_consent')
@Index('uq_member_consent', ['memberId', 'kind', 'version'], { unique: true })
export class MemberConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ type: 'varchar', length: 20 })
  kind: ConsentKind;

  @Column({ type: 'varchar', length: 32 })
  version: string;

  @Column({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
