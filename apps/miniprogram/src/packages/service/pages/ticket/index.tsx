import { Text, Textarea, View } from '@tarojs/components';
import { TICKET_CATEGORY_LABELS } from '@glow/domain';
import { Button } from '../../../../components/ui';
import { formatStamp } from '../../../../utils/shanghai-time';
import { CsatCard } from '../../components/csat-card';
import { TicketStatusTag } from '../../components/ticket-status-tag';
import { REPLY_MAX_LENGTH, canReply, useTicket } from './use-ticket';
import styles from './index.module.scss';

export default function TicketPage() {
  const page = useTicket();
  const { state } = page;

  if (state.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='ticket-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='ticket-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  const { ticket } = state;
  const now = Date.now();
  return (
    <View id='ticket' className={styles.page} data-status={ticket.status}>
      <View className={styles.hero}>
        <View className={styles.heroHeader}>
          <Text id='ticket-title' className={styles.title}>
            {ticket.title}
          </Text>
          <TicketStatusTag id='ticket-status' status={ticket.status} />
        </View>
        <Text className={styles.meta}>
          {ticket.ticketNo} · {TICKET_CATEGORY_LABELS[ticket.category]} · 创建于 {formatStamp(ticket.createdAt)}
        </Text>
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>处理进度</Text>
        <View id='ticket-timeline'>
          {ticket.events.map((event, index) => (
            <View key={`${event.at}-${index}`} className={`ticket-event ${styles.event}`} data-kind={event.kind}>
              <View className={`${styles.dot} ${index === ticket.events.length - 1 ? styles.dotLatest : ''}`} />
              <View className={styles.eventBody}>
                <Text className={styles.eventMeta}>
                  {formatStamp(event.at)} · {event.byMember ? '我' : '客服'}
                </Text>
                <Text className={`ticket-event-text ${styles.eventText}`}>{event.text}</Text>
              </View>
            </View>
          ))}
        </View>
      </View>

      {canReply(ticket) ? (
        <View id='ticket-reply' className={styles.section}>
          <Text className={styles.sectionTitle}>{ticket.status === 'waiting_member' ? '顾问在等你的回复' : '补充说明'}</Text>
          <Textarea
            id='ticket-reply-input'
            className={styles.textarea}
            value={page.reply}
            placeholder='补充情况或回复顾问的问题'
            maxlength={REPLY_MAX_LENGTH}
            onInput={(event) => page.setReply(event.detail.value)}
          />
          {page.replyError ? (
            <Text id='ticket-reply-error' className={styles.error}>
              {page.replyError}
            </Text>
          ) : null}
          <Button id='ticket-reply-send' type='primary' block disabled={page.reply.trim() === ''} loading={page.sending} onClick={page.sendReply}>
            发送回复
          </Button>
        </View>
      ) : null}

      {ticket.csat || ticket.csatOpenUntil ? (
        <View className={styles.csat}>
          <CsatCard
            id='ticket-csat'
            title='为本次处理评分'
            until={ticket.csatOpenUntil}
            rated={ticket.csat?.score ?? null}
            expired={ticket.csatOpenUntil !== null && new Date(ticket.csatOpenUntil).getTime() < now}
            onSubmit={page.rate}
          />
        </View>
      ) : null}
    </View>
  );
}
