import type { SegmentField } from '@glow/domain';
import { useQuery } from '@tanstack/react-query';
import { couponKeys, listCouponTemplates, type CouponTemplateSearch } from '../../api/coupon.service';
import { listTiers, loyaltyConfigKeys } from '../../api/loyalty-config.service';
import { listStores, storeKeys } from '../../api/store.service';
import { listTags, tagKeys } from '../../api/tag.service';

export interface Option<T extends string | number = string> {
  value: T;
  label: string;
}

export interface OptionList {
  options: Option[];
  loading: boolean;
  /** Why the list could not be read, for the picker's empty state. */
  error: string | null;
}

/** The pickers' choices that come from the API: tiers by code, tags and stores by id, cities, coupon templates by code. */
export interface SegmentOptionLists {
  tiers: OptionList;
  tags: OptionList;
  stores: OptionList;
  cities: OptionList;
  couponTemplates: OptionList;
}

/** Every template (of any status): a member may hold, have used or let expire coupons of one that has since ended. */
const TEMPLATE_SEARCH: CouponTemplateSearch = { page: 1, pageSize: 100 };

function listOf(options: Option[] | undefined, loading: boolean, error: Error | null): OptionList {
  return { options: options ?? [], loading, error: error?.message ?? null };
}

/** Reads only the lists the conditions in the rule need, each once however many conditions use it. */
export function useSegmentOptions(fields: ReadonlySet<SegmentField>): SegmentOptionLists {
  const tiers = useQuery({ queryKey: loyaltyConfigKeys.tiers, queryFn: ({ signal }) => listTiers(signal), enabled: fields.has('tier') });
  const tags = useQuery({ queryKey: tagKeys.all, queryFn: ({ signal }) => listTags(signal), enabled: fields.has('tags') });
  const stores = useQuery({ queryKey: storeKeys.all, queryFn: ({ signal }) => listStores(signal), enabled: fields.has('store') || fields.has('city') });
  const templates = useQuery({
    queryKey: couponKeys.templateList(TEMPLATE_SEARCH),
    queryFn: ({ signal }) => listCouponTemplates(TEMPLATE_SEARCH, signal),
    enabled: fields.has('coupon'),
  });

  const cities = [...new Set((stores.data ?? []).map((store) => store.city))].map((city) => ({ value: city, label: city }));
  return {
    tiers: listOf(
      [...(tiers.data ?? [])].sort((a, b) => a.rank - b.rank).map((tier) => ({ value: tier.code, label: tier.name })),
      tiers.isFetching,
      tiers.error,
    ),
    tags: listOf(
      tags.data?.map((tag) => ({ value: tag.id, label: tag.label })),
      tags.isFetching,
      tags.error,
    ),
    stores: listOf(
      stores.data?.map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` })),
      stores.isFetching,
      stores.error,
    ),
    cities: listOf(cities, stores.isFetching, stores.error),
    couponTemplates: listOf(
      templates.data?.items.map((template) => ({ value: template.code, label: `${template.name}（${template.code}）` })),
      templates.isFetching,
      templates.error,
    ),
  };
}

/** The fields used anywhere in a rule, to know which lists to read. */
export function fieldsIn(conditions: { field: SegmentField }[]): Set<SegmentField> {
  return new Set(conditions.map((condition) => condition.field));
}
