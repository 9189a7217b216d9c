import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import type { BookingStatusValue, BookingView } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Select, Space, Spin, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { appointmentKeys, listAdvisorSchedules, listStaffBookings, type BookingSearch } from '../../api/appointment.service';
import { useCan } from '../../auth/permissions';
import { BOOKING_STATUS_LABELS } from '../../shared/labels';
import { AppointmentTable } from './appointment-table';
import { BookingDrawer } from './booking-drawer';
import { addDays, businessToday, formatBusinessDay, isBusinessDate, weekStart } from './business-time';
import { dayColumns } from './calendar-layout';
import { CalendarDayView } from './calendar-day-view';
import { CalendarWeekView } from './calendar-week-view';
import { CheckInBox } from './check-in-box';
import { StorePicker, useStoreChoice } from './store-picker';
import { useBookingActions } from './use-booking-actions';
import { useNow } from './use-now';

type CalendarView = 'day' | 'week';
type CalendarTab = 'calendar' | 'list';

const STATUSES = Object.keys(BOOKING_STATUS_LABELS) as BookingStatusValue[];
const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: BOOKING_STATUS_LABELS[status] }));
/** New bookings arrive from the mini-program all day; the calendar picks them up without a reload. */
const REFRESH_MS = 60_000;

interface CalendarParams {
  date: string;
  view: CalendarView;
  tab: CalendarTab;
  storeId: string | null;
  advisorId: string | null;
  status: BookingStatusValue | null;
}

function rangeTitle(view: CalendarView, date: string): string {
  if (view === 'day') return formatBusinessDay(date);
  const monday = weekStart(date);
  const [, fromMonth, fromDay] = monday.split('-').map(Number);
  const [, toMonth, toDay] = addDays(monday, 6).split('-').map(Number);
  return `${fromMonth}月${fromDay}日 – ${toMonth}月${toDay}日`;
}

export function AppointmentCalendarPage() {
  const canOperate = useCan('appointment:operate');
  const now = useNow();
  const today = businessToday(now);
  const [params, setParams] = useSearchParams();

  const requestedDate = params.get('date');
  const current: CalendarParams = {
    date: isBusinessDate(requestedDate) ? requestedDate : today,
    view: params.get('view') === 'week' ? 'week' : 'day',
    tab: params.get('tab') === 'list' ? 'list' : 'calendar',
    storeId: params.get('storeId'),
    advisorId: params.get('advisorId'),
    status: STATUSES.find((status) => status === params.get('status')) ?? null,
  };
  const { date, view, tab, advisorId, status } = current;
  const choice = useStoreChoice(current.storeId);
  const storeId = choice.storeId;

  const update = (next: Partial<CalendarParams>) => {
    const merged = { ...current, ...next };
    const result = new URLSearchParams();
    if (merged.date !== today) result.set('date', merged.date);
    if (merged.view !== 'day') result.set('view', merged.view);
    if (merged.tab !== 'calendar') result.set('tab', merged.tab);
    if (!choice.fixed && merged.storeId) result.set('storeId', merged.storeId);
    if (merged.advisorId) result.set('advisorId', merged.advisorId);
    if (merged.status) result.set('status', merged.status);
    setParams(result);
  };

  const [selected, setSelected] = useState<BookingView | null>(null);
  const [completing, setCompleting] = useState(false);
  const open = (booking: BookingView, complete = false) => {
    setSelected(booking);
    setCompleting(complete);
  };
  const actions = useBookingActions((updated) => setSelected((shown) => (shown?.id === updated.id ? updated : shown)));

  const from = view === 'day' ? date : weekStart(date);
  const search: BookingSearch = {
    from,
    to: view === 'day' ? date : addDays(from, 6),
    storeId: storeId ?? undefined,
    advisorId: advisorId ?? undefined,
    status: status ?? undefined,
  };
  const bookingsQuery = useQuery({
    queryKey: appointmentKeys.bookingList(search),
    queryFn: ({ signal }) => listStaffBookings(search, signal),
    enabled: storeId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const advisorsQuery = useQuery({
    queryKey: appointmentKeys.advisorSchedules(storeId ?? ''),
    queryFn: ({ signal }) => listAdvisorSchedules(storeId ?? '', signal),
    enabled: storeId !== null,
  });

  const bookings = bookingsQuery.data ?? [];
  const advisors = advisorsQuery.data ?? [];
  const step = view === 'day' ? 1 : 7;
  const error = choice.error ?? bookingsQuery.error ?? advisorsQuery.error;

  const calendar =
    view === 'day' ? (
      <CalendarDayView
        date={date}
        columns={dayColumns(advisors, bookings, date, advisorId ?? undefined)}
        bookings={bookings}
        now={now}
        onSelect={(booking) => open(booking)}
      />
    ) : (
      <CalendarWeekView date={date} today={today} bookings={bookings} onSelect={(booking) => open(booking)} onOpenDay={(day) => update({ date: day, view: 'day' })} />
    );

  return (
    <Flex vertical gap={16} id="appointment-calendar">
      {canOperate && <CheckInBox storeId={choice.fixed ? null : storeId} onOpen={(booking) => open(booking)} />}
      <Card
        title="预约日历"
        extra={
          <Space.Compact>
            <Button id="calendar-day-button" type={view === 'day' ? 'primary' : 'default'} onClick={() => update({ view: 'day' })}>
              日
            </Button>
            <Button id="calendar-week-button" type={view === 'week' ? 'primary' : 'default'} onClick={() => update({ view: 'week' })}>
              周
            </Button>
          </Space.Compact>
        }
      >
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={12} wrap align="center">
              <StorePicker choice={choice} onChange={(next) => update({ storeId: next, advisorId: null })} />
              <Select<string>
                id="appointment-advisor"
                allowClear
                placeholder="全部顾问"
                value={advisorId ?? undefined}
                options={advisors.map((advisor) => ({ value: advisor.advisorId, label: advisor.advisorName }))}
                onChange={(next) => update({ advisorId: next ?? null })}
                style={{ width: 160 }}
              />
              <Select<BookingStatusValue>
                id="appointment-status"
                allowClear
                placeholder="全部状态"
                value={status ?? undefined}
                options={STATUS_OPTIONS}
                onChange={(next) => update({ status: next ?? null })}
                style={{ width: 130 }}
              />
            </Flex>
            <Flex gap={8} wrap align="center">
              <Space.Compact>
                <Button id="calendar-prev" icon={<LeftOutlined />} onClick={() => update({ date: addDays(date, -step) })}>
                  {view === 'day' ? '前一天' : '上一周'}
                </Button>
                <Button id="calendar-today" onClick={() => update({ date: today })}>
                  {view === 'day' ? '今天' : '本周'}
                </Button>
                <Button id="calendar-next" onClick={() => update({ date: addDays(date, step) })}>
                  {view === 'day' ? '后一天' : '下一周'}
                  <RightOutlined />
                </Button>
              </Space.Compact>
              <DatePicker
                id="calendar-date"
                allowClear={false}
                value={dayjs(date)}
                format="YYYY-MM-DD"
                onChange={(picked) => picked && update({ date: picked.format('YYYY-MM-DD') })}
              />
              <Button
                aria-label="刷新"
                icon={<ReloadOutlined />}
                loading={bookingsQuery.isFetching}
                onClick={() => void bookingsQuery.refetch()}
              />
            </Flex>
          </Flex>
          <Typography.Title level={5} id="calendar-title" style={{ margin: 0 }}>
            {rangeTitle(view, date)}
            {date === today && view === 'day' && <Typography.Text type="secondary"> · 今天</Typography.Text>}
          </Typography.Title>
          {!canOperate && <Alert type="info" showIcon title="您可以查看预约；签到、完成服务与取消由门店人员操作。" />}
          {choice.fixed && !storeId && <Alert type="warning" showIcon title="您的账号尚未关联门店，请联系管理员。" />}
          {error && <Alert id="appointment-error" type="error" showIcon title={error.message} />}
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: key === 'list' ? 'list' : 'calendar' })}
            items={[
              {
                key: 'calendar',
                label: view === 'day' ? '日历' : '周历',
                children: <Spin spinning={bookingsQuery.isPending && storeId !== null}>{calendar}</Spin>,
              },
              {
                key: 'list',
                label: '预约列表',
                children: (
                  <AppointmentTable
                    bookings={bookings}
                    loading={bookingsQuery.isFetching}
                    canOperate={canOperate}
                    now={now}
                    actions={actions}
                    onSelect={(booking) => open(booking)}
                    onComplete={(booking) => open(booking, true)}
                  />
                ),
              },
            ]}
          />
        </Flex>
      </Card>
      <BookingDrawer
        booking={selected}
        canOperate={canOperate}
        now={now}
        actions={actions}
        completing={completing}
        onCompletingChange={setCompleting}
        onClose={() => setSelected(null)}
      />
    </Flex>
  );
}
