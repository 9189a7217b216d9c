import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TicketDetailView, TicketStatus } from '@glow/contracts';
import {
  CSAT_SCORE_LABELS,
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_PRIORITIES,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
  type TicketCategory,
  type TicketPriority,
} from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Radio,
  Rate,
  Result,
  Row,
  Segmented,
  Select,
  Tag,
  Timeline,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { couponKeys, listCouponTemplates, type CouponTemplateSearch } from '../../api/coupon.service';
import { isApiError } from '../../api/http';
import { listAdvisors, serviceKeys } from '../../api/service.service';
import { addTicketNote, assignTicket, compensateTicket, getTicket, setTicketStatus, ticketKeys, updateTicket } from '../../api/ticket.service';
import { useCan } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { EMPTY, formatDateTime } from '../../shared/format';
import { newIdempotencyKey } from '../../shared/idempotency-key';
import { PageSpinner } from '../../shared/page-spinner';
import { useNow } from '../appointments/use-now';
import { TICKET_PRIORITY_COLORS, TICKET_STATUS_COLORS } from './service-labels';
import {
  COMPENSATION_LIMITS,
  compensationProblem,
  isTicketOpen,
  ticketActionLabel,
  ticketActions,
  ticketEventTitle,
  toCompensation,
  type CompensationFormValues,
} from './ticket-actions';
import { SlaText } from './tickets.page';

const ACTIVE_TEMPLATES: CouponTemplateSearch = { status: 'active', page: 1, pageSize: 100 };
const CATEGORY_OPTIONS = TICKET_CATEGORIES.map((category) => ({ value: category, label: TICKET_CATEGORY_LABELS[category] }));
const PRIORITY_OPTIONS = TICKET_PRIORITIES.map((priority) => ({ value: priority, label: TICKET_PRIORITY_LABELS[priority] }));

type Applied = (ticket: TicketDetailView) => void;

/** The ticket after a change is the API's answer; the lists are read again for their counts and order. */
function useApply(): Applied {
  const queryClient = useQueryClient();
  return (ticket) => {
    queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
    void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
  };
}

function StatusActions({ ticket, onApplied }: { ticket: TicketDetailView; onApplied: Applied }) {
  const { message } = App.useApp();
  const [target, setTarget] = useState<TicketStatus | null>(null);
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: ({ status, text }: { status: TicketStatus; text: string }) => setTicketStatus(ticket.id, { status, note: text || undefined }),
    onSuccess: (next) => {
      onApplied(next);
      message.success(`工单已${TICKET_STATUS_LABELS[next.status]}`);
      setTarget(null);
      setNote('');
    },
  });
  const actions = ticketActions(ticket.status);
  if (actions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap id="ticket-actions">
        {actions.map((status) => (
          <Button
            key={status}
            data-ticket-action={status}
            type={status === 'resolved' ? 'primary' : 'default'}
            danger={status === 'closed'}
            onClick={() => {
              change.reset();
              setTarget(status);
            }}
          >
            {ticketActionLabel(ticket.status, status)}
          </Button>
        ))}
      </Flex>
      {target && (
        <Modal
          open
          title={`${ticketActionLabel(ticket.status, target)}：${ticket.ticketNo}`}
          okText="确定"
          cancelText="取消"
          okButtonProps={{ id: 'ticket-status-submit', loading: change.isPending }}
          onOk={() => change.mutate({ status: target, text: note.trim() })}
          onCancel={() => setTarget(null)}
        >
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              {target === 'resolved' ? '标记已解决后会邀请会员评价本次服务。' : '说明会显示在会员的工单进度中（选填）。'}
            </Typography.Text>
            <Input.TextArea id="ticket-status-note" rows={3} maxLength={500} showCount placeholder="如：已为会员办理退换货" value={note} onChange={(event) => setNote(event.target.value)} />
            {change.error && <Alert id="ticket-status-error" type="error" showIcon title={change.error.message} />}
          </Flex>
        </Modal>
      )}
    </>
  );
}

function AssignBox({ ticket, onApplied }: { ticket: TicketDetailView; onApplied: Applied }) {
  const { message } = App.useApp();
  const session = useSession();
  const staffId = session?.staff.id ?? '';
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const advisors = useQuery({ queryKey: serviceKeys.advisors, queryFn: ({ signal }) => listAdvisors(signal) });
  const assign = useMutation({
    mutationFn: (id: string) => assignTicket(ticket.id, { assigneeId: id }),
    onSuccess: (next) => {
      onApplied(next);
      message.success(`已指派给 ${next.assigneeName ?? '同事'}`);
      setAssigneeId(null);
    },
    onError: (error) => message.error(error.message),
  });
  const options = (advisors.data ?? []).filter((advisor) => advisor.staffId !== ticket.assigneeId).map((advisor) => ({ value: advisor.staffId, label: advisor.name }));
  return (
    <Flex gap={8} wrap align="center" id="ticket-assign">
      <Typography.Text>处理人：{ticket.assigneeName ?? '未指派'}</Typography.Text>
      <Select<string>
        id="ticket-assignee"
        size="small"
        placeholder="改派给"
        value={assigneeId ?? undefined}
        options={options}
        loading={advisors.isFetching}
        onChange={setAssigneeId}
        style={{ width: 140 }}
      />
      <Button id="ticket-assign-submit" size="small" disabled={!assigneeId} loading={assign.isPending && assign.variables !== staffId} onClick={() => assigneeId && assign.mutate(assigneeId)}>
        指派
      </Button>
      {ticket.assigneeId !== staffId && (
        <Button id="ticket-assign-me" size="small" type="link" loading={assign.isPending && assign.variables === staffId} onClick={() => assign.mutate(staffId)}>
          指派给我
        </Button>
      )}
    </Flex>
  );
}

function NoteBox({ ticket, onApplied }: { ticket: TicketDetailView; onApplied: Applied }) {
  const { message } = App.useApp();
  const [internal, setInternal] = useState(true);
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () => addTicketNote(ticket.id, { note: note.trim(), internal }),
    onSuccess: (next) => {
      onApplied(next);
      message.success(internal ? '已添加内部备注' : '已回复会员');
      setNote('');
    },
  });
  return (
    <Card size="small" title="备注与回复" id="ticket-notes">
      <Flex vertical gap={8}>
        <Segmented<'internal' | 'reply'>
          id="ticket-note-kind"
          value={internal ? 'internal' : 'reply'}
          onChange={(value) => setInternal(value === 'internal')}
          options={[
            { value: 'internal', label: '内部备注' },
            { value: 'reply', label: '回复会员' },
          ]}
        />
        <Input.TextArea
          id="ticket-note"
          rows={3}
          maxLength={1000}
          showCount
          placeholder={internal ? '仅同事可见' : '会员会在小程序的工单进度中看到'}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        {add.error && <Alert type="error" showIcon title={add.error.message} />}
        <Button id="ticket-note-submit" type="primary" disabled={note.trim() === ''} loading={add.isPending} onClick={() => add.mutate()} style={{ alignSelf: 'flex-end' }}>
          {internal ? '添加备注' : '发送回复'}
        </Button>
      </Flex>
    </Card>
  );
}

const EMPTY_COMPENSATION: CompensationFormValues = { kind: 'coupon', couponTemplateId: null, points: null, reason: '' };

function CompensationBox({ ticket, onApplied }: { ticket: TicketDetailView; onApplied: Applied }) {
  const { message } = App.useApp();
  const [values, setValues] = useState<CompensationFormValues>(EMPTY_COMPENSATION);
  const [problem, setProblem] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: couponKeys.templateList(ACTIVE_TEMPLATES),
    queryFn: ({ signal }) => listCouponTemplates(ACTIVE_TEMPLATES, signal),
    enabled: values.kind === 'coupon',
  });
  const give = useMutation({
    mutationFn: (key: string) => compensateTicket(ticket.id, toCompensation(values, key)),
    onSuccess: (next) => {
      onApplied(next);
      message.success('已补偿');
      setValues(EMPTY_COMPENSATION);
    },
  });
  const update = (next: Partial<CompensationFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setProblem(null);
  };
  const submit = () => {
    const found = compensationProblem(values);
    setProblem(found);
    // A key per submit: a retried request of the same submit never compensates twice.
    if (!found) give.mutate(newIdempotencyKey());
  };
  return (
    <Card size="small" title="补偿" id="ticket-compensation">
      <Flex vertical gap={8}>
        {ticket.compensations.length > 0 && (
          <Flex vertical gap={4} id="ticket-compensations">
            {ticket.compensations.map((compensation, index) => (
              <Typography.Text key={index} className="ticket-compensation-item">
                {compensation.label} · {formatDateTime(compensation.createdAt)}
              </Typography.Text>
            ))}
          </Flex>
        )}
        <Radio.Group
          id="ticket-comp-kind"
          optionType="button"
          value={values.kind}
          onChange={(event) => update({ kind: event.target.value as CompensationFormValues['kind'] })}
          options={[
            { value: 'coupon', label: '优惠券' },
            { value: 'points', label: '积分' },
          ]}
        />
        {values.kind === 'coupon' ? (
          <Select<string>
            id="ticket-comp-template"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择进行中的优惠券"
            value={values.couponTemplateId ?? undefined}
            loading={templates.isFetching}
            options={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: `${template.name} · ${template.face.headline}` }))}
            onChange={(couponTemplateId) => update({ couponTemplateId })}
          />
        ) : (
          <InputNumber<number>
            id="ticket-comp-points"
            min={COMPENSATION_LIMITS.points.min}
            max={COMPENSATION_LIMITS.points.max}
            precision={0}
            suffix="积分"
            value={values.points}
            onChange={(points) => update({ points })}
            style={{ width: 200 }}
          />
        )}
        <Input id="ticket-comp-reason" maxLength={COMPENSATION_LIMITS.reason.max} showCount placeholder="补偿原因，如：过敏不适致歉" value={values.reason} onChange={(event) => update({ reason: event.target.value })} />
        {problem && <Alert id="ticket-comp-problem" type="warning" showIcon title={problem} />}
        {!problem && give.error && <Alert id="ticket-comp-error" type="error" showIcon title={give.error.message} />}
        <Button id="ticket-comp-submit" loading={give.isPending} onClick={submit} style={{ alignSelf: 'flex-end' }}>
          发放补偿
        </Button>
      </Flex>
    </Card>
  );
}

function Fields({ ticket, editable, onApplied }: { ticket: TicketDetailView; editable: boolean; onApplied: Applied }) {
  const { message } = App.useApp();
  const update = useMutation({
    mutationFn: (body: { category?: TicketCategory; priority?: TicketPriority }) => updateTicket(ticket.id, body),
    onSuccess: onApplied,
    onError: (error) => message.error(error.message),
  });
  const items: DescriptionsProps['items'] = [
    { key: 'member', label: '会员', children: <Link to={`/members/${ticket.memberId}`}>{ticket.memberName ?? ticket.memberId}</Link> },
    {
      key: 'category',
      label: '分类',
      children: editable ? (
        <Select<TicketCategory> id="ticket-edit-category" size="small" value={ticket.category} options={CATEGORY_OPTIONS} onChange={(category) => update.mutate({ category })} style={{ width: 120 }} />
      ) : (
        TICKET_CATEGORY_LABELS[ticket.category]
      ),
    },
    {
      key: 'priority',
      label: '优先级',
      children: editable ? (
        <Select<TicketPriority> id="ticket-edit-priority" size="small" value={ticket.priority} options={PRIORITY_OPTIONS} onChange={(priority) => update.mutate({ priority })} style={{ width: 100 }} />
      ) : (
        TICKET_PRIORITY_LABELS[ticket.priority]
      ),
    },
    { key: 'sla', label: 'SLA 截止', children: formatDateTime(ticket.slaDueAt) },
    { key: 'escalation', label: '升级', children: ticket.escalationLevel > 0 ? `已升级 ${ticket.escalationLevel} 级` : '未升级' },
    { key: 'order', label: '关联订单', children: ticket.orderNo ?? EMPTY },
    { key: 'booking', label: '关联预约', children: ticket.bookingId ? '已关联' : EMPTY },
    {
      key: 'conversation',
      label: '关联会话',
      children: ticket.conversationId ? <Link to={`/service/inbox?c=${ticket.conversationId}`}>打开会话</Link> : EMPTY,
    },
    { key: 'createdAt', label: '创建时间', children: formatDateTime(ticket.createdAt) },
    { key: 'resolvedAt', label: '解决时间', children: formatDateTime(ticket.resolvedAt) },
    { key: 'description', label: '问题描述', span: 'filled', children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{ticket.description}</Typography.Paragraph> },
  ];
  return <Descriptions id="ticket-fields" bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function History({ ticket }: { ticket: TicketDetailView }) {
  return (
    <Card size="small" title="处理记录" id="ticket-history">
      <Timeline
        className="ticket-timeline"
        items={ticket.events.map((event) => ({
          key: event.id,
          color: event.internal ? 'gray' : event.kind === 'escalated' ? 'red' : 'blue',
          content: (
            <Flex vertical className="ticket-event" data-kind={event.kind}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{ticketEventTitle(event)}</Typography.Text>
                {event.internal && <Tag className="ticket-event-internal">仅内部可见</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.actorName ?? (event.actorKind === 'system' ? '系统' : event.actorKind === 'member' ? '会员' : '')} · {formatDateTime(event.createdAt)}
                </Typography.Text>
              </Flex>
              {event.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

/** One ticket: its fields, the moves its status allows, assignment, notes and replies, compensation and the history. */
export function TicketDetailPage() {
  const allowed = useCan('service:ticket');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const now = useNow(30_000);
  const apply = useApply();
  const { data: ticket, error, isPending } = useQuery({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => getTicket(id, signal), enabled: allowed && id !== '' });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => (location.key !== 'default' ? navigate(-1) : navigate('/service/tickets'))}>
      返回
    </Button>
  );

  if (!allowed) return <Result status="403" title="没有权限处理工单" subTitle="工单仅对顾问、店长与管理员开放" />;
  if (error) {
    const status = isApiError(error) && error.status === 404 ? '404' : isApiError(error) && error.status === 403 ? '403' : 'error';
    return (
      <div id="ticket-error">
        <Result status={status} title="无法查看该工单" subTitle={error.message} extra={back} />
      </div>
    );
  }
  if (isPending) return <PageSpinner />;

  const open = ticket.status !== 'closed';
  return (
    <Flex vertical gap={16} id="ticket-detail" data-ticket-id={ticket.id}>
      <Flex gap={12} align="center" wrap>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }} id="ticket-title-text">
          {ticket.ticketNo} {ticket.title}
        </Typography.Title>
        <Tag id="ticket-status" color={TICKET_STATUS_COLORS[ticket.status]}>
          {TICKET_STATUS_LABELS[ticket.status]}
        </Tag>
        <Tag color={TICKET_PRIORITY_COLORS[ticket.priority]}>{TICKET_PRIORITY_LABELS[ticket.priority]}</Tag>
        {isTicketOpen(ticket.status) && <SlaText ticket={ticket} now={now} />}
      </Flex>
      <Card size="small">
        <Flex vertical gap={12}>
          <StatusActions ticket={ticket} onApplied={apply} />
          {open && <AssignBox ticket={ticket} onApplied={apply} />}
          <Fields ticket={ticket} editable={open} onApplied={apply} />
        </Flex>
      </Card>
      {ticket.csat && (
        <Card size="small" title="会员评价" id="ticket-csat">
          <Flex gap={12} align="center" wrap>
            <Rate disabled value={ticket.csat.score} />
            <Typography.Text strong>{CSAT_SCORE_LABELS[ticket.csat.score as keyof typeof CSAT_SCORE_LABELS] ?? ticket.csat.score}</Typography.Text>
            {ticket.csat.comment && <Typography.Text>“{ticket.csat.comment}”</Typography.Text>}
          </Flex>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <History ticket={ticket} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            {open && <NoteBox ticket={ticket} onApplied={apply} />}
            {open && <CompensationBox ticket={ticket} onApplied={apply} />}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
