import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SEGMENT_FIELD_LABELS, SEGMENT_FIELDS, type SegmentField } from '@glow/domain';
import { Button, Checkbox, Flex, Segmented, Select, Tooltip, Typography } from 'antd';
import { ConditionInputs } from './condition-inputs';
import type { SegmentOptionLists } from './segment-options';
import {
  appendTo,
  countConditions,
  defaultCondition,
  MAX_CONDITIONS,
  MAX_GROUP_LEVEL,
  newCondition,
  newGroup,
  removeItem,
  updateItem,
  type GroupOp,
  type RuleCondition,
  type RuleGroup,
} from './segment-rule';

const FIELD_OPTIONS = SEGMENT_FIELDS.map((field) => ({ value: field, label: SEGMENT_FIELD_LABELS[field] }));
const OP_OPTIONS: { value: GroupOp; label: string }[] = [
  { value: 'and', label: '且（全部满足）' },
  { value: 'or', label: '或（任一满足）' },
];
const OP_WORDS: Record<GroupOp, string> = { and: '且', or: '或' };

export interface RuleTreeEditorProps {
  rule: RuleGroup;
  onChange: (rule: RuleGroup) => void;
  lists: SegmentOptionLists;
  /** Problems the API found, pinned to the row they are about. */
  problems: Map<string, string[]>;
}

/** The segment's rule: groups of conditions combined with 且 / 或, a group negated with 非, nested a few levels deep. */
export function RuleTreeEditor({ rule, onChange, lists, problems }: RuleTreeEditorProps) {
  const full = countConditions(rule) >= MAX_CONDITIONS;
  return <GroupEditor group={rule} level={1} root={rule} onChange={onChange} lists={lists} problems={problems} full={full} />;
}

interface GroupEditorProps {
  group: RuleGroup;
  level: number;
  root: RuleGroup;
  onChange: (rule: RuleGroup) => void;
  lists: SegmentOptionLists;
  problems: Map<string, string[]>;
  /** The rule holds as many conditions as the API takes. */
  full: boolean;
}

function Problems({ lines }: { lines: string[] | undefined }) {
  if (!lines?.length) return null;
  return (
    <Typography.Text type="danger" className="segment-row-problem" style={{ fontSize: 12 }}>
      {lines.join('；')}
    </Typography.Text>
  );
}

function GroupEditor({ group, level, root, onChange, lists, problems, full }: GroupEditorProps) {
  const change = (update: Partial<RuleGroup>) => onChange(updateItem(root, group.key, (item) => ({ ...item, ...update }) as RuleGroup));
  const isRoot = level === 1;
  return (
    <Flex
      vertical
      gap={8}
      className="segment-group"
      data-segment-group={group.key}
      style={
        isRoot
          ? undefined
          : { borderInlineStart: `3px solid ${group.negated ? '#ff7875' : '#d9c2cc'}`, paddingInlineStart: 12, paddingBlock: 4, background: group.negated ? '#fff7f7' : '#fcf8fa' }
      }
    >
      <Flex align="center" gap={8} wrap>
        <Tooltip title="非：圈选不满足这组条件的会员">
          <Checkbox checked={group.negated} onChange={(event) => change({ negated: event.target.checked })} data-segment-not={group.key}>
            非
          </Checkbox>
        </Tooltip>
        <Typography.Text type="secondary">满足以下</Typography.Text>
        <Segmented<GroupOp> size="small" options={OP_OPTIONS} value={group.op} onChange={(op) => change({ op })} data-segment-op={group.key} />
        <Typography.Text type="secondary">的条件</Typography.Text>
        {!isRoot && (
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除条件组" onClick={() => onChange(removeItem(root, group.key))} style={{ marginInlineStart: 'auto' }}>
            删除条件组
          </Button>
        )}
      </Flex>
      <Problems lines={problems.get(group.key)} />
      {group.children.length === 0 && <Typography.Text type="secondary">还没有条件：添加条件开始圈选会员</Typography.Text>}
      {group.children.map((child, index) => (
        <Flex key={child.key} gap={8} align="flex-start">
          <Typography.Text type="secondary" style={{ width: 20, flex: 'none', lineHeight: '32px', textAlign: 'center' }}>
            {index === 0 ? '' : OP_WORDS[group.op]}
          </Typography.Text>
          <div style={{ flex: 1, minWidth: 0 }}>
            {child.kind === 'group' ? (
              <GroupEditor group={child} level={level + 1} root={root} onChange={onChange} lists={lists} problems={problems} full={full} />
            ) : (
              <ConditionRow item={child} root={root} onChange={onChange} lists={lists} problems={problems.get(child.key)} />
            )}
          </div>
        </Flex>
      ))}
      <Flex gap={8}>
        <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={full} onClick={() => onChange(appendTo(root, group.key, newCondition()))} data-segment-add-condition={group.key}>
          添加条件
        </Button>
        {level < MAX_GROUP_LEVEL && (
          <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={full} onClick={() => onChange(appendTo(root, group.key, newGroup()))} data-segment-add-group={group.key}>
            添加条件组
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

interface ConditionRowProps {
  item: RuleCondition;
  root: RuleGroup;
  onChange: (rule: RuleGroup) => void;
  lists: SegmentOptionLists;
  problems: string[] | undefined;
}

function ConditionRow({ item, root, onChange, lists, problems }: ConditionRowProps) {
  const id = `segment-condition-${item.key}`;
  const replace = (condition: RuleCondition['condition']) => onChange(updateItem(root, item.key, () => ({ ...item, condition })));
  return (
    <Flex vertical gap={2} className="segment-condition" data-segment-condition={item.key}>
      <Flex gap={8} align="flex-start" wrap>
        <Select<SegmentField>
          id={`segment-field-${item.key}`}
          value={item.condition.field}
          options={FIELD_OPTIONS}
          // Twenty fields: all rendered, so every one can be reached by scrolling or by a test.
          virtual={false}
          listHeight={320}
          showSearch={{ optionFilterProp: 'label' }}
          // Another field asks other questions: its inputs start from that field's defaults.
          onChange={(field) => replace(defaultCondition(field))}
          style={{ width: 150, flex: 'none' }}
          data-segment-field={item.key}
        />
        <Flex style={{ flex: 1, minWidth: 0 }}>
          <ConditionInputs id={id} condition={item.condition} onChange={replace} lists={lists} />
        </Flex>
        <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除条件" onClick={() => onChange(removeItem(root, item.key))} data-segment-remove={item.key} />
      </Flex>
      <Problems lines={problems} />
    </Flex>
  );
}
