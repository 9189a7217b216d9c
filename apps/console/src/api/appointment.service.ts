import type {
  AdvisorScheduleView,
  AppointmentPolicyView,
  BookingView,
  CheckInDto,
  CompleteBookingDto,
  SaveAdvisorScheduleDto,
  SaveServiceDto,
  SaveStoreScheduleDto,
  ServiceAdminView,
  StaffBookingQuery,
  StoreScheduleView,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type BookingSearch = Pick<StaffBookingQuery, 'from' | 'to' | 'storeId' | 'advisorId' | 'status'>;

/** Bookings starting between `from` and `to` (business days in Asia/Shanghai, inclusive, at most 31 days). */
export function listStaffBookings(search: BookingSearch, signal?: AbortSignal): Promise<BookingView[]> {
  return http.json<BookingView[]>(apiRoutes.staffAppointments, {
    query: { from: search.from, to: search.to, storeId: search.storeId, advisorId: search.advisorId, status: search.status },
    signal,
  });
}

/** The member shows their 6-digit code; store staff may omit `storeId` (the API uses their own store). */
export function checkInBooking(body: CheckInDto): Promise<BookingView> {
  return http.json<BookingView>(apiRoutes.staffAppointmentCheckIn, { method: 'POST', body });
}

/** What was tried and observed lands on the member's portrait. */
export function completeBooking(id: string, body: CompleteBookingDto): Promise<BookingView> {
  return http.json<BookingView>(apiRoutes.staffAppointmentComplete(id), { method: 'POST', body });
}

/** Only a booking whose start has passed can be marked; the API refuses others (409 APPOINTMENT_STATE_INVALID). */
export function markBookingNoShow(id: string): Promise<BookingView> {
  return http.json<BookingView>(apiRoutes.staffAppointmentNoShow(id), { method: 'POST' });
}

/** Cancels on the member's behalf (no cut-off applies to staff). */
export function cancelBookingForMember(id: string): Promise<BookingView> {
  return http.json<BookingView>(apiRoutes.staffAppointmentCancel(id), { method: 'POST' });
}

export function listServices(signal?: AbortSignal): Promise<ServiceAdminView[]> {
  return http.json<ServiceAdminView[]>(apiRoutes.staffServices, { signal });
}

export function createService(body: SaveServiceDto): Promise<ServiceAdminView> {
  return http.json<ServiceAdminView>(apiRoutes.staffServices, { method: 'POST', body });
}

/** A full replacement; a store manager's `storeIds` only switches their own store on or off. */
export function updateService(id: string, body: SaveServiceDto): Promise<ServiceAdminView> {
  return http.json<ServiceAdminView>(apiRoutes.staffService(id), { method: 'PUT', body });
}

export function getStoreSchedule(storeId: string, signal?: AbortSignal): Promise<StoreScheduleView> {
  return http.json<StoreScheduleView>(apiRoutes.staffStoreSchedule(storeId), { signal });
}

/** Replaces the weekly hours (weekdays left out are closed) and the special days. */
export function saveStoreSchedule(storeId: string, body: SaveStoreScheduleDto): Promise<StoreScheduleView> {
  return http.json<StoreScheduleView>(apiRoutes.staffStoreSchedule(storeId), { method: 'PUT', body });
}

/** Every active advisor of the store with their weekly pattern, exceptions and skills. */
export function listAdvisorSchedules(storeId: string, signal?: AbortSignal): Promise<AdvisorScheduleView[]> {
  return http.json<AdvisorScheduleView[]>(apiRoutes.staffAdvisorSchedules, { query: { storeId }, signal });
}

/** Replaces the advisor's weekly pattern, exceptions and skills. */
export function saveAdvisorSchedule(advisorId: string, body: SaveAdvisorScheduleDto): Promise<AdvisorScheduleView> {
  return http.json<AdvisorScheduleView>(apiRoutes.staffAdvisorSchedule(advisorId), { method: 'PUT', body });
}

export function getAppointmentPolicy(signal?: AbortSignal): Promise<AppointmentPolicyView> {
  return http.json<AppointmentPolicyView>(apiRoutes.staffAppointmentPolicy, { signal });
}

/** Brand-wide booking rules; admins only. */
export function saveAppointmentPolicy(body: AppointmentPolicyView): Promise<AppointmentPolicyView> {
  return http.json<AppointmentPolicyView>(apiRoutes.staffAppointmentPolicy, { method: 'PUT', body });
}

export const appointmentKeys = {
  all: ['appointments'] as const,
  bookings: ['appointments', 'bookings'] as const,
  bookingList: (search: BookingSearch) => ['appointments', 'bookings', search] as const,
  services: ['appointments', 'services'] as const,
  storeSchedule: (storeId: string) => ['appointments', 'store-schedule', storeId] as const,
  advisorSchedules: (storeId: string) => ['appointments', 'advisor-schedules', storeId] as const,
  policy: ['appointments', 'policy'] as const,
};
