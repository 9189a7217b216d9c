import type { StaffRole } from '@glow/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Store } from './store.entity';

/** A person working for the brand. Credentials live in the identity module. */
@Entity('staff')
@Check('ck_staff_role', `role IN ('advisor', 'store_manager', 'marketer', 'admin')`)
@Check('ck_staff_store_scope', `role NOT IN ('advisor', 'store_manager') OR store_id IS NOT NULL`)
export class Staff {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short code used in advisor QR scenes (`a=A003`). */
  @Index('uq_staff_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: StaffRole;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Store | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
