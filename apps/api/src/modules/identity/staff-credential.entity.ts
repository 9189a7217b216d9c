import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A staff member's sign-in name and argon2id password hash. */
@Entity('staff_credential')
export class StaffCredential {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Index('uq_staff_credential_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
