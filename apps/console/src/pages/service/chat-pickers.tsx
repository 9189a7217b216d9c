import type { CannedReplyView, ChatMessageView, ProductResponse } from '@glow/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Input, Modal, Segmented, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { couponKeys, listCouponTemplates, type CouponTemplateSearch } from '../../api/coupon.service';
import { compensateInConversation, listCannedReplies, serviceKeys } from '../../api/service.service';
import { newIdempotencyKey } from '../../shared/idempotency-key';
import { useProductSearch } from '../../shared/use-product-search';

const ACTIVE_TEMPLATES: CouponTemplateSearch = { status: 'active', page: 1, pageSize: 100 };

/** Finds an active product by name or SKU and hands it over to be sent as a card. */
export function ProductCardModal({ onPick, onClose }: { onPick: (product: ProductResponse) => void; onClose: () => void }) {
  const [picked, setPicked] = useState<ProductResponse | null>(null);
  const { typed, setTyped, products, options, isFetching, notFoundContent } = useProductSearch('请输入商品名称或 SKU');

  return (
    <Modal
      open
      title="发送商品卡片"
      okText="发送"
      cancelText="取消"
      okButtonProps={{ id: 'product-card-send', disabled: !picked }}
      onOk={() => picked && onPick(picked)}
      onCancel={onClose}
    >
      <Select<string>
        id="product-card-search"
        value={picked?.id}
        showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
        placeholder="输入商品名称或 SKU 搜索"
        loading={isFetching}
        options={options}
        notFoundContent={notFoundContent}
        onSelect={(id) => setPicked(products.find((product) => product.id === id) ?? null)}
        style={{ width: '100%' }}
      />
    </Modal>
  );
}

export interface CouponModalProps {
  conversationId: string;
  /** Coupon cards cannot be sent over WeChat customer service; compensation still issues the coupon. */
  canSendCard: boolean;
  canCompensate: boolean;
  onSendCard: (templateId: string, name: string) => void;
  onCompensated: (message: ChatMessageView) => void;
  onClose: () => void;
}

/**
 * A coupon for the member: a card they may claim from, or a compensation coupon issued at once (with its card). Each
 * click of 发放补偿券 carries a new idempotency key, so one click never issues twice however often the request is retried.
 */
export function CouponModal({ conversationId, canSendCard, canCompensate, onSendCard, onCompensated, onClose }: CouponModalProps) {
  const { message } = App.useApp();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const templates = useQuery({ queryKey: couponKeys.templateList(ACTIVE_TEMPLATES), queryFn: ({ signal }) => listCouponTemplates(ACTIVE_TEMPLATES, signal) });
  const chosen = (templates.data?.items ?? []).find((template) => template.id === templateId) ?? null;

  const compensate = useMutation({
    mutationFn: ({ couponTemplateId, key }: { couponTemplateId: string; key: string }) => compensateInConversation(conversationId, { couponTemplateId, key }),
    onSuccess: (card) => {
      onCompensated(card);
      message.success(`已发放补偿券「${chosen?.name ?? ''}」`);
      onClose();
    },
  });

  return (
    <Modal
      open
      title="优惠券"
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>取消</Button>
          {canSendCard && (
            <Button id="coupon-card-send" disabled={!chosen} onClick={() => chosen && onSendCard(chosen.id, chosen.name)}>
              发送券卡片
            </Button>
          )}
          {canCompensate && (
            <Button
              id="coupon-compensate"
              type="primary"
              disabled={!chosen}
              loading={compensate.isPending}
              onClick={() => chosen && compensate.mutate({ couponTemplateId: chosen.id, key: newIdempotencyKey() })}
            >
              发放补偿券
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Select<string>
          id="coupon-template"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择进行中的优惠券"
          loading={templates.isFetching}
          value={templateId ?? undefined}
          options={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: `${template.name} · ${template.face.headline} ${template.face.condition}` }))}
          notFoundContent={templates.error ? `优惠券加载失败：${templates.error.message}` : '没有进行中的优惠券'}
          onChange={setTemplateId}
          style={{ width: '100%' }}
        />
        <Typography.Text type="secondary">券卡片由会员自行领取；补偿券直接发放到会员账户并记入审计日志。</Typography.Text>
        {compensate.error && <Alert id="coupon-compensate-error" type="error" showIcon title={compensate.error.message} />}
      </Flex>
    </Modal>
  );
}

export type CannedScope = 'all' | 'shared' | 'mine';

export const CANNED_SCOPE_OPTIONS: { value: CannedScope; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'shared', label: '共享' },
  { value: 'mine', label: '我的' },
];

/** Filters canned replies by scope and by words in their title or text. */
export function filterCannedReplies(replies: readonly CannedReplyView[], scope: CannedScope, query: string): CannedReplyView[] {
  const words = query.trim().toLowerCase();
  return replies.filter(
    (reply) =>
      (scope === 'all' || (scope === 'shared') === reply.shared) && (words === '' || reply.title.toLowerCase().includes(words) || reply.body.toLowerCase().includes(words)),
  );
}

/** The canned replies (shared and mine) to pick one from; picking inserts its text into the composer. */
export function CannedRepliesPicker({ onInsert }: { onInsert: (text: string) => void }) {
  const [scope, setScope] = useState<CannedScope>('all');
  const [query, setQuery] = useState('');
  const { data, isPending, error } = useQuery({ queryKey: serviceKeys.cannedReplies, queryFn: ({ signal }) => listCannedReplies(signal) });
  const replies = filterCannedReplies(data ?? [], scope, query);

  return (
    <Flex vertical gap={8} style={{ width: 360 }} id="canned-picker">
      <Input id="canned-search" allowClear placeholder="搜索快捷回复" value={query} onChange={(event) => setQuery(event.target.value)} />
      <Segmented<CannedScope> size="small" value={scope} onChange={setScope} options={CANNED_SCOPE_OPTIONS} />
      {error && <Alert type="error" showIcon title={error.message} />}
      <Flex vertical gap={4} style={{ maxHeight: 280, overflowY: 'auto' }}>
        {isPending && <Spin />}
        {!isPending && replies.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有快捷回复" />}
        {replies.map((reply) => (
          <Flex
            key={reply.id}
            vertical
            gap={2}
            className="canned-reply"
            data-canned-id={reply.id}
            role="button"
            tabIndex={0}
            style={{ cursor: 'pointer', padding: '6px 8px', borderRadius: 6, border: '1px solid #f0f0f0', minWidth: 0 }}
            onClick={() => onInsert(reply.body)}
            onKeyDown={(event) => event.key === 'Enter' && onInsert(reply.body)}
          >
            <Flex gap={6} align="center">
              <Typography.Text strong>{reply.title}</Typography.Text>
              <Tag color={reply.shared ? 'blue' : 'magenta'}>{reply.shared ? '共享' : '我的'}</Tag>
            </Flex>
            <Typography.Text type="secondary" ellipsis>
              {reply.body}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
