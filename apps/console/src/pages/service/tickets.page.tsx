import { PlusOutlined } from '@ant-design/icons';
import type { TicketView } from '@glow/contracts';
import { TICKET_CATEGORY_LABELS, TICKET_PRIORITY_LABELS, TICKET_STATUS_LABELS, TICKET_STATUSES, type TicketStatus } from '@glow/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Result, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listTickets, ticketKeys, type TicketSearch } from '../../api/ticket.service';
import { useCan } from '../../auth/permissions';
import { EMPTY, formatDateTime } from '../../shared/format';
import { useNow } from '../appointments/use-now';
import { TICKET_PRIORITY_COLORS, TICKET_STATUS_COLORS } from './service-labels';
import { TicketFormDrawer } from './ticket-form.drawer';
import { slaState } from './ticket-actions';

const ALL = 'all';
const STATUS_OPTIONS = [{ value: ALL, label: '全部状态' }, ...TICKET_STATUSES.map((status) => ({ value: status, label: TICKET_STATUS_LABELS[status] }))];

/** The SLA cell: time left, or how long past due in red. */
export function SlaText({ ticket, now }: { ticket: Pick<TicketView, 'status' | 'slaDueAt' | 'overdue'>; now: Date }) {
  const sla = slaState(ticket, now);
  return (
    <Typography.Text className={sla.overdue ? 'ticket-sla ticket-sla-overdue' : 'ticket-sla'} type={sla.overdue ? 'danger' : undefined} strong={sla.overdue}>
      {sla.text}
    </Typography.Text>
  );
}

/** Tickets: complaints and after-sales cases with their SLA, filtered by status, mine and overdue. */
export function TicketsPage() {
  const allowed = useCan('service:ticket');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const now = useNow(30_000);
  const status = (TICKET_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as TicketStatus) : undefined;
  const search: TicketSearch = { status, mine: params.get('mine') === 'true', overdue: params.get('overdue') === 'true' };

  const { data, error, isPending, isPlaceholderData } = useQuery({
    queryKey: ticketKeys.list(search),
    queryFn: ({ signal }) => listTickets(search, signal),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });

  const setFilter = (name: 'status' | 'mine' | 'overdue', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  if (!allowed) return <Result status="403" title="没有权限处理工单" subTitle="工单仅对顾问、店长与管理员开放" />;

  const columns: TableColumnsType<TicketView> = [
    {
      title: '工单号',
      dataIndex: 'ticketNo',
      key: 'ticketNo',
      width: 140,
      render: (ticketNo: string, ticket) => (
        <Link to={`/service/tickets/${ticket.id}`} className="ticket-link" onClick={(event) => event.stopPropagation()}>
          {ticketNo}
        </Link>
      ),
    },
    { title: '标题', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '会员', dataIndex: 'memberName', key: 'memberName', width: 110, render: (name: string | null) => name ?? EMPTY },
    { title: '分类', dataIndex: 'category', key: 'category', width: 100, render: (category: TicketView['category']) => TICKET_CATEGORY_LABELS[category] },
    {
      title: '优先级',
      dataIndex: 'priority',
      key: 'priority',
      width: 80,
      render: (priority: TicketView['priority']) => (
        <Tag className="ticket-priority" color={TICKET_PRIORITY_COLORS[priority]}>
          {TICKET_PRIORITY_LABELS[priority]}
        </Tag>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 120,
      render: (value: TicketStatus) => (
        <Tag className="ticket-status" color={TICKET_STATUS_COLORS[value]}>
          {TICKET_STATUS_LABELS[value]}
        </Tag>
      ),
    },
    { title: '处理人', dataIndex: 'assigneeName', key: 'assigneeName', width: 100, render: (name: string | null) => name ?? '未指派' },
    { title: 'SLA', key: 'sla', width: 150, render: (_, ticket) => <SlaText ticket={ticket} now={now} /> },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
  ];

  return (
    <Card
      id="tickets"
      title="工单"
      extra={
        <Button id="ticket-new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建工单
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={16} wrap align="center">
          <Select<string> id="tickets-status" value={status ?? ALL} options={STATUS_OPTIONS} onChange={(value) => setFilter('status', value === ALL ? null : value)} style={{ width: 160 }} />
          <Checkbox id="tickets-mine" checked={search.mine} onChange={(event) => setFilter('mine', event.target.checked ? 'true' : null)}>
            只看我的
          </Checkbox>
          <Checkbox id="tickets-overdue" checked={search.overdue} onChange={(event) => setFilter('overdue', event.target.checked ? 'true' : null)}>
            只看超时
          </Checkbox>
        </Flex>
        {error && <Alert id="tickets-error" type="error" showIcon title={error.message} />}
        <Table<TicketView>
          id="ticket-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data ?? []}
          loading={isPending || isPlaceholderData}
          rowClassName={(ticket) => (slaState(ticket, now).overdue ? 'ticket-row-overdue' : '')}
          onRow={(ticket) => ({ 'data-ticket-id': ticket.id, onClick: () => navigate(`/service/tickets/${ticket.id}`), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个工单` }}
          locale={{ emptyText: '没有符合条件的工单' }}
        />
      </Flex>
      <TicketFormDrawer open={creating} prefill={null} onClose={() => setCreating(false)} onCreated={(ticket) => navigate(`/service/tickets/${ticket.id}`)} />
    </Card>
  );
}
