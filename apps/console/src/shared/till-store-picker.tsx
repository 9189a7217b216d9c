import { useState } from 'react';
import { StorePicker, useStoreChoice, type StoreChoice } from '../pages/appointments/store-picker';

export interface TillStore {
  choice: StoreChoice;
  /** The store the operation happens in; null until an admin picks one. */
  storeId: string | null;
  /** What to send as `storeId`: admins name the store, store staff always record for their own (the API knows it). */
  requestStoreId: string | undefined;
  setStoreId: (storeId: string) => void;
}

/**
 * The store a till operation (a purchase, a pickup) is recorded for. Unlike the appointment pages, an admin's store is
 * never defaulted to the first one: a purchase booked to the wrong store would count for the wrong team.
 */
export function useTillStore(): TillStore {
  const [picked, setPicked] = useState<string | null>(null);
  const choice = useStoreChoice(picked);
  const storeId = choice.fixed ? choice.storeId : picked;
  return {
    choice: { ...choice, storeId },
    storeId,
    requestStoreId: choice.fixed ? undefined : (picked ?? undefined),
    setStoreId: setPicked,
  };
}

export function TillStorePicker({ till, id }: { till: TillStore; id: string }) {
  return <StorePicker id={id} choice={till.choice} onChange={till.setStoreId} />;
}
