import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_ACTION_LABELS, SUBSCRIBE_TEMPLATE_KEYS, SUBSCRIBE_TEMPLATE_LABELS, type CampaignActionKind } from '@glow/domain';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { CAMPAIGN_LIMITS as LIMITS, nextActionKind, type CampaignActionFormValues, type CampaignFormValues } from './campaign-form';

const MESSAGE_OPTIONS = SUBSCRIBE_TEMPLATE_KEYS.map((key) => ({ value: key, label: SUBSCRIBE_TEMPLATE_LABELS[key] }));

export interface CouponTemplateChoices {
  options: { value: string; label: string }[];
  loading: boolean;
  error: string | null;
}

export interface CampaignActionsEditorProps {
  disabled: boolean;
  coupons: CouponTemplateChoices;
}

/** Up to three actions, one of each kind: a coupon, a subscribe message, an advisor follow-up task. */
export function CampaignActionsEditor({ disabled, coupons }: CampaignActionsEditorProps) {
  const form = Form.useFormInstance<CampaignFormValues>();
  const actions: CampaignActionFormValues[] = Form.useWatch('actions', { form, preserve: true }) ?? [];

  return (
    <Form.List name="actions">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12} id="campaign-actions">
          {fields.map((field, index) => {
            const kind = actions[index]?.kind;
            const usedElsewhere = new Set(actions.filter((_, other) => other !== index).map((action) => action.kind));
            const kindOptions = CAMPAIGN_ACTION_KINDS.map((value) => ({ value, label: CAMPAIGN_ACTION_LABELS[value], disabled: usedElsewhere.has(value) }));
            // A template chosen earlier that is no longer active still shows, by its code.
            const code = actions[index]?.couponTemplateCode;
            const couponOptions = code && !coupons.options.some((option) => option.value === code) ? [{ value: code, label: code }, ...coupons.options] : coupons.options;
            return (
              <Card
                key={field.key}
                size="small"
                data-campaign-action={kind}
                title={
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select<CampaignActionKind> id={`campaign-action-kind-${index}`} options={kindOptions} disabled={disabled} style={{ width: 180 }} />
                  </Form.Item>
                }
                extra={
                  !disabled && (
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除动作" disabled={fields.length <= 1} onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  )
                }
              >
                {kind === 'coupon' && (
                  <Form.Item name={[field.name, 'couponTemplateCode']} label="发放的优惠券" htmlFor="campaign-action-coupon" required extra="仅可选择进行中的优惠券；每位会员每次触达最多发放一张" style={{ marginBottom: 0 }}>
                    <Select<string>
                      id="campaign-action-coupon"
                      showSearch={{ optionFilterProp: 'label' }}
                      options={couponOptions}
                      loading={coupons.loading}
                      placeholder="选择优惠券"
                      notFoundContent={coupons.error ? `优惠券加载失败：${coupons.error}` : '没有进行中的优惠券'}
                      disabled={disabled}
                    />
                  </Form.Item>
                )}
                {kind === 'message' && (
                  <Row gutter={16}>
                    <Col span={10}>
                      <Form.Item name={[field.name, 'messageTemplate']} label="订阅消息" htmlFor="campaign-action-message-template" required style={{ marginBottom: 0 }}>
                        <Select id="campaign-action-message-template" options={MESSAGE_OPTIONS} placeholder="选择消息模板" disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col span={14}>
                      <Form.Item
                        name={[field.name, 'messageText']}
                        label="提醒内容"
                        htmlFor="campaign-action-message-text"
                        required
                        extra="仅发给订阅过该消息的会员"
                        style={{ marginBottom: 0 }}
                      >
                        <Input id="campaign-action-message-text" maxLength={LIMITS.messageTextLength} showCount placeholder="如 金卡专享券已到账" disabled={disabled} />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                {kind === 'task' && (
                  <Row gutter={16}>
                    <Col span={16}>
                      <Form.Item name={[field.name, 'taskTitle']} label="跟进任务" htmlFor="campaign-action-task-title" required extra="交给会员的专属导购" style={{ marginBottom: 0 }}>
                        <Input id="campaign-action-task-title" maxLength={LIMITS.taskTitleLength.max} showCount placeholder="如 电话回访，邀请到店体验" disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'taskDueDays']} label="完成期限" htmlFor="campaign-action-task-due" required style={{ marginBottom: 0 }}>
                        <InputNumber id="campaign-action-task-due" {...LIMITS.taskDueDays} precision={0} prefix="触达后" suffix="天内" style={{ width: '100%' }} disabled={disabled} />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              </Card>
            );
          })}
          {!disabled && (
            <Button
              id="campaign-add-action"
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= LIMITS.actions || nextActionKind(actions) === null}
              onClick={() => {
                const next = nextActionKind(actions);
                if (next) add({ kind: next, taskDueDays: next === 'task' ? 3 : undefined } satisfies CampaignActionFormValues);
              }}
              style={{ alignSelf: 'flex-start' }}
            >
              添加动作（最多 {LIMITS.actions} 个）
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
