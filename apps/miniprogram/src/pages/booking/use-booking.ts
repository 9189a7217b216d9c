import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { BookableService, BookableStore, CreateBookingDto, RecommendedProduct } from '@glow/contracts';
import { DATE_STRIP_DAYS, useSlotPicker } from '../../components/slot-picker';
import { createBooking, listBookableServices, listBookableStores, slotsOfSlotTaken } from '../../services/appointment.service';
import { askForBookingReminder } from '../../services/booking-reminder';
import { errorMessage, isApiError } from '../../services/http';
import { getSkinRecommendations } from '../../services/skin.service';

export type Load<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string; notMember: boolean };

/** The API takes at most ten products to try (CreateBookingDto). */
export const MAX_PRODUCTS = 10;
export const NOTE_MAX_LENGTH = 200;
/** WeChat's location prompt can wait for the member; the store list should not wait for ever. */
const LOCATION_TIMEOUT_MS = 5000;

/**
 * The member's location in GCJ-02 (what WeChat maps and the API use), or null when it is refused, fails or takes
 * too long. H5 never has GCJ-02 (Taro's browser version only offers WGS-84), so the list comes without distances.
 */
async function locate(): Promise<{ latitude: number; longitude: number } | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOCATION_TIMEOUT_MS);
  });
  const location = Taro.getLocation({ type: 'gcj02' })
    .then(({ latitude, longitude }) => (Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : null))
    .catch(() => null);
  try {
    return await Promise.race([location, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function failed<T>(error: unknown): Load<T> {
  return { status: 'error', message: errorMessage(error), notMember: isApiError(error) && error.code === 'MEMBER_NOT_JOINED' };
}

/**
 * The booking flow on one page: store → service → day and slot → advisor → products and note → confirm.
 * Each choice resets the ones after it; a slot taken meanwhile (409) puts the day's fresh slots on screen.
 */
export function useBooking() {
  const [stores, setStores] = useState<Load<BookableStore[]>>({ status: 'loading' });
  const [store, setStore] = useState<BookableStore | null>(null);
  const [services, setServices] = useState<Load<BookableService[]> | null>(null);
  const [service, setService] = useState<BookableService | null>(null);
  const [recommendations, setRecommendations] = useState<RecommendedProduct[]>([]);
  const [productIds, setProductIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A booking window shorter than the strip (e.g. 7 days) shows only the days that can have slots.
  const days = service ? Math.min(DATE_STRIP_DAYS, service.bookingWindowDays + 1) : DATE_STRIP_DAYS;
  const picker = useSlotPicker(store?.id ?? null, service?.id ?? null, { days });

  const loadStores = useCallback(async () => {
    setStores({ status: 'loading' });
    try {
      setStores({ status: 'ready', data: await listBookableStores(await locate()) });
    } catch (failure) {
      setStores(failed(failure));
    }
  }, []);

  useEffect(() => {
    void loadStores();
    // Products to try come from the skin profile; without one (404) the step is simply not offered.
    getSkinRecommendations('home')
      .then((result) => setRecommendations(result.items))
      .catch(() => setRecommendations([]));
  }, [loadStores]);

  const loadServices = async (storeId: string) => {
    setServices({ status: 'loading' });
    try {
      setServices({ status: 'ready', data: await listBookableServices(storeId) });
    } catch (failure) {
      setServices(failed(failure));
    }
  };

  const chooseStore = (next: BookableStore) => {
    setStore(next);
    setService(null);
    setError(null);
    void loadServices(next.id);
  };

  const changeStore = () => {
    setStore(null);
    setServices(null);
    setService(null);
    setError(null);
  };

  const chooseService = (next: BookableService) => {
    setService(next);
    setError(null);
  };

  const toggleProduct = (id: string) => {
    setProductIds((current) => {
      if (current.includes(id)) return current.filter((other) => other !== id);
      return current.length < MAX_PRODUCTS ? [...current, id] : current;
    });
  };

  const ready = store !== null && service !== null && picker.slot !== null;

  const confirm = async () => {
    if (!store || !service || !picker.slot || submitting) return;
    // WeChat shows the subscribe prompt only in direct response to the tap, so this comes before any other await.
    const asking = askForBookingReminder();
    setSubmitting(true);
    setError(null);
    const trimmed = note.trim();
    const dto: CreateBookingDto = {
      storeId: store.id,
      serviceId: service.id,
      startsAt: picker.slot.startsAt,
      ...(picker.advisorId ? { advisorId: picker.advisorId } : {}),
      ...(productIds.length > 0 ? { productIds } : {}),
      ...(trimmed ? { note: trimmed } : {}),
      reminderOptIn: await asking,
    };
    try {
      const booking = await createBooking(dto);
      void Taro.redirectTo({ url: `/pages/booking-detail/index?id=${encodeURIComponent(booking.id)}` });
    } catch (failure) {
      const fresh = slotsOfSlotTaken(failure);
      if (fresh) {
        void Taro.showToast({ title: '该时段已被预约', icon: 'none' });
        picker.replaceSlots(fresh);
      } else if (isApiError(failure) && failure.code === 'APPOINTMENT_SLOT_UNAVAILABLE') {
        void Taro.showToast({ title: failure.message, icon: 'none' });
        picker.reload();
      } else {
        // Includes 403 APPOINTMENT_BOOKING_PAUSED, whose message explains why booking is paused.
        setError(errorMessage(failure));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return {
    stores,
    retryStores: () => void loadStores(),
    store,
    chooseStore,
    changeStore,
    services,
    retryServices: () => {
      if (store) void loadServices(store.id);
    },
    service,
    chooseService,
    changeService: () => setService(null),
    picker,
    recommendations,
    productIds,
    toggleProduct,
    note,
    setNote: (value: string) => setNote(value.slice(0, NOTE_MAX_LENGTH)),
    ready,
    submitting,
    error,
    confirm,
    goJoin: () => Taro.redirectTo({ url: '/pages/join/index' }),
  };
}
