import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Staff } from '../member/staff.entity';
import { Store } from '../member/store.entity';

/** An advisor's weekly working pattern at a store; several rows per weekday make a split shift. */
@Entity('advisor_shift_rule')
@Check('ck_advisor_shift_rule', `weekday BETWEEN 1 AND 7 AND start_time < end_time`)
@Index('ix_advisor_shift_rule_store', ['storeId', 'weekday'])
export class AdvisorShiftRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: Staff;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Store;

  @Column({ type: 'smallint' })
  weekday: number;

  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  start: string;

  @Column({ name: 'end_time', type: 'varchar', length: 5 })
  end: string;
}

/** A day off, or different hours on one date, for one advisor. */
@Entity('advisor_shift_exception')
@Check('ck_advisor_shift_exception', `off OR (start_time IS NOT NULL AND end_time IS NOT NULL AND start_time < end_time)`)
export class AdvisorShiftException {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: Staff;

  @Column({ type: 'boolean' })
  off: boolean;

  @Column({ name: 'start_time', type: 'varchar', length: 5, nullable: true })
  start: string | null;

  @Column({ name: 'end_time', type: 'varchar', length: 5, nullable: true })
  end: string | null;
}
