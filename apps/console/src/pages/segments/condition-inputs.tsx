import {
  ABC_CLASSES,
  AGE_BAND_LABELS,
  AGE_BANDS,
  COUPON_BEHAVIOUR_LABELS,
  COUPON_BEHAVIOURS,
  GENDER_LABELS,
  GENDERS,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_LABELS,
  RFM_CLASS_LABELS,
  RFM_CLASSES,
  SEGMENT_MAX_WINDOW_DAYS,
  SKIN_CONCERN_LABELS,
  SKIN_CONCERNS,
  SKIN_TYPE_LABELS,
  SKIN_TYPES,
  type IntRange,
  type SegmentCondition,
  type SegmentMatch,
} from '@glow/domain';
import { Checkbox, DatePicker, Flex, InputNumber, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { fenToYuan, yuanToFen } from '../../shared/format';
import { SkuListPicker } from '../coupons/sku-picker';
import type { Option, OptionList, SegmentOptionLists } from './segment-options';

const labelled = <T extends string | number>(values: readonly T[], labels: Record<T, string>): Option<T>[] => values.map((value) => ({ value, label: labels[value] }));

const SKIN_TYPE_OPTIONS = labelled(SKIN_TYPES, SKIN_TYPE_LABELS);
const CONCERN_OPTIONS = labelled(SKIN_CONCERNS, SKIN_CONCERN_LABELS);
const GENDER_OPTIONS = labelled(GENDERS, GENDER_LABELS);
const AGE_BAND_OPTIONS = labelled(AGE_BANDS, AGE_BAND_LABELS);
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: `${index + 1}月` }));
const RFM_CLASS_OPTIONS = labelled(RFM_CLASSES, RFM_CLASS_LABELS);
const ABC_OPTIONS = ABC_CLASSES.map((value) => ({ value, label: `${value} 类` }));
const LIFECYCLE_OPTIONS = labelled(LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS);
const BEHAVIOUR_OPTIONS = labelled(COUPON_BEHAVIOURS, COUPON_BEHAVIOUR_LABELS);
const CATEGORY_OPTIONS = labelled(PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS);
const MATCH_OPTIONS: Option<SegmentMatch>[] = [
  { value: 'any', label: '任一' },
  { value: 'all', label: '全部' },
];
const BOUGHT_KIND_OPTIONS: Option<'sku' | 'category'>[] = [
  { value: 'category', label: '品类' },
  { value: 'sku', label: '商品' },
];
const RFM_SCORES = { min: 1, max: 5 } as const;
const DAYS = { min: 0, max: SEGMENT_MAX_WINDOW_DAYS } as const;
const WINDOW = { min: 1, max: SEGMENT_MAX_WINDOW_DAYS } as const;
const COUNT = { min: 0, max: 10_000 } as const;
const YUAN = { min: 0, max: 10_000_000 } as const;

/** InputNumber answers null when emptied; the rule leaves an empty bound out. */
const bound = (value: number | null): number | undefined => value ?? undefined;

interface MultiSelectProps<T extends string | number> {
  id: string;
  value: T[];
  options: Option<T>[];
  onChange: (values: T[]) => void;
  placeholder: string;
  list?: OptionList;
  /** Free text allowed too (cities). */
  tags?: boolean;
  disabled?: boolean;
}

function MultiSelect<T extends string | number>({ id, value, options, onChange, placeholder, list, tags = false, disabled }: MultiSelectProps<T>) {
  // A value saved earlier that the list no longer has (a tag deleted, a store closed) still shows, by its code.
  const shown = [...options, ...value.filter((chosen) => !options.some((option) => option.value === chosen)).map((chosen) => ({ value: chosen, label: String(chosen) }))];
  return (
    <Select<T[]>
      id={id}
      mode={tags ? 'tags' : 'multiple'}
      allowClear
      value={value}
      options={shown}
      onChange={(next) => onChange(next ?? [])}
      placeholder={placeholder}
      loading={list?.loading}
      notFoundContent={list?.error ? `加载失败：${list.error}` : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      maxTagCount="responsive"
      disabled={disabled}
      style={{ minWidth: 240, flex: '1 1 240px' }}
    />
  );
}

interface RangeProps {
  id: string;
  range: IntRange;
  onChange: (range: IntRange) => void;
  limits: { min: number; max: number };
  unit: string;
  disabled?: boolean;
}

function RangeInputs({ id, range, onChange, limits, unit, disabled }: RangeProps) {
  return (
    <Flex align="center" gap={6}>
      <InputNumber id={`${id}-min`} {...limits} precision={0} placeholder="不限" value={range.min ?? null} onChange={(min) => onChange({ ...range, min: bound(min) })} disabled={disabled} style={{ width: 96 }} />
      <Typography.Text type="secondary">至</Typography.Text>
      <InputNumber id={`${id}-max`} {...limits} precision={0} placeholder="不限" value={range.max ?? null} onChange={(max) => onChange({ ...range, max: bound(max) })} disabled={disabled} style={{ width: 96 }} />
      <Typography.Text type="secondary">{unit}</Typography.Text>
    </Flex>
  );
}

function WindowInput({ id, days, onChange, optional = false, disabled }: { id: string; days: number | undefined; onChange: (days: number | undefined) => void; optional?: boolean; disabled?: boolean }) {
  return (
    <InputNumber
      id={`${id}-window`}
      {...WINDOW}
      precision={0}
      prefix="近"
      suffix="天"
      placeholder={optional ? '不限时间' : undefined}
      value={days ?? null}
      onChange={(value) => onChange(bound(value))}
      disabled={disabled}
      style={{ width: 130 }}
    />
  );
}

function MatchToggle({ id, match, onChange, disabled }: { id: string; match: SegmentMatch; onChange: (match: SegmentMatch) => void; disabled?: boolean }) {
  return <Segmented<SegmentMatch> id={`${id}-match`} size="small" options={MATCH_OPTIONS} value={match} onChange={onChange} disabled={disabled} />;
}

export interface ConditionInputsProps {
  /** Prefix of the inputs' ids. */
  id: string;
  condition: SegmentCondition;
  onChange: (condition: SegmentCondition) => void;
  lists: SegmentOptionLists;
  disabled?: boolean;
}

/** The inputs of one condition, after its field picker: what each kind of condition asks for. */
export function ConditionInputs({ id, condition, onChange, lists, disabled }: ConditionInputsProps) {
  const values = `${id}-values`;
  switch (condition.field) {
    case 'tier':
      return <MultiSelect id={values} value={condition.values} options={lists.tiers.options} list={lists.tiers} placeholder="选择会员等级" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'skinType':
      return <MultiSelect id={values} value={condition.values} options={SKIN_TYPE_OPTIONS} placeholder="选择肤质" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'concerns':
      return (
        <Flex gap={8} align="center" wrap style={{ flex: 1 }}>
          <MatchToggle id={id} match={condition.match} onChange={(match) => onChange({ ...condition, match })} disabled={disabled} />
          <MultiSelect id={values} value={condition.values} options={CONCERN_OPTIONS} placeholder="选择肌肤问题" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />
        </Flex>
      );
    case 'tags':
      return (
        <Flex gap={8} align="center" wrap style={{ flex: 1 }}>
          <MatchToggle id={id} match={condition.match} onChange={(match) => onChange({ ...condition, match })} disabled={disabled} />
          <MultiSelect id={values} value={condition.values} options={lists.tags.options} list={lists.tags} placeholder="选择标签" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />
        </Flex>
      );
    case 'city':
      return <MultiSelect id={values} tags value={condition.values} options={lists.cities.options} list={lists.cities} placeholder="选择或输入城市" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'store':
      return <MultiSelect id={values} value={condition.values} options={lists.stores.options} list={lists.stores} placeholder="选择门店" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'gender':
      return <MultiSelect id={values} value={condition.values} options={GENDER_OPTIONS} placeholder="选择性别" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'ageBand':
      return <MultiSelect id={values} value={condition.values} options={AGE_BAND_OPTIONS} placeholder="选择年龄段" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'birthdayMonth':
      return <MultiSelect<number> id={values} value={condition.values} options={MONTH_OPTIONS} placeholder="选择月份" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'rfmClass':
      return <MultiSelect id={values} value={condition.values} options={RFM_CLASS_OPTIONS} placeholder="选择 RFM 分类" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'abcClass':
      return <MultiSelect id={values} value={condition.values} options={ABC_OPTIONS} placeholder="选择 ABC 分类" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'lifecycle':
      return <MultiSelect id={values} value={condition.values} options={LIFECYCLE_OPTIONS} placeholder="选择生命周期阶段" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />;
    case 'joinDate':
      return (
        <DatePicker.RangePicker
          id={{ start: `${id}-from`, end: `${id}-to` }}
          allowEmpty={[true, true]}
          placeholder={['不限', '不限']}
          value={[condition.from ? dayjs(condition.from) : null, condition.to ? dayjs(condition.to) : null]}
          onChange={(range) => onChange({ ...condition, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          disabled={disabled}
        />
      );
    case 'joinedDaysAgo':
      return <RangeInputs id={id} range={condition} limits={DAYS} unit="天前入会" onChange={(range) => onChange({ ...condition, ...range })} disabled={disabled} />;
    case 'daysSinceLastPurchase':
      return (
        <Flex gap={12} align="center" wrap>
          <RangeInputs id={id} range={condition} limits={DAYS} unit="天未购买" onChange={(range) => onChange({ ...condition, ...range })} disabled={disabled} />
          <Checkbox id={`${id}-never`} checked={condition.includeNever ?? false} onChange={(event) => onChange({ ...condition, includeNever: event.target.checked })} disabled={disabled}>
            含从未购买
          </Checkbox>
        </Flex>
      );
    case 'purchaseCount':
      return (
        <Flex gap={8} align="center" wrap>
          <WindowInput id={id} days={condition.windowDays} onChange={(windowDays) => onChange({ ...condition, windowDays: windowDays ?? 0 })} disabled={disabled} />
          <Typography.Text type="secondary">购买</Typography.Text>
          <RangeInputs id={id} range={condition} limits={COUNT} unit="次" onChange={(range) => onChange({ ...condition, ...range })} disabled={disabled} />
        </Flex>
      );
    case 'spend':
      return (
        <Flex gap={8} align="center" wrap>
          <WindowInput id={id} days={condition.windowDays} onChange={(windowDays) => onChange({ ...condition, windowDays: windowDays ?? 0 })} disabled={disabled} />
          <Typography.Text type="secondary">实付</Typography.Text>
          <InputNumber
            id={`${id}-min`}
            {...YUAN}
            precision={2}
            prefix="¥"
            placeholder="不限"
            value={condition.minFen === undefined ? null : fenToYuan(condition.minFen)}
            onChange={(yuan) => onChange({ ...condition, minFen: yuan === null ? undefined : yuanToFen(yuan) })}
            disabled={disabled}
            style={{ width: 130 }}
          />
          <Typography.Text type="secondary">至</Typography.Text>
          <InputNumber
            id={`${id}-max`}
            {...YUAN}
            precision={2}
            prefix="¥"
            placeholder="不限"
            value={condition.maxFen === undefined ? null : fenToYuan(condition.maxFen)}
            onChange={(yuan) => onChange({ ...condition, maxFen: yuan === null ? undefined : yuanToFen(yuan) })}
            disabled={disabled}
            style={{ width: 130 }}
          />
        </Flex>
      );
    case 'bought':
      return (
        <Flex gap={8} align="center" wrap style={{ flex: 1 }}>
          <WindowInput id={id} optional days={condition.windowDays} onChange={(windowDays) => onChange({ ...condition, windowDays })} disabled={disabled} />
          <Segmented<'sku' | 'category'>
            id={`${id}-kind`}
            size="small"
            options={BOUGHT_KIND_OPTIONS}
            value={condition.kind}
            // The values name SKUs or categories: switching what is named starts the list again.
            onChange={(kind) => onChange({ ...condition, kind, values: [] })}
            disabled={disabled}
          />
          {condition.kind === 'category' ? (
            <MultiSelect id={values} value={condition.values} options={CATEGORY_OPTIONS} placeholder="选择品类" onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />
          ) : (
            <div style={{ minWidth: 240, flex: '1 1 240px' }}>
              <SkuListPicker id={values} value={condition.values} onChange={(next) => onChange({ ...condition, values: next })} disabled={disabled} />
            </div>
          )}
        </Flex>
      );
    case 'rfm':
      return (
        <Flex vertical gap={6}>
          {(['r', 'f', 'm'] as const).map((score) => (
            <Flex key={score} gap={8} align="center">
              <Typography.Text style={{ width: 16 }}>{score.toUpperCase()}</Typography.Text>
              <RangeInputs id={`${id}-${score}`} range={condition[score] ?? {}} limits={RFM_SCORES} unit="分" onChange={(range) => onChange({ ...condition, [score]: range })} disabled={disabled} />
            </Flex>
          ))}
        </Flex>
      );
    case 'coupon':
      return (
        <Flex gap={8} align="center" wrap style={{ flex: 1 }}>
          <Select
            id={`${id}-behaviour`}
            value={condition.behaviour}
            options={BEHAVIOUR_OPTIONS}
            onChange={(behaviour) => onChange({ ...condition, behaviour })}
            disabled={disabled}
            style={{ width: 150 }}
          />
          <WindowInput id={id} optional days={condition.windowDays} onChange={(windowDays) => onChange({ ...condition, windowDays })} disabled={disabled} />
          <MultiSelect
            id={`${id}-templates`}
            value={condition.templateCodes ?? []}
            options={lists.couponTemplates.options}
            list={lists.couponTemplates}
            placeholder="任意优惠券（可指定）"
            onChange={(next) => onChange({ ...condition, templateCodes: next })}
            disabled={disabled}
          />
        </Flex>
      );
  }
}
