import type { ChatMessageView, ChatReadEvent, ConversationView } from '@glow/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { serviceKeys, type InboxSearch } from '../../api/service.service';
import { applyMessageToInbox, hasConversation, mergeMessages, upsertConversation, withIncomingMessage, withRead } from './chat-state';

export interface InboxCache {
  /**
   * A conversation changed (a push or a mutation's answer): its detail and every inbox list follow. Answers whether it
   * joined a list that did not hold it (e.g. newly assigned to me).
   */
  applyConversation: (conversation: ConversationView) => boolean;
  /**
   * Messages arrived for a conversation: merged into its cached history, and its inbox entries moved on. Answers
   * whether any inbox list knew the conversation (a new one needs the lists read again).
   */
  applyMessages: (conversationId: string, messages: readonly ChatMessageView[], readingId: string | null) => boolean;
  applyRead: (event: ChatReadEvent) => void;
}

/** The chat workbench keeps its lists and histories in the query cache; pushes and answers are written into it here. */
export function useInboxCache(staffId: string): InboxCache {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const inboxLists = () => queryClient.getQueriesData<ConversationView[]>({ queryKey: serviceKeys.inboxes });
    const searchOf = (key: QueryKey) => key[2] as InboxSearch;

    return {
      applyConversation: (conversation) => {
        queryClient.setQueryData(serviceKeys.conversation(conversation.id), conversation);
        let joined = false;
        for (const [key, list] of inboxLists()) {
          if (!list) continue;
          const search = searchOf(key);
          const held = hasConversation(list, conversation.id);
          // A searched list only shows what the server found; a push never adds to it.
          if (search.q && !held) continue;
          const next = upsertConversation(list, conversation, search, staffId);
          joined ||= !held && hasConversation(next, conversation.id);
          queryClient.setQueryData(key, next);
        }
        return joined;
      },
      applyMessages: (conversationId, messages, readingId) => {
        if (messages.length === 0) return true;
        queryClient.setQueryData<ChatMessageView[]>(serviceKeys.messages(conversationId), (current) => (current ? mergeMessages(current, messages) : current));
        queryClient.setQueryData<ConversationView>(serviceKeys.conversation(conversationId), (current) =>
          current ? messages.reduce((next, message) => withIncomingMessage(next, message, readingId === conversationId), current) : current,
        );
        let known = false;
        for (const [key, list] of inboxLists()) {
          if (!list) continue;
          known ||= hasConversation(list, conversationId);
          const view = searchOf(key).view;
          queryClient.setQueryData(
            key,
            messages.reduce((next, message) => applyMessageToInbox(view, next, message, readingId), list),
          );
        }
        return known;
      },
      applyRead: (event) => {
        queryClient.setQueryData<ConversationView>(serviceKeys.conversation(event.conversationId), (current) => (current ? withRead(current, event) : current));
        for (const [key, list] of inboxLists()) {
          if (list) queryClient.setQueryData(key, list.map((conversation) => withRead(conversation, event)));
        }
      },
    };
  }, [queryClient, staffId]);
}
