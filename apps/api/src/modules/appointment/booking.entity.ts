import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Member } from '../member/member.entity';
import { Staff } from '../member/staff.entity';
import { Store } from '../member/store.entity';
import { AppointmentService } from './appointment-service.entity';

export type BookingStatus = 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';

/**
 * A group class at one time with one advisor: its seats are a counter taken by a conditional update,
 * so concurrent bookings can never exceed the capacity.
 */
@Entity('class_session')
@Check('ck_class_session_seats', `booked BETWEEN 0 AND capacity`)
@Index('uq_class_session', ['serviceId', 'storeId', 'startsAt'], { unique: true })
export class ClassSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => AppointmentService, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: AppointmentService;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ name: 'advisor_id', type: 'uuid' })
  advisorId: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'advisor_id' })
  advisor?: Staff;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'integer', default: 0 })
  booked: number;
}

/**
 * The time an advisor is taken, including the buffer after: one row per private booking or per class session.
 * The exclusion constraint makes a double booking of an advisor impossible, whatever the application does.
 */
@Entity('advisor_busy')
@Exclusion('xc_advisor_busy_no_overlap', `USING gist ("advisor_id" WITH =, "during" WITH &&)`)
@Check('ck_advisor_busy_owner', `(booking_id IS NULL) <> (class_session_id IS NULL)`)
export class AdvisorBusy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'advisor_id', type: 'uuid' })
  advisorId: string;

  @Column({ type: 'tstzrange' })
  during: string;

  @Index('uq_advisor_busy_booking', { unique: true })
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId: string | null;

  @Index('uq_advisor_busy_class', { unique: true })
  @Column({ name: 'class_session_id', type: 'uuid', nullable: true })
  classSessionId: string | null;
}

@Entity('booking')
@Check('ck_booking_status', `status IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')`)
@Check('ck_booking_times', `starts_at < ends_at`)
@Check('ck_booking_feedback', `feedback_rating IS NULL OR feedback_rating BETWEEN 1 AND 5`)
@Index('ix_booking_member', ['memberId', 'startsAt'])
@Index('ix_booking_store_day', ['storeId', 'startsAt'])
@Index('ix_booking_advisor_day', ['advisorId', 'startsAt'])
@Index('uq_booking_check_in_code', ['storeId', 'checkInCode'], { unique: true, where: `status = 'booked'` })
// A member cannot be in two places at once: open bookings of one member never overlap.
@Exclusion('xc_booking_member_overlap', `USING gist ("member_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status IN ('booked', 'checked_in'))`)
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Six digits the member shows (or the QR encodes) at the store; unique among a store's open bookings. */
  @Column({ name: 'check_in_code', type: 'char', length: 6 })
  checkInCode: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Store;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => AppointmentService, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: AppointmentService;

  @Column({ name: 'advisor_id', type: 'uuid' })
  advisorId: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'advisor_id' })
  advisor?: Staff;

  /** Set for a seat in a group class. */
  @Column({ name: 'class_session_id', type: 'uuid', nullable: true })
  classSessionId: string | null;

  @ManyToOne(() => ClassSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'class_session_id' })
  classSession?: ClassSession | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 12, default: 'booked' })
  status: BookingStatus;

  /** Products the member wants to try (catalog ids). */
  @Column({ name: 'product_ids', type: 'uuid', array: true, default: () => "'{}'" })
  productIds: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** The member accepted the reminder subscribe message when booking. */
  @Column({ name: 'reminder_opt_in', type: 'boolean', default: false })
  reminderOptIn: boolean;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'no_show_at', type: 'timestamptz', nullable: true })
  noShowAt: Date | null;

  /** Filled by the advisor at completion; shown on the member portrait. */
  @Column({ name: 'products_tried', type: 'uuid', array: true, default: () => "'{}'" })
  productsTried: string[];

  @Column({ name: 'skin_observations', type: 'varchar', length: 500, nullable: true })
  skinObservations: string | null;

  @Column({ name: 'feedback_rating', type: 'smallint', nullable: true })
  feedbackRating: number | null;

  @Column({ name: 'feedback_comment', type: 'varchar', length: 300, nullable: true })
  feedbackComment: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt: Date | null;

  /** When the advisor should follow up after the visit (a task for the advisor). */
  @Column({ name: 'follow_up_due_at', type: 'timestamptz', nullable: true })
  followUpDueAt: Date | null;

  @Column({ name: 'follow_up_done_at', type: 'timestamptz', nullable: true })
  followUpDoneAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Brand-wide booking policy (one row). */
@Entity('appointment_policy')
@Check('ck_appointment_policy_singleton', `id = 1`)
export class AppointmentPolicy {
  @Column({ type: 'smallint', primary: true, default: 1 })
  id: number;

  /** Minutes after the start before an unattended booking is marked a no-show. */
  @Column({ name: 'no_show_grace_min', type: 'integer', default: 30 })
  noShowGraceMin: number;

  @Column({ name: 'no_show_max', type: 'integer', default: 3 })
  noShowMax: number;

  @Column({ name: 'no_show_window_days', type: 'integer', default: 90 })
  noShowWindowDays: number;

  @Column({ name: 'no_show_pause_days', type: 'integer', default: 30 })
  noShowPauseDays: number;

  @Column({ name: 'reminder_hours_before', type: 'integer', default: 24 })
  reminderHoursBefore: number;
}
