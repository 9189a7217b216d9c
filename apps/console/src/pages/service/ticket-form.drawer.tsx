import type { CreateTicketDto, Customer360Booking, TicketDetailView } from '@glow/contracts';
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS, TICKET_PRIORITIES, TICKET_PRIORITY_LABELS } from '@glow/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { memberKeys, searchMembers, type MemberSearch } from '../../api/member.service';
import { listOrders, orderKeys, type OrderSearch } from '../../api/order.service';
import { getCustomer360, serviceKeys } from '../../api/service.service';
import { createTicket, ticketKeys } from '../../api/ticket.service';
import { formatDateTime, formatYuan } from '../../shared/format';
import { useDebounced } from '../../shared/use-debounced';
import { EMPTY_TICKET_FORM, TICKET_LIMITS, toCreateTicket, validateTicketForm, type TicketFormField, type TicketFormValues } from './ticket-form';

const CATEGORY_OPTIONS = TICKET_CATEGORIES.map((category) => ({ value: category, label: TICKET_CATEGORY_LABELS[category] }));
const PRIORITY_OPTIONS = TICKET_PRIORITIES.map((priority) => ({ value: priority, label: TICKET_PRIORITY_LABELS[priority] }));

/** A ticket opened beside a conversation: its member is fixed and the conversation linked. */
export interface TicketPrefill {
  memberId: string;
  memberName: string | null;
  conversationId: string | null;
  /** The member's bookings when already at hand (the 360 panel), so none is read again. */
  bookings?: Customer360Booking[];
}

export interface TicketFormDrawerProps {
  open: boolean;
  prefill: TicketPrefill | null;
  onClose: () => void;
  onCreated: (ticket: TicketDetailView) => void;
}

export function TicketFormDrawer({ open, prefill, onClose, onCreated }: TicketFormDrawerProps) {
  return (
    <Drawer open={open} onClose={onClose} size={560} destroyOnHidden title={prefill?.conversationId ? '从会话创建工单' : '新建工单'}>
      {open && <TicketForm prefill={prefill} onCreated={onCreated} />}
    </Drawer>
  );
}

function MemberSelect({ value, onChange }: { value: string | null; onChange: (memberId: string | null) => void }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim().slice(0, 40), 300);
  const search: MemberSearch = { q, page: 1, pageSize: 20 };
  const { data, isFetching, error } = useQuery({
    queryKey: memberKeys.search(search),
    queryFn: ({ signal }) => searchMembers(search, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const members = q !== '' ? (data?.items ?? []) : [];
  return (
    <Select<string>
      id="ticket-member"
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      placeholder="输入手机号或姓名搜索会员"
      loading={isFetching}
      allowClear
      options={members.map((member) => ({ value: member.id, label: `${member.name ?? member.nickname ?? member.memberNo}（${member.phoneMasked}）` }))}
      notFoundContent={error ? `会员搜索失败：${error.message}` : q === '' ? '请输入手机号或姓名' : isFetching ? '搜索中…' : '没有找到会员'}
      onChange={(memberId) => onChange(memberId ?? null)}
    />
  );
}

function TicketForm({ prefill, onCreated }: { prefill: TicketPrefill | null; onCreated: (ticket: TicketDetailView) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<TicketFormValues>({ ...EMPTY_TICKET_FORM, memberId: prefill?.memberId ?? null });
  const [problems, setProblems] = useState<Partial<Record<TicketFormField, string>>>({});
  // Without bookings at hand they come from the member's 360 view, an audited read: only when the list is opened.
  const [bookingsWanted, setBookingsWanted] = useState(false);

  const memberId = values.memberId;
  const orderSearch: OrderSearch = { memberId: memberId ?? undefined, page: 1, pageSize: 20 };
  const orders = useQuery({ queryKey: orderKeys.list(orderSearch), queryFn: ({ signal }) => listOrders(orderSearch, signal), enabled: memberId !== null });
  const view360 = useQuery({
    queryKey: serviceKeys.customer360(memberId ?? ''),
    queryFn: ({ signal }) => getCustomer360(memberId ?? '', signal),
    enabled: memberId !== null && !prefill?.bookings && bookingsWanted,
  });
  const fixedMember = prefill !== null && prefill.memberId === memberId;
  const bookings = fixedMember && prefill?.bookings ? prefill.bookings : view360.data ? [...view360.data.bookings.upcoming, ...view360.data.bookings.past] : [];

  const create = useMutation({
    mutationFn: (body: CreateTicketDto) => createTicket(body),
    onSuccess: async (ticket) => {
      message.success(`已创建工单 ${ticket.ticketNo}`);
      onCreated(ticket);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      if (ticket.memberId) await queryClient.invalidateQueries({ queryKey: serviceKeys.customer360(ticket.memberId) });
    },
  });

  const update = (next: Partial<TicketFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setProblems((current) => {
      const cleared = { ...current };
      for (const field of Object.keys(next) as TicketFormField[]) delete cleared[field];
      return cleared;
    });
  };

  const submit = () => {
    const found = validateTicketForm(values);
    setProblems(Object.fromEntries(found.map(({ field, problem }) => [field, problem])));
    if (found.length === 0) create.mutate(toCreateTicket(values, prefill?.conversationId ?? null));
  };

  const item = (field: TicketFormField) => ({ validateStatus: problems[field] ? ('error' as const) : undefined, help: problems[field] });

  return (
    <Form layout="vertical" id="ticket-form" onFinish={submit}>
      <Form.Item label="会员" required htmlFor="ticket-member" {...item('memberId')}>
        {prefill ? (
          <Typography.Text id="ticket-member" strong>
            {prefill.memberName ?? prefill.memberId}
          </Typography.Text>
        ) : (
          <MemberSelect value={values.memberId} onChange={(next) => update({ memberId: next, orderId: null, bookingId: null })} />
        )}
      </Form.Item>
      <Flex gap={16}>
        <Form.Item label="分类" required htmlFor="ticket-category" style={{ flex: 1 }} {...item('category')}>
          <Select id="ticket-category" placeholder="选择分类" options={CATEGORY_OPTIONS} value={values.category ?? undefined} onChange={(category) => update({ category })} />
        </Form.Item>
        <Form.Item label="优先级" required style={{ flex: 1 }}>
          <Radio.Group id="ticket-priority" optionType="button" options={PRIORITY_OPTIONS} value={values.priority} onChange={(event) => update({ priority: event.target.value as TicketFormValues['priority'] })} />
        </Form.Item>
      </Flex>
      <Form.Item label="标题" required htmlFor="ticket-title" {...item('title')}>
        <Input id="ticket-title" maxLength={TICKET_LIMITS.title.max} showCount placeholder="如：使用精华后泛红" value={values.title} onChange={(event) => update({ title: event.target.value })} />
      </Form.Item>
      <Form.Item label="问题描述" required htmlFor="ticket-description" {...item('description')}>
        <Input.TextArea
          id="ticket-description"
          rows={4}
          maxLength={TICKET_LIMITS.description.max}
          showCount
          placeholder="会员反馈的情况、已做的处理"
          value={values.description}
          onChange={(event) => update({ description: event.target.value })}
        />
      </Form.Item>
      <Form.Item label="关联订单（选填）" htmlFor="ticket-order">
        <Select<string>
          id="ticket-order"
          allowClear
          disabled={!memberId}
          loading={orders.isFetching}
          placeholder={memberId ? '选择该会员的订单' : '请先选择会员'}
          value={values.orderId ?? undefined}
          options={(orders.data?.items ?? []).map((order) => ({ value: order.id, label: `${order.orderNo} · ${formatYuan(order.totalFen)} · ${formatDateTime(order.paidAt ?? order.createdAt)}` }))}
          notFoundContent={orders.error ? `订单加载失败：${orders.error.message}` : '该会员没有订单'}
          onChange={(orderId) => update({ orderId: orderId ?? null })}
        />
      </Form.Item>
      <Form.Item label="关联预约（选填）" htmlFor="ticket-booking">
        <Select<string>
          id="ticket-booking"
          allowClear
          disabled={!memberId}
          loading={view360.isFetching}
          placeholder={memberId ? '选择该会员的预约' : '请先选择会员'}
          value={values.bookingId ?? undefined}
          options={bookings.map((booking) => ({ value: booking.id, label: `${booking.serviceName} · ${booking.storeName} · ${formatDateTime(booking.startsAt)}` }))}
          notFoundContent={view360.error ? `预约加载失败：${view360.error.message}` : '该会员没有预约'}
          onOpenChange={(opened) => opened && setBookingsWanted(true)}
          onChange={(bookingId) => update({ bookingId: bookingId ?? null })}
        />
      </Form.Item>
      {create.error && <Alert id="ticket-form-error" type="error" showIcon style={{ marginBottom: 16 }} title={create.error.message} />}
      <Button id="ticket-submit" type="primary" htmlType="submit" loading={create.isPending}>
        创建工单
      </Button>
    </Form>
  );
}
