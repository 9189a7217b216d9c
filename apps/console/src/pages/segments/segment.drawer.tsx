import type { SaveSegmentDto, SegmentCondition, SegmentNode, SegmentView } from '@glow/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { isApiError } from '../../api/http';
import { createSegment, previewSegment, segmentKeys, updateSegment } from '../../api/segment.service';
import { errorProblems } from '../../shared/error-details';
import { useDebounced } from '../../shared/use-debounced';
import { RuleTreeEditor } from './rule-tree.editor';
import { fieldsIn, useSegmentOptions } from './segment-options';
import { SegmentPreview } from './segment-preview';
import { emptyRule, fromSegmentNode, isEmptyRule, ruleProblems, toSegmentRule, type RuleGroup, type RuleItem } from './segment-rule';

/** The audience is counted again once editing pauses this long. */
export const PREVIEW_DELAY_MS = 500;

/** Mirrors of SaveSegmentDto's limits (values are not imported from the contracts in the browser; see api-routes.ts). */
export const SEGMENT_LIMITS = { nameLength: { min: 2, max: 30 }, descriptionLength: 200 } as const;

interface SegmentFormValues {
  name: string;
  description: string;
}

export interface SegmentDrawerProps {
  open: boolean;
  /** The segment to edit; null creates one. */
  segment: SegmentView | null;
  onClose: () => void;
}

export function SegmentDrawer({ open, segment, onClose }: SegmentDrawerProps) {
  return (
    <Drawer open={open} onClose={onClose} size={1200} destroyOnHidden title={segment ? `编辑人群 · ${segment.name}` : '新建人群'}>
      {open && <SegmentForm segment={segment} onDone={onClose} />}
    </Drawer>
  );
}

function conditionsOf(item: RuleItem): SegmentCondition[] {
  return item.kind === 'condition' ? [item.condition] : item.children.flatMap(conditionsOf);
}

function SegmentForm({ segment, onDone }: { segment: SegmentView | null; onDone: () => void }) {
  const [form] = Form.useForm<SegmentFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rule, setRule] = useState<RuleGroup>(() => (segment ? fromSegmentNode(segment.rule) : emptyRule()));
  const [emptyProblem, setEmptyProblem] = useState(false);
  const built = useMemo(() => toSegmentRule(rule), [rule]);
  const empty = isEmptyRule(rule);
  const lists = useSegmentOptions(useMemo(() => fieldsIn(conditionsOf(rule)), [rule]));

  // The count follows the rule as edited, once editing pauses; the rule's text is the key, so an unchanged rule is counted once.
  const ruleText = JSON.stringify(built.rule);
  const settledText = useDebounced(ruleText, PREVIEW_DELAY_MS);
  const settledRule = useMemo(() => JSON.parse(settledText) as SegmentNode, [settledText]);
  const preview = useQuery({
    queryKey: segmentKeys.preview(settledText),
    queryFn: ({ signal }) => previewSegment(settledRule, signal),
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const settled = settledText === ruleText && !preview.isFetching;
  // The API's problems are about the rule it was sent: pinned to rows only while the rule is still that one.
  const previewProblems = preview.isError && settled ? ruleProblems(isApiError(preview.error) ? preview.error.details : undefined, built.paths) : null;

  const save = useMutation({
    mutationFn: (body: SaveSegmentDto) => (segment ? updateSegment(segment.id, body) : createSegment(body)),
    onSuccess: async (saved) => {
      message.success(segment ? `已保存人群 ${saved.name}` : `已创建人群 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: segmentKeys.list });
      onDone();
    },
  });

  const submit = (values: SegmentFormValues) => {
    if (empty) {
      setEmptyProblem(true);
      return;
    }
    save.mutate({ name: values.name.trim(), description: values.description?.trim() ?? '', rule: built.rule });
  };

  const saveProblems = errorProblems(save.error).map(({ problem }) => problem);

  return (
    <Row gutter={24} wrap={false}>
      <Col flex="1 1 0" style={{ minWidth: 0 }}>
        <Form<SegmentFormValues>
          form={form}
          id="segment-form"
          layout="vertical"
          initialValues={{ name: segment?.name ?? '', description: segment?.description ?? '' }}
          onFinish={submit}
        >
          {save.error && (
            <Alert id="segment-form-error" type="error" showIcon style={{ marginBottom: 16 }} title={save.error.message} description={saveProblems.join('；') || undefined} />
          )}
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item
                name="name"
                label="人群名称"
                htmlFor="segment-name"
                rules={[
                  { required: true, whitespace: true, message: '请填写人群名称' },
                  { min: SEGMENT_LIMITS.nameLength.min, max: SEGMENT_LIMITS.nameLength.max, message: `名称须为 ${SEGMENT_LIMITS.nameLength.min}–${SEGMENT_LIMITS.nameLength.max} 个字` },
                ]}
              >
                <Input id="segment-name" maxLength={SEGMENT_LIMITS.nameLength.max} showCount placeholder="如 近90天未购的金卡会员" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="description" label="说明" htmlFor="segment-description">
                <Input id="segment-description" maxLength={SEGMENT_LIMITS.descriptionLength} placeholder="选填：圈选目的、使用场景" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>圈选规则</Typography.Title>
          {emptyProblem && empty && <Alert id="segment-rule-empty" type="error" showIcon style={{ marginBottom: 12 }} title="请至少添加一个条件" />}
          <RuleTreeEditor
            rule={rule}
            onChange={(next) => {
              setRule(next);
              setEmptyProblem(false);
            }}
            lists={lists}
            problems={previewProblems?.byKey ?? new Map()}
          />
          <Flex gap={8} style={{ marginTop: 24 }}>
            <Button id="segment-save" type="primary" htmlType="submit" loading={save.isPending}>
              {segment ? '保存' : '保存人群'}
            </Button>
            <Button onClick={onDone}>取消</Button>
          </Flex>
        </Form>
      </Col>
      <Col flex="0 0 460px" style={{ minWidth: 0 }}>
        <SegmentPreview
          preview={preview.data}
          loading={!settled}
          empty={empty}
          error={preview.isError && settled ? preview.error : null}
          problems={previewProblems?.general ?? []}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          人数按当前规则实时统计；保存后活动启动时会再次圈选。
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}
