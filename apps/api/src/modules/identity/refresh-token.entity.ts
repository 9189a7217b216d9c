import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RefreshSubjectKind = 'wechat' | 'staff';

/**
 * One row per refresh token ever issued (only its SHA-256 is stored). Tokens of one login form a family;
 * presenting a token that was already used revokes the whole family (reuse detection).
 */
@Entity('refresh_token')
@Check('ck_refresh_token_kind', `subject_kind IN ('wechat', 'staff')`)
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_refresh_token_family')
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 8 })
  subjectKind: RefreshSubjectKind;

  /** openid for WeChat users, staff id for staff. */
  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
