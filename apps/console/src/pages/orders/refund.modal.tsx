import type { OrderItemView, OrderView, RefundOrderDto } from '@glow/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Flex, Input, InputNumber, Modal, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { refundOrder } from '../../api/order.service';
import { errorProblems } from '../../shared/error-details';
import { formatYuan } from '../../shared/format';
import type { IdempotencyKeys } from '../../shared/idempotency-key';
import { buildRefund, emptyRefundDraft, REASON_MAX, REFUND_MODE_LABELS, refundableFen, refundableQuantity, refundModes, type RefundDraft, type RefundMode } from './refund-form';

export interface RefundModalProps {
  order: OrderView;
  open: boolean;
  /** Shared with the page, so a refund retried after closing the dialog repeats its key. */
  keys: IdempotencyKeys;
  onClose: () => void;
  onRefunded: (order: OrderView) => void;
}

/** Records a refund of one order: whole, by item (up to what is left of each line) or, without items, by amount. */
export function RefundModal({ order, open, keys, onClose, onRefunded }: RefundModalProps) {
  const [draft, setDraft] = useState<RefundDraft>(emptyRefundDraft);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (next: Partial<RefundDraft>) => setDraft((current) => ({ ...current, ...next }));

  const refund = useMutation({
    mutationFn: (body: RefundOrderDto) => refundOrder(order.id, body),
    onSuccess: (updated) => {
      keys.settle(order.id);
      onRefunded(updated);
    },
  });

  const submit = () => {
    const built = buildRefund(order, draft, keys.keyFor(order.id));
    if (!built.ok) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    refund.mutate(built.body);
  };

  const itemColumns: TableColumnsType<OrderItemView> = [
    {
      title: '商品',
      key: 'name',
      render: (_, item) => (
        <Flex vertical>
          <span>{item.name}</span>
          <Typography.Text type="secondary">{item.sku}</Typography.Text>
        </Flex>
      ),
    },
    { title: '已购', dataIndex: 'quantity', key: 'quantity', width: 64, align: 'right' },
    { title: '已退', dataIndex: 'refundedQuantity', key: 'refunded', width: 64, align: 'right' },
    {
      title: '本次退货',
      key: 'refund',
      width: 120,
      render: (_, item) => {
        const left = refundableQuantity(item);
        return left === 0 ? (
          <Typography.Text type="secondary">已全部退货</Typography.Text>
        ) : (
          <InputNumber
            id={`refund-qty-${item.id}`}
            aria-label={`${item.name} 退货数量`}
            min={0}
            max={left}
            precision={0}
            value={draft.quantities[item.id] ?? 0}
            onChange={(value) => update({ quantities: { ...draft.quantities, [item.id]: value ?? 0 } })}
            suffix={`/ ${left}`}
            style={{ width: 104 }}
          />
        );
      },
    },
  ];

  const failure = refund.error;
  const problems = errorProblems(failure);

  return (
    <Modal
      open={open}
      title={`退款 · 订单 ${order.orderNo}`}
      okText="确认退款"
      cancelText="取消"
      okButtonProps={{ id: 'refund-submit', danger: true, loading: refund.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Flex vertical gap={12} id="refund-modal">
        <Segmented<RefundMode>
          id="refund-mode"
          options={refundModes(order).map((mode) => ({ value: mode, label: REFUND_MODE_LABELS[mode] }))}
          value={draft.mode}
          onChange={(mode) => update({ mode })}
        />
        {draft.mode === 'full' && (
          <Typography.Text>
            退回本单剩余的全部金额 <Typography.Text strong>{formatYuan(refundableFen(order))}</Typography.Text>
            {order.items.length > 0 && '，所有未退商品一并退货'}。
          </Typography.Text>
        )}
        {draft.mode === 'items' && (
          <Table<OrderItemView> id="refund-items" rowKey="id" size="small" columns={itemColumns} dataSource={order.items} pagination={false} />
        )}
        {draft.mode === 'amount' && (
          <Flex vertical gap={4}>
            <Typography.Text>退款金额（元）</Typography.Text>
            <Input
              id="refund-amount-yuan"
              prefix="¥"
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={draft.amountYuan}
              onChange={(event) => update({ amountYuan: event.target.value })}
              style={{ width: 200 }}
            />
            <Typography.Text type="secondary">最多可退 {formatYuan(refundableFen(order))}</Typography.Text>
          </Flex>
        )}
        <Flex vertical gap={4}>
          <Typography.Text>退款原因</Typography.Text>
          <Input.TextArea
            id="refund-reason"
            rows={2}
            maxLength={REASON_MAX}
            showCount
            placeholder="如：顾客不喜欢色号，未拆封退货"
            value={draft.reason}
            onChange={(event) => update({ reason: event.target.value })}
          />
        </Flex>
        <Typography.Text type="secondary">退款会按比例收回本单获得的积分：待生效的取消，已到账的扣回，已使用的记为欠分。</Typography.Text>
        {problem && <Alert id="refund-error" type="warning" showIcon title={problem} />}
        {!problem && failure && (
          <Alert
            id="refund-error"
            type="error"
            showIcon
            title={failure.message}
            description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
          />
        )}
      </Flex>
    </Modal>
  );
}
