import { Text } from '@tarojs/components';
import { TICKET_STATUS_LABELS, type TicketStatus } from '@glow/domain';
import styles from './index.module.scss';

/** A ticket's status as a coloured tag (待处理, 处理中, 等待会员回复, 已解决, 已关闭). */
export function TicketStatusTag({ id, status }: { id?: string; status: TicketStatus }) {
  return (
    <Text id={id} className={`ticket-status ${styles.tag} ${styles[status] ?? ''}`} data-status={status}>
      {TICKET_STATUS_LABELS[status]}
    </Text>
  );
}
