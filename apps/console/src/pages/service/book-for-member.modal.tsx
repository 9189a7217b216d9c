import type { BookingView, CreateBookingDto } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Flex, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { appointmentKeys, listServices } from '../../api/appointment.service';
import { bookForMember, serviceKeys } from '../../api/service.service';
import { listStores, storeKeys } from '../../api/store.service';
import { DateTimeField } from '../loyalty/date-time-field';

export interface BookForMemberModalProps {
  memberId: string;
  /** The store to offer first (the conversation's or the advisor's). */
  defaultStoreId: string | null;
  /** Whether a booking card can follow in the conversation (not over WeChat customer service). */
  canSendCard: boolean;
  onBooked: (booking: BookingView, sendCard: boolean) => void;
  onClose: () => void;
}

/**
 * Books a service on the member's behalf: store, service, time. Staff have no free-slot list of their own, so the time
 * is typed and the API says when it does not work (taken, outside hours, too soon), with its message.
 */
export function BookForMemberModal({ memberId, defaultStoreId, canSendCard, onBooked, onClose }: BookForMemberModalProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [storeId, setStoreId] = useState<string | null>(defaultStoreId);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [sendCard, setSendCard] = useState(canSendCard);
  const stores = useQuery({ queryKey: storeKeys.all, queryFn: ({ signal }) => listStores(signal) });
  const services = useQuery({ queryKey: appointmentKeys.services, queryFn: ({ signal }) => listServices(signal) });
  const offered = (services.data ?? []).filter((service) => service.active && (!storeId || service.storeIds.includes(storeId)));

  const book = useMutation({
    mutationFn: (body: CreateBookingDto) => bookForMember(memberId, body),
    onSuccess: async (booking) => {
      message.success(`已为会员预约 ${booking.service.name}`);
      onBooked(booking, canSendCard && sendCard);
      onClose();
      await queryClient.invalidateQueries({ queryKey: serviceKeys.customer360(memberId) });
      await queryClient.invalidateQueries({ queryKey: appointmentKeys.bookings });
    },
  });

  const ready = storeId !== null && serviceId !== null && startsAt !== null;
  return (
    <Modal
      open
      title="代客预约"
      okText="预约"
      cancelText="取消"
      okButtonProps={{ id: 'book-submit', disabled: !ready, loading: book.isPending }}
      onOk={() => ready && book.mutate({ storeId, serviceId, startsAt })}
      onCancel={onClose}
    >
      <Flex vertical gap={12} id="book-form">
        <Flex vertical gap={4}>
          <Typography.Text>门店</Typography.Text>
          <Select<string>
            id="book-store"
            value={storeId ?? undefined}
            placeholder="选择门店"
            loading={stores.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={(stores.data ?? []).map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` }))}
            onChange={(next) => {
              setStoreId(next);
              setServiceId(null);
            }}
          />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text>服务项目</Typography.Text>
          <Select<string>
            id="book-service"
            value={serviceId ?? undefined}
            placeholder="选择服务"
            loading={services.isFetching}
            options={offered.map((service) => ({ value: service.id, label: `${service.name}（${service.durationMin} 分钟）` }))}
            notFoundContent={services.error ? `服务加载失败：${services.error.message}` : '该门店暂无可预约的服务'}
            onChange={setServiceId}
          />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text>到店时间</Typography.Text>
          <DateTimeField id="book-time" value={startsAt} onChange={setStartsAt} placeholder="选择日期和时间" />
        </Flex>
        {canSendCard && (
          <Checkbox id="book-send-card" checked={sendCard} onChange={(event) => setSendCard(event.target.checked)}>
            预约成功后在会话中发送预约卡片
          </Checkbox>
        )}
        {book.error && <Alert id="book-error" type="error" showIcon title={book.error.message} />}
      </Flex>
    </Modal>
  );
}
