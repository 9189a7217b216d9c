import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CHAT_TEXT_MAX } from '@glow/domain';
import { Button } from '../../../../components/ui';
import { isReadByAdvisor } from '../../../../utils/chat-state';
import { ChatMessage, PendingBubble } from '../../components/chat-message';
import { useChat } from './use-chat';
import styles from './index.module.scss';

export default function ChatPage() {
  const page = useChat();
  const { load, chat, conversation, hours } = page;

  if (load.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (load.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='chat-error' className={styles.error}>
            {load.message}
          </Text>
          {load.notMember ? (
            <Button id='chat-join' type='primary' onClick={() => void Taro.redirectTo({ url: '/pages/join/index' })}>
              加入会员后咨询顾问
            </Button>
          ) : (
            <Button id='chat-retry' type='primary' fill='outline' onClick={page.retry}>
              重新加载
            </Button>
          )}
        </View>
      </View>
    );
  }

  const now = new Date();
  const handoverOpen = conversation === null || conversation.botActive;
  const empty = chat.messages.length === 0 && chat.pending.length === 0;
  return (
    <View id='chat' className={styles.page} data-connection={page.connection}>
      <View className={styles.notes}>
        {page.connection === 'offline' ? (
          <Text id='chat-connection' className={`${styles.note} ${styles.warn}`}>
            连接已断开，正在重新连接…
          </Text>
        ) : null}
        {hours && !hours.advisorsOnline ? (
          <Text id='chat-hours' className={styles.note}>
            当前暂无顾问在线（服务时间 {hours.serviceHours}），智能助手会先为你解答，顾问上线后尽快回复你。
          </Text>
        ) : null}
        {conversation?.advisorName && !conversation.botActive ? (
          <Text id='chat-advisor' className={styles.note}>
            顾问 {conversation.advisorName} 为你服务
          </Text>
        ) : null}
      </View>

      {page.hasOlder ? (
        <Text id='chat-older' className={styles.older} onClick={page.loadOlder}>
          {page.loadingOlder ? '加载中…' : '查看更早的消息'}
        </Text>
      ) : null}

      {empty ? (
        <Text id='chat-empty' className={styles.empty}>
          你好，有任何护肤、订单或预约的问题都可以问我们
        </Text>
      ) : null}

      <View id='chat-messages'>
        {chat.messages.map((message) => (
          <ChatMessage
            key={message.id}
            message={message}
            read={isReadByAdvisor(chat, message)}
            handoverOpen={handoverOpen}
            handingOver={page.handingOver}
            onHandover={page.handover}
            onPreview={(url) => void Taro.previewImage({ current: url, urls: page.imageUrls.length > 0 ? page.imageUrls : [url] })}
            onRate={page.rate}
            now={now}
          />
        ))}
        {chat.pending.map((pending) => (
          <PendingBubble key={pending.clientId} pending={pending} onRetry={() => page.retryPending(pending.clientId)} />
        ))}
      </View>

      {page.advisorTyping ? (
        <Text id='chat-typing' className={styles.typing}>
          顾问正在输入…
        </Text>
      ) : null}

      <View className={styles.spacer} />

      <View className={styles.bar}>
        {page.card ? (
          <View id='chat-card-offer' className={styles.offer}>
            <Text className={styles.offerText}>{page.card.type === 'booking' ? '把这个预约发给顾问？' : '把这件商品发给顾问？'}</Text>
            <Text className={styles.offerDismiss} onClick={page.dismissCard}>
              不用了
            </Text>
            <Button id='chat-card-send' type='primary' size='small' onClick={page.sendCard}>
              发送
            </Button>
          </View>
        ) : null}
        {page.inputError ? (
          <Text id='chat-input-error' className={styles.inputError}>
            {page.inputError}
          </Text>
        ) : null}
        <View className={styles.inputRow}>
          <View id='chat-image' className={`${styles.tool} ${page.uploading ? styles.toolBusy : ''}`} onClick={page.uploading ? undefined : page.sendImage}>
            <Text>{page.uploading ? '…' : '图'}</Text>
          </View>
          <Textarea
            id='chat-input'
            className={styles.input}
            value={page.draft}
            placeholder='请输入消息'
            maxlength={CHAT_TEXT_MAX}
            autoHeight
            // WeChat needs to be told that the textarea sits in a position: fixed bar.
            fixed
            onInput={(event) => page.edit(event.detail.value)}
          />
          <Button id='chat-send' className={styles.send} type='primary' size='small' disabled={page.draft.trim() === ''} onClick={page.sendText}>
            发送
          </Button>
        </View>
      </View>
    </View>
  );
}
