import { GiftOutlined, PictureOutlined, SendOutlined, ShoppingOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ChatMessageView, ConversationView } from '@glow/contracts';
import { CHAT_TEXT_MAX } from '@glow/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Popover, Tooltip, Typography } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { uploadChatImage } from '../../api/service.service';
import { CannedRepliesPicker, CouponModal, ProductCardModal } from './chat-pickers';
import { chatImageProblem, type OutgoingMessage, type WindowState } from './chat-state';

export type ComposerSend = (body: Omit<OutgoingMessage, 'clientId' | 'conversationId'>, preview: string) => void;

export interface ChatComposerProps {
  conversation: ConversationView;
  /** Why the advisor cannot write here (not theirs, not claimed yet), or null. */
  blockedReason: string | null;
  window: WindowState | null;
  canCompensate: boolean;
  onSend: ComposerSend;
  onTyping: () => void;
  onStopTyping: () => void;
  onCompensated: (message: ChatMessageView) => void;
}

type Picker = 'product' | 'coupon' | null;

/**
 * The reply box: Enter sends, Shift+Enter starts a new line (and Enter while an input method is composing Chinese
 * only confirms the characters). Images, product and coupon cards go out as their own messages.
 */
export function ChatComposer({ conversation, blockedReason, window, canCompensate, onSend, onTyping, onStopTyping, onCompensated }: ChatComposerProps) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [picker, setPicker] = useState<Picker>(null);
  const [cannedOpen, setCannedOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const windowClosed = window !== null && !window.open;
  const disabled = blockedReason !== null || windowClosed;
  const wechat = conversation.channel === 'wechat';

  const upload = useMutation({
    mutationFn: (file: File) => uploadChatImage(file, file.name),
    onSuccess: (image) => onSend({ type: 'image', imageId: image.imageId }, '[图片]'),
    onError: (error) => message.error(error.message),
  });

  const sendText = () => {
    const value = text.trim();
    if (disabled || value === '') return;
    onSend({ type: 'text', text: value }, value);
    setText('');
    onStopTyping();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    sendText();
  };

  const pickImage = (file: File | undefined) => {
    if (!file) return;
    const problem = chatImageProblem(file);
    if (problem) message.error(problem);
    else upload.mutate(file);
  };

  return (
    <Flex vertical gap={8} id="chat-composer" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      {window && (
        <div id="wechat-window" data-open={window.open ? 'true' : 'false'}>
          <Alert type={window.open ? 'info' : 'warning'} showIcon title={window.text} style={{ padding: '4px 12px' }} />
        </div>
      )}
      {blockedReason && (
        <Typography.Text id="composer-blocked" type="secondary">
          {blockedReason}
        </Typography.Text>
      )}
      <Flex gap={4} wrap>
        <Popover
          open={cannedOpen && !disabled}
          onOpenChange={setCannedOpen}
          trigger="click"
          placement="topLeft"
          content={
            <CannedRepliesPicker
              onInsert={(body) => {
                setText((current) => (current ? `${current}${body}` : body).slice(0, CHAT_TEXT_MAX));
                setCannedOpen(false);
              }}
            />
          }
        >
          <Button id="composer-canned" icon={<ThunderboltOutlined />} disabled={disabled}>
            快捷回复
          </Button>
        </Popover>
        <Tooltip title="JPG、PNG、WEBP 或 GIF，不超过 2MB">
          <Button id="composer-image" icon={<PictureOutlined />} disabled={disabled} loading={upload.isPending} onClick={() => fileInput.current?.click()}>
            图片
          </Button>
        </Tooltip>
        <input
          ref={fileInput}
          id="composer-image-input"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          style={{ display: 'none' }}
          onChange={(event) => {
            pickImage(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <Button id="composer-product" icon={<ShoppingOutlined />} disabled={disabled} onClick={() => setPicker('product')}>
          商品卡片
        </Button>
        {(!wechat || canCompensate) && (
          <Button id="composer-coupon" icon={<GiftOutlined />} disabled={disabled} onClick={() => setPicker('coupon')}>
            {wechat ? '补偿券' : '优惠券'}
          </Button>
        )}
      </Flex>
      <Input.TextArea
        id="composer-input"
        value={text}
        disabled={disabled}
        maxLength={CHAT_TEXT_MAX}
        autoSize={{ minRows: 3, maxRows: 6 }}
        placeholder={disabled ? '' : '输入回复，Enter 发送，Shift+Enter 换行'}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value) onTyping();
        }}
        onBlur={onStopTyping}
        onKeyDown={onKeyDown}
      />
      <Flex justify="flex-end">
        <Button id="composer-send" type="primary" icon={<SendOutlined />} disabled={disabled || text.trim() === ''} onClick={sendText}>
          发送
        </Button>
      </Flex>
      {picker === 'product' && (
        <ProductCardModal
          onClose={() => setPicker(null)}
          onPick={(product) => {
            onSend({ type: 'product', productId: product.id }, `[商品] ${product.name}`);
            setPicker(null);
          }}
        />
      )}
      {picker === 'coupon' && (
        <CouponModal
          conversationId={conversation.id}
          canSendCard={!wechat}
          canCompensate={canCompensate}
          onClose={() => setPicker(null)}
          onCompensated={onCompensated}
          onSendCard={(templateId, name) => {
            onSend({ type: 'coupon', couponTemplateId: templateId }, `[优惠券] ${name}`);
            setPicker(null);
          }}
        />
      )}
    </Flex>
  );
}
