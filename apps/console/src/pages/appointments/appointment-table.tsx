import type { BookingView } from '@glow/contracts';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, WEEKDAY_LABELS } from '../../shared/labels';
import { bookingActions, memberLabel } from './booking-rules';
import { businessDate, businessTime, isoWeekday } from './business-time';
import type { BookingActionsApi } from './use-booking-actions';

export interface AppointmentTableProps {
  bookings: BookingView[];
  loading: boolean;
  canOperate: boolean;
  now: Date;
  actions: BookingActionsApi;
  onSelect: (booking: BookingView) => void;
  onComplete: (booking: BookingView) => void;
}

/** The calendar's bookings as rows, for scanning a day or a week and acting without opening each one. */
export function AppointmentTable({ bookings, loading, canOperate, now, actions, onSelect, onComplete }: AppointmentTableProps) {
  const columns: TableColumnsType<BookingView> = [
    {
      title: '日期',
      key: 'date',
      width: 130,
      render: (_, booking) => {
        const date = businessDate(booking.startsAt);
        return `${date} ${WEEKDAY_LABELS[isoWeekday(date)]}`;
      },
    },
    {
      title: '时间',
      key: 'time',
      width: 120,
      render: (_, booking) => `${businessTime(booking.startsAt)}–${businessTime(booking.endsAt)}`,
    },
    {
      title: '会员',
      key: 'member',
      render: (_, booking) => (
        <Flex vertical>
          <span>{memberLabel(booking.member)}</span>
          {booking.member && <Typography.Text type="secondary">{booking.member.memberNo}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '服务项目', key: 'service', render: (_, booking) => booking.service.name },
    { title: '美容顾问', key: 'advisor', width: 110, render: (_, booking) => booking.advisor.name },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: BookingView['status']) => <Tag color={BOOKING_STATUS_COLORS[status]}>{BOOKING_STATUS_LABELS[status]}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, booking) => {
        const allowed = bookingActions(booking, canOperate, now);
        const busy = actions.pendingId === booking.id;
        return (
          <Flex gap={0} wrap>
            <Button type="link" size="small" className="booking-row-view" onClick={() => onSelect(booking)}>
              详情
            </Button>
            {allowed.checkIn && (
              <Button
                type="link"
                size="small"
                className="booking-row-check-in"
                loading={busy && actions.checkIn.isPending}
                onClick={() => actions.checkIn.mutate(booking)}
              >
                签到
              </Button>
            )}
            {allowed.complete && (
              <Button type="link" size="small" className="booking-row-complete" onClick={() => onComplete(booking)}>
                完成服务
              </Button>
            )}
            {allowed.noShow && (
              <Button type="link" size="small" danger className="booking-row-no-show" onClick={() => actions.confirmNoShow(booking)}>
                未到店
              </Button>
            )}
            {allowed.cancel && (
              <Button type="link" size="small" danger className="booking-row-cancel" onClick={() => actions.confirmCancel(booking)}>
                取消
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Table<BookingView>
      id="appointment-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={bookings}
      loading={loading}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个预约` }}
      locale={{ emptyText: '该时间段没有预约' }}
      scroll={{ x: 960 }}
    />
  );
}
