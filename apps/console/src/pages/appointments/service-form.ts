import type { SaveServiceDto, ServiceAdminView, ServiceKind } from '@glow/contracts';
import { fenToYuan, yuanToFen } from '../../shared/format';

/* Mirrors of SaveServiceDto's limits (values from the contracts barrel are not imported in the browser, see api-routes.ts). */
export const SERVICE_CODE_PATTERN = /^[A-Z0-9-]{2,20}$/;
export const SERVICE_LIMITS = {
  durationMin: { min: 5, max: 480 },
  bufferAfterMin: { min: 0, max: 120 },
  seats: { min: 1, max: 100 },
  /** 10,000,000 fen. */
  yuan: { min: 0, max: 100_000 },
  /** 10,080 minutes: one week. */
  hours: { min: 0, max: 168 },
  bookingWindowDays: { min: 1, max: 180 },
} as const;

/** What the drawer's form holds: money in 元 and notice periods in hours, as staff think of them. */
export interface ServiceFormValues {
  code: string;
  name: string;
  description?: string | null;
  kind?: ServiceKind;
  durationMin?: number | null;
  bufferAfterMin?: number | null;
  seats?: number | null;
  priceYuan?: number | null;
  depositYuan?: number | null;
  minNoticeHours?: number | null;
  bookingWindowDays?: number | null;
  cancelCutoffHours?: number | null;
  storeIds: string[];
  active: boolean;
}

export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** Whole minutes, so 1.5 hours is 90 and float noise never reaches the API. */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/**
 * The form for `service`, or a new one's defaults. A store manager (`scope`) only switches their own store on or off,
 * so the form holds just that store; the other stores the service is offered at are left as they are.
 */
export function toServiceFormValues(service: ServiceAdminView | null, scope: string | null): ServiceFormValues {
  if (!service) {
    return {
      code: '',
      name: '',
      description: '',
      durationMin: 60,
      bufferAfterMin: 15,
      seats: 1,
      priceYuan: 0,
      depositYuan: 0,
      minNoticeHours: 2,
      bookingWindowDays: 14,
      cancelCutoffHours: 4,
      storeIds: scope ? [scope] : [],
      active: true,
    };
  }
  return {
    code: service.code,
    name: service.name,
    description: service.description,
    kind: service.kind,
    durationMin: service.durationMin,
    bufferAfterMin: service.bufferAfterMin,
    seats: service.seats,
    priceYuan: fenToYuan(service.priceFen),
    depositYuan: fenToYuan(service.depositFen),
    minNoticeHours: minutesToHours(service.minNoticeMin),
    bookingWindowDays: service.bookingWindowDays,
    cancelCutoffHours: minutesToHours(service.cancelCutoffMin),
    storeIds: scope ? service.storeIds.filter((id) => id === scope) : service.storeIds,
    active: service.active,
  };
}

/** The form's required fields are checked by the form before this is called. */
export function toSaveServiceBody(values: ServiceFormValues): SaveServiceDto {
  return {
    code: values.code.trim().toUpperCase(),
    name: values.name.trim(),
    description: values.description?.trim() ?? '',
    kind: values.kind as ServiceKind,
    durationMin: values.durationMin ?? 0,
    bufferAfterMin: values.bufferAfterMin ?? 0,
    seats: values.seats ?? 1,
    priceFen: yuanToFen(values.priceYuan ?? 0),
    depositFen: yuanToFen(values.depositYuan ?? 0),
    minNoticeMin: hoursToMinutes(values.minNoticeHours ?? 0),
    bookingWindowDays: values.bookingWindowDays ?? 1,
    cancelCutoffMin: hoursToMinutes(values.cancelCutoffHours ?? 0),
    storeIds: values.storeIds,
    active: values.active,
  };
}

const FORM_FIELDS: Partial<Record<keyof SaveServiceDto, keyof ServiceFormValues>> = {
  priceFen: 'priceYuan',
  depositFen: 'depositYuan',
  minNoticeMin: 'minNoticeHours',
  cancelCutoffMin: 'cancelCutoffHours',
};

/** Where a field named by the API (`priceFen`, `storeIds.0`) sits in the form. */
export function serviceFormFieldOf(apiField: string): (string | number)[] {
  const [head, ...rest] = apiField.split('.');
  const name = FORM_FIELDS[head as keyof SaveServiceDto] ?? head;
  return [name, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
}
