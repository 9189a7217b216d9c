import { SolutionOutlined, SwapOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import type { ChatMessageView, ConversationStatus, ConversationView } from '@glow/contracts';
import { CONVERSATION_LABEL_LENGTH, CONVERSATION_LABEL_MAX, CONVERSATION_STATUS_LABELS, CONVERSATION_STATUSES } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Divider, Flex, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  claimConversation,
  listConversationMessages,
  serviceKeys,
  setConversationLabels,
  setConversationStatus,
} from '../../api/service.service';
import { ChatComposer, type ComposerSend } from './chat-composer';
import { ChatMessageItem, PendingMessageItem } from './chat-message';
import { groupByDay, lastSeqOf, mergeMessages, wechatWindowState, type PendingMessage } from './chat-state';
import { CHANNEL_COLORS, CHANNEL_SHORT_LABELS } from './service-labels';
import { TransferModal } from './transfer.modal';

/** How many messages a conversation opens with, and how many more each 加载更早消息 brings. */
export const HISTORY_PAGE = 50;

const STATUS_OPTIONS = CONVERSATION_STATUSES.map((status) => ({ value: status, label: CONVERSATION_STATUS_LABELS[status] }));

export interface ConversationPanelProps {
  conversation: ConversationView;
  staffId: string;
  /** Store managers and admins act on conversations that are not theirs. */
  canSupervise: boolean;
  canTicket: boolean;
  canCompensate: boolean;
  /** The advisor is looking at the conversation (the tab is visible): what arrives is read. */
  visible: boolean;
  /** The chat socket is connected: the conversation is watched and caught up (`onWatch`) once its history is here. */
  connected: boolean;
  onWatch: (conversationId: string) => void;
  now: Date;
  memberTyping: boolean;
  pending: PendingMessage[];
  onSend: ComposerSend;
  onResend: (clientId: string) => void;
  onTyping: () => void;
  onStopTyping: () => void;
  onRead: (seq: number) => void;
  onConversation: (conversation: ConversationView) => void;
  onStored: (message: ChatMessageView) => void;
  onCreateTicket: () => void;
}

function Header({ conversation, canAct, canTicket, onConversation, onTransfer, onCreateTicket }: {
  conversation: ConversationView;
  canAct: boolean;
  canTicket: boolean;
  onConversation: (conversation: ConversationView) => void;
  onTransfer: () => void;
  onCreateTicket: () => void;
}) {
  const { message } = App.useApp();
  const claim = useMutation({
    mutationFn: () => claimConversation(conversation.id),
    onSuccess: (next) => {
      onConversation(next);
      message.success('已接入会话');
    },
    onError: (error) => message.error(error.message),
  });
  const status = useMutation({
    mutationFn: (next: ConversationStatus) => setConversationStatus(conversation.id, next),
    onSuccess: (next) => {
      onConversation(next);
      message.success(next.status === 'resolved' ? '已解决，已邀请会员评价' : `已设为${CONVERSATION_STATUS_LABELS[next.status]}`);
    },
    onError: (error) => message.error(error.message),
  });
  const labels = useMutation({
    mutationFn: (next: string[]) => setConversationLabels(conversation.id, next),
    onSuccess: onConversation,
    onError: (error) => message.error(error.message),
  });

  return (
    <Flex vertical gap={8} id="conversation-header">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={8} wrap>
          <Avatar src={conversation.memberAvatarUrl ?? undefined} icon={<UserOutlined />} />
          <Typography.Text strong id="conversation-member">
            {conversation.memberName ?? '访客'}
          </Typography.Text>
          {conversation.tierName && <Tag color="gold">{conversation.tierName}</Tag>}
          <Tag color={CHANNEL_COLORS[conversation.channel]}>{CHANNEL_SHORT_LABELS[conversation.channel]}</Tag>
          <Typography.Text type="secondary" id="conversation-advisor">
            {conversation.advisorName ? `接待：${conversation.advisorName}` : conversation.botActive ? '智能助手接待中' : '待接入'}
          </Typography.Text>
        </Space>
        <Space size={8} wrap>
          {conversation.advisorId === null && (
            <Button id="conversation-claim" type="primary" icon={<UserAddOutlined />} loading={claim.isPending} onClick={() => claim.mutate()}>
              接入
            </Button>
          )}
          {canAct && (
            <Button id="conversation-transfer" icon={<SwapOutlined />} onClick={onTransfer}>
              转接
            </Button>
          )}
          {canTicket && conversation.memberId && (
            <Button id="conversation-ticket" icon={<SolutionOutlined />} onClick={onCreateTicket}>
              创建工单
            </Button>
          )}
        </Space>
      </Flex>
      {canAct && (
        <Flex gap={8} wrap align="center">
          <Select<ConversationStatus>
            id="conversation-status"
            size="small"
            value={conversation.status}
            options={STATUS_OPTIONS}
            loading={status.isPending}
            onChange={(next) => status.mutate(next)}
            style={{ width: 110 }}
          />
          <Select<string[]>
            id="conversation-labels"
            size="small"
            mode="tags"
            maxCount={CONVERSATION_LABEL_MAX}
            placeholder="添加会话标签，回车确认"
            value={conversation.labels}
            loading={labels.isPending}
            tokenSeparators={[',', '，']}
            onChange={(next) => {
              const cleaned = [...new Set(next.map((label) => label.trim()).filter((label) => label !== ''))];
              if (cleaned.some((label) => label.length > CONVERSATION_LABEL_LENGTH)) {
                message.warning(`会话标签最多 ${CONVERSATION_LABEL_LENGTH} 个字`);
                return;
              }
              labels.mutate(cleaned);
            }}
            style={{ minWidth: 240, flex: 1 }}
          />
        </Flex>
      )}
    </Flex>
  );
}

/** The open conversation: who, its actions, the messages by day, and the reply box. */
export function ConversationPanel(props: ConversationPanelProps) {
  const { conversation, staffId, canSupervise, visible, connected, now, pending, onRead, onWatch } = props;
  const queryClient = useQueryClient();
  const [transferring, setTransferring] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const mine = conversation.advisorId === staffId;
  const canAct = mine || canSupervise;

  const { data: messages, error, isPending } = useQuery({
    queryKey: serviceKeys.messages(conversation.id),
    queryFn: async ({ signal }) => mergeMessages([], await listConversationMessages(conversation.id, { limit: HISTORY_PAGE }, signal)),
    // Pushes and the reconnect catch-up keep the history current while the workbench is open.
    staleTime: 60_000,
  });
  const lastSeq = lastSeqOf(messages);
  const loaded = messages !== undefined;

  useEffect(() => {
    if (connected && loaded) onWatch(conversation.id);
  }, [connected, loaded, conversation.id, onWatch]);

  // What the advisor sees is read: only the assigned advisor's reading moves the read position the member sees.
  useEffect(() => {
    if (mine && visible && lastSeq > conversation.advisorReadSeq) onRead(lastSeq);
  }, [mine, visible, lastSeq, conversation.advisorReadSeq, onRead]);

  const ownPending = pending.filter((item) => item.conversationId === conversation.id);
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastSeq, ownPending.length, conversation.id]);

  const loadOlder = async () => {
    const first = messages?.[0];
    if (!first) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const older = await listConversationMessages(conversation.id, { beforeSeq: first.seq, limit: HISTORY_PAGE });
      queryClient.setQueryData<ChatMessageView[]>(serviceKeys.messages(conversation.id), (current) => mergeMessages(current ?? [], older));
    } catch (failure) {
      setOlderError(failure instanceof Error ? failure.message : '加载失败');
    } finally {
      setLoadingOlder(false);
    }
  };

  const window = wechatWindowState(conversation.wechatWindow, now);
  const blockedReason = mine
    ? null
    : conversation.advisorId === null
      ? '接入会话后才能回复'
      : `该会话由 ${conversation.advisorName ?? '其他顾问'} 接待，转接给您后才能回复`;

  return (
    <Card id="conversation-panel" data-conversation-id={conversation.id} size="small" style={{ height: '100%' }} styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}>
      <Header
        conversation={conversation}
        canAct={canAct}
        canTicket={props.canTicket}
        onConversation={props.onConversation}
        onTransfer={() => setTransferring(true)}
        onCreateTicket={props.onCreateTicket}
      />
      <Divider style={{ margin: 0 }} />
      <div id="message-list" ref={listRef} style={{ flex: 1, overflowY: 'auto', minHeight: 240, padding: '0 4px' }}>
        {error && <Alert type="error" showIcon title={error.message} />}
        {isPending && !error && <Spin />}
        {messages && messages.length > 0 && messages[0].seq > 1 && (
          <Flex justify="center">
            <Button id="message-older" type="link" size="small" loading={loadingOlder} onClick={() => void loadOlder()}>
              加载更早消息
            </Button>
          </Flex>
        )}
        {olderError && <Alert type="error" showIcon title={olderError} />}
        {groupByDay(messages ?? [], now).map((day) => (
          <div key={day.day} className="message-day-group" data-day={day.day}>
            <Divider plain className="message-day" style={{ margin: '8px 0', fontSize: 12 }}>
              {day.label}
            </Divider>
            {day.messages.map((message) => (
              <ChatMessageItem key={message.id} message={message} memberReadSeq={conversation.memberReadSeq} />
            ))}
          </div>
        ))}
        {ownPending.map((item) => (
          <PendingMessageItem key={item.clientId} pending={item} onResend={props.onResend} />
        ))}
      </div>
      {props.memberTyping && (
        <Typography.Text id="member-typing" type="secondary" style={{ fontSize: 12 }}>
          对方正在输入…
        </Typography.Text>
      )}
      <ChatComposer
        key={conversation.id}
        conversation={conversation}
        blockedReason={blockedReason}
        window={window}
        canCompensate={props.canCompensate}
        onSend={props.onSend}
        onTyping={props.onTyping}
        onStopTyping={props.onStopTyping}
        onCompensated={props.onStored}
      />
      {transferring && <TransferModal conversation={conversation} onTransferred={props.onConversation} onClose={() => setTransferring(false)} />}
    </Card>
  );
}
