import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('privacy_policy')
export class PrivacyPolicy {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  version: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
