import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_KINDS, type QuestionKind, type QuestionOption, type ScaleSpec } from '@glow/domain';
import { Button, Card, Checkbox, Flex, Input, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { QUESTION_KIND_LABELS } from '../../shared/labels';
import { defaultScale, describeScores, isChoice, MAX_OPTIONS, move, newOption, withKind, type EditorQuestion } from './questionnaire-draft';
import { ScoresEditor } from './scores-editor';

const KIND_OPTIONS = QUESTION_KINDS.map((kind) => ({ value: kind, label: QUESTION_KIND_LABELS[kind] }));

function OptionRow(props: {
  questionKey: string;
  option: QuestionOption;
  index: number;
  count: number;
  editable: boolean;
  onChange: (option: QuestionOption) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { questionKey, option, index, count, editable, onChange, onMove, onRemove } = props;
  const [scoring, setScoring] = useState(false);
  const id = `${questionKey}-${option.key}`;
  const summary = describeScores(option.scores);

  return (
    <Flex vertical gap={6} className="question-option" data-option-key={option.key}>
      <Flex gap={8} align="center">
        <Tag style={{ marginInlineEnd: 0 }}>{option.key}</Tag>
        <Input id={`${id}-label`} placeholder="选项文字" maxLength={40} value={option.label} onChange={(event) => onChange({ ...option, label: event.target.value })} />
        {/* Never disabled: staff who may only read can still open the scores to read them. */}
        <Button id={`${id}-scores-toggle`} size="small" type={scoring ? 'primary' : 'default'} ghost={scoring} onClick={() => setScoring(!scoring)} disabled={false}>
          {scoring ? '收起评分' : '评分'}
        </Button>
        {editable && (
          <Space.Compact size="small">
            <Button aria-label="上移选项" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} />
            <Button aria-label="下移选项" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} />
            <Button aria-label="删除选项" icon={<DeleteOutlined />} onClick={onRemove} />
          </Space.Compact>
        )}
      </Flex>
      {!scoring && (
        <Typography.Text type="secondary" style={{ fontSize: 12, paddingInlineStart: 32 }}>
          {summary || '未设置评分'}
        </Typography.Text>
      )}
      {scoring && (
        <div style={{ paddingInlineStart: 32 }}>
          <ScoresEditor idPrefix={id} value={option.scores} onChange={(scores) => onChange({ ...option, scores })} />
        </div>
      )}
    </Flex>
  );
}

function ScaleEditor({ questionKey, scale, onChange }: { questionKey: string; scale: ScaleSpec; onChange: (scale: ScaleSpec) => void }) {
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        <InputNumber<number>
          id={`${questionKey}-scale-min`}
          prefix="最小"
          precision={0}
          min={-100}
          max={100}
          value={scale.min}
          onChange={(min) => onChange({ ...scale, min: min ?? 0 })}
          style={{ width: 120 }}
        />
        <Input id={`${questionKey}-scale-min-label`} placeholder="最小值说明，如 从不" maxLength={40} value={scale.minLabel} onChange={(event) => onChange({ ...scale, minLabel: event.target.value })} style={{ width: 200 }} />
        <InputNumber<number>
          id={`${questionKey}-scale-max`}
          prefix="最大"
          precision={0}
          min={-100}
          max={100}
          value={scale.max}
          onChange={(max) => onChange({ ...scale, max: max ?? 0 })}
          style={{ width: 120 }}
        />
        <Input id={`${questionKey}-scale-max-label`} placeholder="最大值说明，如 总是" maxLength={40} value={scale.maxLabel} onChange={(event) => onChange({ ...scale, maxLabel: event.target.value })} style={{ width: 200 }} />
      </Flex>
      <Typography.Text type="secondary">选到最大值时计入以下评分，其余按比例折算（最小值不计分）</Typography.Text>
      <ScoresEditor idPrefix={`${questionKey}-scale`} value={scale.scores} onChange={(scores) => onChange({ ...scale, scores })} />
    </Flex>
  );
}

export interface QuestionEditorProps {
  question: EditorQuestion;
  index: number;
  count: number;
  /** False for staff who may only read: inputs are disabled by the page, the structure buttons are hidden here. */
  editable: boolean;
  onChange: (question: EditorQuestion) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

export function QuestionEditor({ question, index, count, editable, onChange, onMove, onRemove }: QuestionEditorProps) {
  const key = question.key;
  const options = question.options ?? [];
  const setOptions = (next: QuestionOption[]) => onChange({ ...question, options: next });

  return (
    <Card
      size="small"
      className="question-editor"
      data-question-key={key}
      title={
        <Flex gap={8} align="center">
          <span>第 {index + 1} 题</span>
          <Tag>{key}</Tag>
        </Flex>
      }
      extra={
        editable && (
          <Space.Compact size="small">
            <Tooltip title="上移">
              <Button id={`${key}-up`} aria-label="上移题目" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} />
            </Tooltip>
            <Tooltip title="下移">
              <Button id={`${key}-down`} aria-label="下移题目" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} />
            </Tooltip>
            <Tooltip title="删除题目">
              <Button id={`${key}-remove`} aria-label="删除题目" danger icon={<DeleteOutlined />} onClick={onRemove} />
            </Tooltip>
          </Space.Compact>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Select<QuestionKind>
            id={`${key}-kind`}
            options={KIND_OPTIONS}
            value={question.kind}
            onChange={(kind) => onChange(withKind(question, kind))}
            style={{ width: 100 }}
          />
          <Input id={`${key}-title`} placeholder="题目" maxLength={60} value={question.title} onChange={(event) => onChange({ ...question, title: event.target.value })} style={{ flex: 1, minWidth: 240 }} />
          <Checkbox id={`${key}-required`} checked={question.required} onChange={(event) => onChange({ ...question, required: event.target.checked })}>
            必答
          </Checkbox>
        </Flex>
        <Input
          id={`${key}-hint`}
          placeholder="提示（选填），显示在题目下方"
          maxLength={80}
          value={question.hint ?? ''}
          onChange={(event) => onChange({ ...question, hint: event.target.value })}
        />
        {isChoice(question.kind) && (
          <Flex vertical gap={10}>
            {options.map((option, optionIndex) => (
              <OptionRow
                key={option.key}
                questionKey={key}
                option={option}
                index={optionIndex}
                count={options.length}
                editable={editable}
                onChange={(changed) => setOptions(options.map((o, i) => (i === optionIndex ? changed : o)))}
                onMove={(delta) => setOptions(move(options, optionIndex, delta))}
                onRemove={() => setOptions(options.filter((_, i) => i !== optionIndex))}
              />
            ))}
            <Flex gap={12} align="center" wrap>
              {editable && (
                <Button id={`${key}-add-option`} type="dashed" size="small" icon={<PlusOutlined />} disabled={options.length >= MAX_OPTIONS} onClick={() => setOptions([...options, newOption(options)])}>
                  添加选项
                </Button>
              )}
              {question.kind === 'multiple' && (
                <InputNumber<number>
                  id={`${key}-max-choices`}
                  size="small"
                  prefix="最多选"
                  suffix="项"
                  min={1}
                  max={Math.max(1, options.length)}
                  precision={0}
                  placeholder="不限"
                  value={question.maxChoices ?? null}
                  onChange={(maxChoices) => onChange({ ...question, maxChoices: maxChoices ?? undefined })}
                  style={{ width: 150 }}
                />
              )}
            </Flex>
          </Flex>
        )}
        {question.kind === 'scale' && <ScaleEditor questionKey={key} scale={question.scale ?? defaultScale()} onChange={(scale) => onChange({ ...question, scale })} />}
        {question.kind === 'text' && <Typography.Text type="secondary">填空题只记录会员的回答，不计入肤质评分。</Typography.Text>}
      </Flex>
    </Card>
  );
}
