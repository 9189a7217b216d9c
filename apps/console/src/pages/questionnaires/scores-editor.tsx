import { ALLERGEN_LABELS, ALLERGENS, BASE_SKIN_TYPES, SKIN_CONCERN_LABELS, SKIN_CONCERNS, type Allergen, type OptionScores } from '@glow/domain';
import { Flex, InputNumber, Select, Typography } from 'antd';
import { BASE_SKIN_TYPE_SHORT_LABELS } from '../../shared/labels';
import { MAX_WEIGHT, MIN_WEIGHT } from './questionnaire-draft';

const ALLERGEN_OPTIONS = ALLERGENS.map((allergen) => ({ value: allergen, label: ALLERGEN_LABELS[allergen] }));

function Weight({ id, label, value, onChange }: { id: string; label: string; value: number | undefined; onChange: (weight: number | undefined) => void }) {
  return (
    <InputNumber<number>
      id={id}
      size="small"
      prefix={label}
      min={MIN_WEIGHT}
      max={MAX_WEIGHT}
      precision={0}
      placeholder="0"
      value={value ?? null}
      onChange={(weight) => onChange(weight ?? undefined)}
      style={{ width: 124 }}
    />
  );
}

export interface ScoresEditorProps {
  /** Prefix of the inputs' ids, e.g. `q1-a` gives `q1-a-type-dry`. */
  idPrefix: string;
  value: OptionScores;
  onChange: (scores: OptionScores) => void;
}

/** What choosing an option (or the top of a scale) adds to the member's profile: type, concern and sensitivity weights, allergens. */
export function ScoresEditor({ idPrefix, value, onChange }: ScoresEditorProps) {
  return (
    <Flex vertical gap={8} className="scores-editor" id={`${idPrefix}-scores`}>
      <div>
        <Typography.Text type="secondary">肤质倾向（{MIN_WEIGHT}～{MAX_WEIGHT}）</Typography.Text>
        <Flex wrap gap={8} style={{ marginTop: 4 }}>
          {BASE_SKIN_TYPES.map((type) => (
            <Weight
              key={type}
              id={`${idPrefix}-type-${type}`}
              label={BASE_SKIN_TYPE_SHORT_LABELS[type]}
              value={value.types?.[type]}
              onChange={(weight) => onChange({ ...value, types: { ...value.types, [type]: weight } })}
            />
          ))}
        </Flex>
      </div>
      <div>
        <Typography.Text type="secondary">肌肤问题</Typography.Text>
        <Flex wrap gap={8} style={{ marginTop: 4 }}>
          {SKIN_CONCERNS.map((concern) => (
            <Weight
              key={concern}
              id={`${idPrefix}-concern-${concern}`}
              label={SKIN_CONCERN_LABELS[concern]}
              value={value.concerns?.[concern]}
              onChange={(weight) => onChange({ ...value, concerns: { ...value.concerns, [concern]: weight } })}
            />
          ))}
        </Flex>
      </div>
      <Flex wrap gap={8} align="center">
        <Weight id={`${idPrefix}-sensitivity`} label="敏感度" value={value.sensitivity} onChange={(weight) => onChange({ ...value, sensitivity: weight })} />
        <Select<Allergen[]>
          id={`${idPrefix}-allergens`}
          size="small"
          mode="multiple"
          allowClear
          placeholder="过敏成分（选择后不推荐含该成分的商品）"
          options={ALLERGEN_OPTIONS}
          value={value.allergens ?? []}
          onChange={(allergens) => onChange({ ...value, allergens })}
          style={{ minWidth: 300, flex: 1 }}
        />
      </Flex>
    </Flex>
  );
}
