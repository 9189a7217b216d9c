import type { ConversationView } from '@glow/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Empty, Flex, Input, Modal, Progress, Radio, Spin, Typography } from 'antd';
import { useState } from 'react';
import { listAdvisors, serviceKeys, transferConversation } from '../../api/service.service';
import { transferTargets } from './chat-state';

export interface TransferModalProps {
  conversation: ConversationView;
  onTransferred: (conversation: ConversationView) => void;
  onClose: () => void;
}

/** Hands the conversation to an available advisor of the store, showing how loaded each one is. */
export function TransferModal({ conversation, onTransferred, onClose }: TransferModalProps) {
  const { message } = App.useApp();
  const [advisorId, setAdvisorId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  // Presence changes by the minute: read it again whenever the dialog opens.
  const advisors = useQuery({ queryKey: serviceKeys.advisors, queryFn: ({ signal }) => listAdvisors(signal), staleTime: 0, refetchOnMount: 'always' });
  const targets = transferTargets(advisors.data ?? [], conversation.advisorId);
  const unavailable = (advisors.data ?? []).filter((advisor) => advisor.staffId !== conversation.advisorId).length - targets.length;

  const transfer = useMutation({
    mutationFn: (target: string) => transferConversation(conversation.id, { advisorId: target, note: note.trim() || undefined }),
    onSuccess: (next) => {
      message.success(`已转接给 ${next.advisorName ?? '顾问'}`);
      onTransferred(next);
      onClose();
    },
  });

  return (
    <Modal
      open
      title="转接会话"
      okText="转接"
      cancelText="取消"
      okButtonProps={{ id: 'transfer-submit', disabled: !advisorId, loading: transfer.isPending }}
      onOk={() => advisorId && transfer.mutate(advisorId)}
      onCancel={onClose}
    >
      <Flex vertical gap={12} id="transfer-dialog">
        {advisors.isPending ? (
          <Spin />
        ) : targets.length === 0 ? (
          <div id="transfer-empty">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可接待的顾问（需在线、接待中且未满额）" />
          </div>
        ) : (
          <Radio.Group id="transfer-advisors" value={advisorId} onChange={(event) => setAdvisorId(event.target.value as string)} style={{ width: '100%' }}>
            <Flex vertical gap={8}>
              {targets.map((advisor) => (
                <div key={advisor.staffId} className="transfer-advisor" data-staff-id={advisor.staffId}>
                  <Radio value={advisor.staffId}>
                    <Flex gap={12} align="center" style={{ minWidth: 320 }}>
                      <Typography.Text strong style={{ width: 80 }}>
                        {advisor.name}
                      </Typography.Text>
                      <Progress
                        percent={Math.round((advisor.openConversations / Math.max(advisor.capacity, 1)) * 100)}
                        showInfo={false}
                        size="small"
                        style={{ width: 100, margin: 0 }}
                      />
                      <Typography.Text type="secondary" className="transfer-load">
                        接待中 {advisor.openConversations}/{advisor.capacity}
                      </Typography.Text>
                    </Flex>
                  </Radio>
                </div>
              ))}
            </Flex>
          </Radio.Group>
        )}
        {unavailable > 0 && (
          <Typography.Text type="secondary" id="transfer-unavailable">
            另有 {unavailable} 位顾问离线、暂停接待或已满额，暂不能转接
          </Typography.Text>
        )}
        <Input.TextArea id="transfer-note" rows={2} maxLength={100} showCount placeholder="转接备注（选填），如：会员咨询敏感肌护理" value={note} onChange={(event) => setNote(event.target.value)} />
        {advisors.error && <Alert type="error" showIcon title={advisors.error.message} />}
        {transfer.error && <Alert id="transfer-error" type="error" showIcon title={transfer.error.message} />}
      </Flex>
    </Modal>
  );
}
