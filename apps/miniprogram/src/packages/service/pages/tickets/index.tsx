import { Text, View } from '@tarojs/components';
import { TICKET_CATEGORY_LABELS } from '@glow/domain';
import { Button } from '../../../../components/ui';
import { formatStamp } from '../../../../utils/shanghai-time';
import { TicketStatusTag } from '../../components/ticket-status-tag';
import { useTickets } from './use-tickets';
import styles from './index.module.scss';

export default function TicketsPage() {
  const page = useTickets();
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
          <Text id='tickets-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='tickets-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  if (state.tickets.length === 0) {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='tickets-empty' className={styles.empty}>
            暂无工单
          </Text>
          <Text className={styles.hint}>遇到产品、订单或到店服务的问题，可以先联系在线客服</Text>
          <Button id='tickets-chat' type='primary' fill='outline' onClick={page.goChat}>
            在线客服
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View id='tickets' className={styles.page}>
      {state.tickets.map((ticket) => (
        <View key={ticket.id} className={`ticket-item ${styles.item}`} data-ticket-id={ticket.id} data-status={ticket.status} onClick={() => void page.open(ticket.id)}>
          <View className={styles.itemHeader}>
            <Text className={`ticket-title ${styles.title}`}>{ticket.title}</Text>
            <TicketStatusTag status={ticket.status} />
          </View>
          <Text className={styles.meta}>
            {ticket.ticketNo} · {TICKET_CATEGORY_LABELS[ticket.category]}
          </Text>
          <Text className={styles.meta}>更新于 {formatStamp(ticket.updatedAt)}</Text>
          {ticket.status === 'waiting_member' ? <Text className={styles.action}>顾问在等你的回复 ›</Text> : null}
          {ticket.csatOpenUntil ? <Text className={styles.action}>请为处理结果评分 ›</Text> : null}
        </View>
      ))}
    </View>
  );
}
