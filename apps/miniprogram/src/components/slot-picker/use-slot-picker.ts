import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SlotView } from '@glow/contracts';
import { listSlots } from '../../services/appointment.service';
import { errorMessage } from '../../services/http';
import { type BusinessDay, nextBusinessDays } from '../../utils/shanghai-time';

/** The date strip shows two weeks. */
export const DATE_STRIP_DAYS = 14;

export type SlotsLoad = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; slots: SlotView[] } | { status: 'error'; message: string };

export interface SlotPickerOptions {
  /** How many days the strip offers, from today (Shanghai). */
  days?: number;
  /** The day to open on, `YYYY-MM-DD`; the first day when it is not on the strip. */
  initialDate?: string;
  /** The advisor to keep when a new slot is picked, if that slot has them free (a reschedule keeps the advisor). */
  preferredAdvisorId?: string | null;
}

/**
 * A business day, its free slots for one store and service, the picked slot and advisor. Only the answer to the
 * latest request is shown, so tapping through days quickly never leaves another day's slots on screen.
 */
export function useSlotPicker(storeId: string | null, serviceId: string | null, options: SlotPickerOptions = {}) {
  const { days: dayCount = DATE_STRIP_DAYS, initialDate, preferredAdvisorId = null } = options;
  const days: BusinessDay[] = useMemo(() => nextBusinessDays(new Date(), dayCount), [dayCount]);
  const onStrip = (value: string | undefined): value is string => days.some((day) => day.date === value);
  const [picked, setPicked] = useState(initialDate);
  // A shorter booking window (another service) can drop the picked day from the strip; fall back to today.
  const date = onStrip(picked) ? picked : (days[0]?.date ?? '');
  const [load, setLoad] = useState<SlotsLoad>({ status: 'idle' });
  const [slot, setSlot] = useState<SlotView | null>(null);
  // The member's own advisor choice (null: any advisor); undefined until they make one.
  const [wanted, setWanted] = useState<string | null | undefined>(undefined);
  const latest = useRef(0);

  const fetchSlots = useCallback(async () => {
    const request = ++latest.current;
    setSlot(null);
    if (!storeId || !serviceId || !date) {
      setLoad({ status: 'idle' });
      return;
    }
    setLoad({ status: 'loading' });
    try {
      const { slots } = await listSlots(storeId, serviceId, date);
      if (request === latest.current) setLoad({ status: 'ready', slots });
    } catch (error) {
      if (request === latest.current) setLoad({ status: 'error', message: errorMessage(error) });
    }
  }, [storeId, serviceId, date]);

  useEffect(() => {
    void fetchSlots();
  }, [fetchSlots]);

  /** Shows slots the API just sent (a 409 carries the day's fresh slots) and clears the pick. */
  const replaceSlots = useCallback((slots: SlotView[]) => {
    latest.current += 1;
    setSlot(null);
    setLoad({ status: 'ready', slots });
  }, []);

  const chooseSlot = (next: SlotView) => {
    if (isBookable(next)) setSlot(next);
  };

  // The chosen (or preferred) advisor applies while they are free at the picked time; otherwise any advisor.
  const choice = wanted === undefined ? preferredAdvisorId : wanted;
  const advisorId = slot && choice && slot.advisors.some((advisor) => advisor.id === choice) ? choice : null;

  return {
    days,
    date,
    chooseDate: (next: string) => setPicked(next),
    load,
    reload: () => void fetchSlots(),
    replaceSlots,
    slot,
    chooseSlot,
    /** null: any advisor (the API picks the least loaded). */
    advisorId,
    chooseAdvisor: (id: string | null) => setWanted(id),
  };
}

export type SlotPicker = ReturnType<typeof useSlotPicker>;

/** A slot can be picked while it has a seat and an advisor free. */
export function isBookable(slot: SlotView): boolean {
  return slot.seatsLeft > 0 && slot.advisors.length > 0;
}
