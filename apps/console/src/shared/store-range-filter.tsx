import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listStores, storeKeys } from '../api/store.service';
import { storeScopeOf } from '../auth/permissions';
import { useSession } from '../auth/use-session';
import { lastDays, quickRangeOf, rangeFrom, type DateRange } from './date-range';

const ALL_STORES = 'all';
const DATE_FORMAT = 'YYYY-MM-DD';
const CUSTOM = 0;

export interface StoreRange {
  /** The moment the page opened: "today" stays the same day however long the page is left open. */
  now: Date;
  range: DateRange;
  /** The store read: store staff always their own, others the one picked, or null for every store. */
  storeId: string | null;
  /** Advisors and store managers see their own store only (the API scopes them as well). */
  scoped: boolean;
  /** What to send as the query: the range, and the store unless every store is read. */
  query: DateRange & { storeId?: string };
  update: (next: Partial<DateRange> & { storeId?: string | null }) => void;
}

/** The store and date range a report page reads, kept in the URL (`from`, `to`, `storeId`) so it can be shared. */
export function useStoreRange(defaultDays: number): StoreRange {
  const session = useSession();
  const scopedStoreId = storeScopeOf(session?.staff);
  const scoped = scopedStoreId !== null;
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const range = rangeFrom(params.get('from'), params.get('to'), now, defaultDays);
  const storeId = scoped ? scopedStoreId : params.get('storeId');

  const update = (next: Partial<DateRange> & { storeId?: string | null }) => {
    const merged = { ...range, storeId, ...next };
    const result = new URLSearchParams({ from: merged.from, to: merged.to });
    if (!scoped && merged.storeId) result.set('storeId', merged.storeId);
    setParams(result);
  };

  return { now, range, storeId, scoped, query: { from: range.from, to: range.to, storeId: storeId ?? undefined }, update };
}

export interface StoreRangeFilterProps {
  filter: StoreRange;
  /** The controls' ids are `<idPrefix>-store`, `<idPrefix>-quick-range` and `<idPrefix>-range` / `<idPrefix>-range-end`. */
  idPrefix: string;
  /** The ranges offered as one click, in days up to today; any other range is picked in the calendar. */
  quickDays: readonly number[];
}

/** The store select (all stores, or one) and the date range, as one click or picked in the calendar. */
export function StoreRangeFilter({ filter, idPrefix, quickDays }: StoreRangeFilterProps) {
  const session = useSession();
  const { now, range, storeId, scoped, update } = filter;
  const stores = useQuery({ queryKey: storeKeys.all, queryFn: ({ signal }) => listStores(signal), enabled: !scoped });

  const storeOptions = scoped
    ? [{ value: storeId ?? '', label: session?.staff.storeName ?? '本店' }]
    : [{ value: ALL_STORES, label: '全部门店' }, ...(stores.data ?? []).map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` }))];
  const quickOptions = [...quickDays.map((days) => ({ value: days, label: `近${days}天` })), { value: CUSTOM, label: '自定义', disabled: true }];

  return (
    <Flex gap={12} wrap align="center">
      <Select<string>
        id={`${idPrefix}-store`}
        value={storeId ?? ALL_STORES}
        options={storeOptions}
        disabled={scoped}
        loading={stores.isFetching}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(value) => update({ storeId: value === ALL_STORES ? null : value })}
        style={{ width: 220 }}
      />
      <Segmented<number>
        id={`${idPrefix}-quick-range`}
        options={quickOptions}
        value={quickRangeOf(range, now, quickDays) ?? CUSTOM}
        onChange={(days) => days !== CUSTOM && update(lastDays(days, now))}
      />
      <DatePicker.RangePicker
        id={{ start: `${idPrefix}-range`, end: `${idPrefix}-range-end` }}
        allowClear={false}
        format={DATE_FORMAT}
        value={[dayjs(range.from), dayjs(range.to)]}
        onChange={(picked) => {
          const [from, to] = picked ?? [];
          if (from && to) update({ from: from.format(DATE_FORMAT), to: to.format(DATE_FORMAT) });
        }}
      />
    </Flex>
  );
}
