import { FlagFilled, UserOutlined } from '@ant-design/icons';
import type { ConversationStatus, ConversationView, InboxView } from '@glow/contracts';
import { CONVERSATION_STATUS_LABELS, CONVERSATION_STATUSES } from '@glow/domain';
import { Alert, Avatar, Badge, Empty, Flex, Input, Select, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { waitingText } from './chat-state';
import { CHANNEL_COLORS, CHANNEL_SHORT_LABELS, CONVERSATION_STATUS_COLORS } from './service-labels';

export const INBOX_TAB_LABELS: Record<InboxView, string> = { mine: '我的', queue: '待接入', store: '本店', all: '全部' };

const ALL_STATUSES = 'all';
const STATUS_OPTIONS = [{ value: ALL_STATUSES, label: '全部状态' }, ...CONVERSATION_STATUSES.map((status) => ({ value: status, label: CONVERSATION_STATUS_LABELS[status] }))];

/** Today's time, or the date of an older message. */
function activityTime(at: string, now: Date): string {
  const instant = dayjs(at);
  return instant.isSame(dayjs(now), 'day') ? instant.format('HH:mm') : instant.format('M/D');
}

function ConversationItem({ conversation, view, selected, now, onSelect }: { conversation: ConversationView; view: InboxView; selected: boolean; now: Date; onSelect: () => void }) {
  const waited = view === 'queue' ? waitingText(conversation.waitingSince, now) : null;
  return (
    <Flex
      gap={10}
      className={`conversation-item${selected ? ' conversation-item-selected' : ''}`}
      data-conversation-id={conversation.id}
      role="button"
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={(event) => event.key === 'Enter' && onSelect()}
      style={{ padding: '10px 8px', borderRadius: 8, cursor: 'pointer', background: selected ? '#fbe9f0' : undefined }}
    >
      <Badge count={conversation.unread} size="small" className="conversation-unread" offset={[-2, 2]}>
        <Avatar src={conversation.memberAvatarUrl ?? undefined} icon={<UserOutlined />} />
      </Badge>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Flex justify="space-between" gap={4}>
          <Typography.Text strong ellipsis className="conversation-name">
            {conversation.memberName ?? '访客'}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
            {conversation.lastMessage ? activityTime(conversation.lastMessage.at, now) : ''}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" ellipsis className="conversation-preview" style={{ fontSize: 12 }}>
          {conversation.lastMessage?.senderKind === 'bot' ? '[智能助手] ' : ''}
          {conversation.lastMessage?.preview ?? '暂无消息'}
        </Typography.Text>
        <Flex gap={4} wrap align="center">
          <Tag className="conversation-channel" color={CHANNEL_COLORS[conversation.channel]} style={{ marginInlineEnd: 0 }}>
            {CHANNEL_SHORT_LABELS[conversation.channel]}
          </Tag>
          {conversation.status !== 'open' && (
            <Tag className="conversation-status" color={CONVERSATION_STATUS_COLORS[conversation.status]} style={{ marginInlineEnd: 0 }}>
              {CONVERSATION_STATUS_LABELS[conversation.status]}
            </Tag>
          )}
          {conversation.flaggedCount > 0 && (
            <Tag className="conversation-flagged" color="red" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }}>
              待审核 {conversation.flaggedCount}
            </Tag>
          )}
          {waited && (
            <Typography.Text type="warning" className="conversation-waiting" style={{ fontSize: 12 }}>
              已等待 {waited}
            </Typography.Text>
          )}
          {(view === 'store' || view === 'all') && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {conversation.advisorName ?? '未分配'}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Flex>
  );
}

export interface InboxListProps {
  views: InboxView[];
  view: InboxView;
  onView: (view: InboxView) => void;
  badges: Partial<Record<InboxView, number>>;
  status: ConversationStatus | undefined;
  onStatus: (status: ConversationStatus | undefined) => void;
  search: string;
  onSearch: (search: string) => void;
  conversations: ConversationView[] | undefined;
  loading: boolean;
  error: Error | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: Date;
  header?: ReactNode;
}

/** The inbox column: the views as tabs with their badges, a status filter and search, then the conversations. */
export function InboxList(props: InboxListProps) {
  const { view, conversations, now } = props;
  return (
    <Flex vertical gap={8} id="inbox" style={{ height: '100%' }}>
      {props.header}
      <Tabs
        id="inbox-tabs"
        size="small"
        activeKey={view}
        onChange={(key) => props.onView(key as InboxView)}
        items={props.views.map((key) => ({
          key,
          label: (
            <span className={`inbox-tab inbox-tab-${key}`}>
              {INBOX_TAB_LABELS[key]} <Badge count={props.badges[key] ?? 0} size="small" className="inbox-tab-badge" />
            </span>
          ),
        }))}
        style={{ marginBottom: -8 }}
      />
      <Flex gap={6}>
        {view !== 'queue' && (
          <Select<string>
            id="inbox-status"
            size="small"
            value={props.status ?? ALL_STATUSES}
            options={STATUS_OPTIONS}
            onChange={(next) => props.onStatus(next === ALL_STATUSES ? undefined : (next as ConversationStatus))}
            style={{ width: 104 }}
          />
        )}
        <Input.Search id="inbox-search" size="small" allowClear placeholder="搜索会员" value={props.search} onChange={(event) => props.onSearch(event.target.value)} />
      </Flex>
      {props.error && <Alert type="error" showIcon title={props.error.message} />}
      <div id="inbox-list" style={{ flex: 1, overflowY: 'auto' }}>
        {props.loading && !conversations && <Spin />}
        {conversations?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view === 'queue' ? '没有等待接入的会话' : '没有会话'} />}
        {conversations?.map((conversation) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            view={view}
            selected={conversation.id === props.selectedId}
            now={now}
            onSelect={() => props.onSelect(conversation.id)}
          />
        ))}
      </div>
    </Flex>
  );
}
