import { useCallback, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import type { MemberTicketView } from '@glow/contracts';
import type { TicketStatus } from '@glow/domain';
import { errorMessage } from '../../../../services/http';
import { getMyTicket, replyToTicket, submitCsat } from '../../../../services/service.service';

export type TicketState = { status: 'loading' } | { status: 'ready'; ticket: MemberTicketView } | { status: 'error'; message: string };

export const REPLY_MAX_LENGTH = 1000;

/** The member may answer while the case is being handled or waits for them; the API moves it on to 处理中. */
const REPLYABLE: readonly TicketStatus[] = ['waiting_member', 'in_progress'];

export function canReply(ticket: Pick<MemberTicketView, 'status'>): boolean {
  return REPLYABLE.includes(ticket.status);
}

/** One of the member's tickets (`?id=`): its public history, a reply box, and the rating once resolved. */
export function useTicket() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<TicketState>({ status: 'loading' });
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);
  const [replyError, setReplyError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', message: '工单不存在' });
      return;
    }
    try {
      setState({ status: 'ready', ticket: await getMyTicket(id) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  useDidShow(() => {
    void load();
  });

  const sendReply = async () => {
    const text = reply.trim();
    if (!text || sending) return;
    setSending(true);
    setReplyError(null);
    try {
      setState({ status: 'ready', ticket: await replyToTicket(id, text) });
      setReply('');
    } catch (error) {
      setReplyError(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const rate = async (score: number, comment: string) => {
    const trimmed = comment.trim();
    await submitCsat({ subject: 'ticket', subjectId: id, score, ...(trimmed ? { comment: trimmed } : {}) });
  };

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    reply,
    setReply: (value: string) => {
      setReply(value.slice(0, REPLY_MAX_LENGTH));
      setReplyError(null);
    },
    sending,
    replyError,
    sendReply: () => void sendReply(),
    rate,
  };
}
