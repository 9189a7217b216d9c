import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Member } from './member.entity';

/** A WeChat user (openid) who joined; one member may be reached through several openids. */
@Entity('member_wechat')
export class MemberWechat {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  openid: string;

  @Index('ix_member_wechat_unionid')
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Index('ix_member_wechat_member')
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
