import type {
  BookableService,
  BookableStore,
  BookingFeedbackDto,
  BookingView,
  CreateBookingDto,
  RescheduleBookingDto,
  SlotsResponse,
  SlotTakenResponse,
  SlotView,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { isApiError } from './http';
import { memberHttp } from './member-session';
import { query } from './query-string';

/** Stores that take bookings, nearest first when the member's location (GCJ-02) is known. */
export function listBookableStores(location?: { latitude: number; longitude: number } | null): Promise<BookableStore[]> {
  const params = location ? { lat: location.latitude, lng: location.longitude } : {};
  return memberHttp.get<BookableStore[]>(apiRoutes.appointmentStores + query(params));
}

/** The services offered at a store. */
export function listBookableServices(storeId: string): Promise<BookableService[]> {
  return memberHttp.get<BookableService[]>(apiRoutes.appointmentServices + query({ storeId }));
}

/** Free slots of one business day (`YYYY-MM-DD`, Shanghai) with their free advisors and seats left. */
export function listSlots(storeId: string, serviceId: string, date: string): Promise<SlotsResponse> {
  return memberHttp.get<SlotsResponse>(apiRoutes.appointmentSlots + query({ storeId, serviceId, date }));
}

/** Books a slot; without `advisorId` the API picks the least-loaded qualified advisor. */
export function createBooking(dto: CreateBookingDto): Promise<BookingView> {
  return memberHttp.post<BookingView>(apiRoutes.appointments, dto);
}

/** The member's bookings, upcoming first, then past. */
export function listMyBookings(): Promise<BookingView[]> {
  return memberHttp.get<BookingView[]>(apiRoutes.appointmentsMine);
}

export function getBooking(id: string): Promise<BookingView> {
  return memberHttp.get<BookingView>(apiRoutes.appointment(encodeURIComponent(id)));
}

/** Cancels before the service's cut-off; after it the API answers 409 APPOINTMENT_CUTOFF_PASSED. */
export function cancelBooking(id: string): Promise<BookingView> {
  return memberHttp.post<BookingView>(apiRoutes.appointmentCancel(encodeURIComponent(id)));
}

/** Moves a booking to another slot of the same store and service; the old slot is kept if the new one is taken. */
export function rescheduleBooking(id: string, dto: RescheduleBookingDto): Promise<BookingView> {
  return memberHttp.post<BookingView>(apiRoutes.appointmentReschedule(encodeURIComponent(id)), dto);
}

export function sendBookingFeedback(id: string, dto: BookingFeedbackDto): Promise<BookingView> {
  return memberHttp.post<BookingView>(apiRoutes.appointmentFeedback(encodeURIComponent(id)), dto);
}

/**
 * The fresh slots of the day that a 409 APPOINTMENT_SLOT_TAKEN carries, so the member can pick again at once;
 * null for any other error, or when the body has no slot list.
 */
export function slotsOfSlotTaken(error: unknown): SlotView[] | null {
  if (!isApiError(error) || error.code !== ('APPOINTMENT_SLOT_TAKEN' satisfies SlotTakenResponse['code'])) return null;
  const slots = error.body?.slots;
  return Array.isArray(slots) ? (slots as SlotView[]) : null;
}
