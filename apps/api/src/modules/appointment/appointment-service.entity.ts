import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Staff } from '../member/staff.entity';
import { Store } from '../member/store.entity';

export type ServiceKind = 'try_on' | 'makeup' | 'skin_test' | 'facial' | 'class';

/** Something a member can book in a store: a try-on, a makeup session, a skin test, a facial or a group class. */
@Entity('appointment_service')
@Check('ck_appointment_service_kind', `kind IN ('try_on', 'makeup', 'skin_test', 'facial', 'class')`)
@Check('ck_appointment_service_numbers', `duration_min BETWEEN 5 AND 480 AND buffer_after_min BETWEEN 0 AND 120 AND seats BETWEEN 1 AND 100
  AND price_fen >= 0 AND deposit_fen BETWEEN 0 AND price_fen AND min_notice_min >= 0 AND booking_window_days BETWEEN 1 AND 180 AND cancel_cutoff_min >= 0`)
export class AppointmentService {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_appointment_service_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 30 })
  name: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ServiceKind;

  @Column({ name: 'duration_min', type: 'integer' })
  durationMin: number;

  @Column({ name: 'buffer_after_min', type: 'integer', default: 0 })
  bufferAfterMin: number;

  /** 1 for a one-to-one session; N for a group class. */
  @Column({ type: 'integer', default: 1 })
  seats: number;

  @Column({ name: 'price_fen', type: 'integer', default: 0 })
  priceFen: number;

  /** Paid at booking once payments land; 0 means free to book. */
  @Column({ name: 'deposit_fen', type: 'integer', default: 0 })
  depositFen: number;

  @Column({ name: 'min_notice_min', type: 'integer', default: 60 })
  minNoticeMin: number;

  @Column({ name: 'booking_window_days', type: 'integer', default: 14 })
  bookingWindowDays: number;

  @Column({ name: 'cancel_cutoff_min', type: 'integer', default: 120 })
  cancelCutoffMin: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Which stores offer a service. */
@Entity('appointment_service_store')
export class AppointmentServiceStore {
  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @PrimaryColumn({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @ManyToOne(() => AppointmentService, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: AppointmentService;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: Store;
}

/** Which services an advisor is qualified to give. */
@Entity('advisor_skill')
export class AdvisorSkill {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: Staff;

  @ManyToOne(() => AppointmentService, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: AppointmentService;
}
