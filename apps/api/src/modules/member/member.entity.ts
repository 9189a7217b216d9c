import type { Gender } from '@glow/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Staff } from './staff.entity';
import { Store } from './store.entity';

export type MemberChannel = 'wechat' | 'store';

@Entity('member')
@Check('ck_member_gender', `gender IN ('female', 'male', 'unknown')`)
@Check('ck_member_channel', `channel IN ('wechat', 'store')`)
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_member_no', { unique: true })
  @Column({ name: 'member_no', type: 'varchar', length: 16 })
  memberNo: string;

  /** Real name, when a store recorded it; WeChat gives none. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  nickname: string | null;

  @Column({ name: 'avatar_url', type: 'varchar', length: 200, nullable: true })
  avatarUrl: string | null;

  @Column({ type: 'varchar', length: 8, default: 'unknown' })
  gender: Gender;

  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  city: string | null;

  /** AES-256-GCM ciphertext of the E.164 phone (see PhoneCipher). */
  @Column({ name: 'phone_cipher', type: 'text' })
  phoneCipher: string;

  /** HMAC blind index of the phone: one member per phone, found without decrypting. */
  @Index('uq_member_phone_hash', { unique: true })
  @Column({ name: 'phone_hash', type: 'char', length: 64 })
  phoneHash: string;

  @Column({ name: 'phone_masked', type: 'varchar', length: 16 })
  phoneMasked: string;

  @Column({ type: 'varchar', length: 8 })
  channel: MemberChannel;

  @Index('ix_member_store')
  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Store | null;

  @Column({ name: 'advisor_id', type: 'uuid', nullable: true })
  advisorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'advisor_id' })
  advisor?: Staff | null;

  @Index('uq_member_referral_code', { unique: true })
  @Column({ name: 'referral_code', type: 'varchar', length: 16 })
  referralCode: string;

  @Column({ name: 'referred_by_id', type: 'uuid', nullable: true })
  referredById: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referred_by_id' })
  referredBy?: Member | null;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  /** When the member's current skin profile was set (the skin module reports it); drives profile completeness. */
  @Column({ name: 'skin_profile_at', type: 'timestamptz', nullable: true })
  skinProfileAt: Date | null;

  /** Set when the member deleted their account: personal data is anonymised, login is gone, ledgers stay. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
