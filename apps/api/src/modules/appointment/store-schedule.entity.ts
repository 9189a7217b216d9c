import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Store } from '../member/store.entity';

/** A store's regular opening hours per weekday (Asia/Shanghai wall-clock times). */
@Entity('store_hours')
export class StoreHours {
  @PrimaryColumn({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Store;

  @Column({ type: 'jsonb' })
  hours: Record<string, { open: string; close: string } | null>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A closure or special opening hours on one date, overriding the weekday's hours. */
@Entity('store_special_day')
export class StoreSpecialDay {
  @PrimaryColumn({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Store;

  @Column({ type: 'boolean' })
  closed: boolean;

  @Column({ type: 'varchar', length: 5, nullable: true })
  open: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  close: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  note: string | null;
}
