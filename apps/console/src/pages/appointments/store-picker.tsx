import type { StoreSummary } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { listStores, storeKeys } from '../../api/store.service';
import { storeScopeOf } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';

export interface StoreChoice {
  /** The store shown; null while the store list loads, or when there is no store at all. */
  storeId: string | null;
  stores: StoreSummary[];
  /** Advisors and store managers work in their own store and cannot pick another. */
  fixed: boolean;
  error: Error | null;
}

/**
 * The store an appointment page shows: store staff always their own (from the session); marketers and admins the
 * one asked for in the URL, or the first store.
 */
export function useStoreChoice(requested: string | null): StoreChoice {
  const session = useSession();
  const scope = storeScopeOf(session?.staff);
  const { data: stores, error } = useQuery({ queryKey: storeKeys.all, queryFn: ({ signal }) => listStores(signal) });
  if (scope) return { storeId: scope, stores: stores ?? [], fixed: true, error };
  const known = stores?.find((store) => store.id === requested);
  // Until the list arrives the URL's store is trusted, so the calendar does not wait for it.
  const storeId = known?.id ?? (stores ? (stores[0]?.id ?? null) : requested);
  return { storeId, stores: stores ?? [], fixed: false, error };
}

export interface StorePickerProps {
  choice: StoreChoice;
  onChange: (storeId: string) => void;
  id?: string;
}

export function StorePicker({ choice, onChange, id = 'appointment-store' }: StorePickerProps) {
  const session = useSession();
  const options = choice.fixed
    ? [{ value: choice.storeId ?? '', label: session?.staff.storeName ?? choice.stores.find((store) => store.id === choice.storeId)?.name ?? '本店' }]
    : choice.stores.map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` }));
  return (
    <Select<string>
      id={id}
      value={choice.storeId ?? undefined}
      options={options}
      disabled={choice.fixed}
      placeholder="选择门店"
      showSearch={{ optionFilterProp: 'label' }}
      onChange={onChange}
      style={{ width: 240 }}
    />
  );
}
