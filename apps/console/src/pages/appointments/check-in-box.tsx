import { CheckCircleOutlined, ScanOutlined } from '@ant-design/icons';
import type { BookingView } from '@glow/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { appointmentKeys, checkInBooking } from '../../api/appointment.service';
import { CHECK_IN_CODE_PATTERN, memberLabel, normalizeCheckInCode } from './booking-rules';
import { formatBookingTime } from './business-time';

export interface CheckInBoxProps {
  /** Sent with the code for staff without a store of their own (admins check in at the store they are looking at). */
  storeId: string | null;
  /** Opens the checked-in booking in the drawer. */
  onOpen: (booking: BookingView) => void;
}

/** The counter's check-in: type, paste or scan (a scanner types and presses Enter) the member's 6-digit code. */
export function CheckInBox({ storeId, onOpen }: CheckInBoxProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | null>(null);

  const checkIn = useMutation({
    mutationFn: (typed: string) => checkInBooking(storeId ? { code: typed, storeId } : { code: typed }),
    onSuccess: async (booking) => {
      message.success(`${memberLabel(booking.member)} 签到成功`);
      setCode('');
      await queryClient.invalidateQueries({ queryKey: appointmentKeys.bookings });
    },
  });

  const submit = () => {
    const typed = normalizeCheckInCode(code);
    if (!CHECK_IN_CODE_PATTERN.test(typed)) {
      setFormatError('请输入 6 位数字签到码');
      return;
    }
    setFormatError(null);
    checkIn.mutate(typed);
  };

  const booking = checkIn.data;
  return (
    <Card id="check-in-box" size="small" title={<span><ScanOutlined /> 到店签到</span>}>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Input
            id="check-in-code"
            value={code}
            inputMode="numeric"
            autoComplete="off"
            placeholder="输入或粘贴 6 位签到码"
            status={formatError ? 'error' : undefined}
            onChange={(event) => {
              setCode(normalizeCheckInCode(event.target.value));
              setFormatError(null);
            }}
            onPressEnter={submit}
            style={{ width: 240, fontSize: 18, letterSpacing: code ? 4 : undefined }}
          />
          <Button id="check-in-submit" type="primary" icon={<CheckCircleOutlined />} loading={checkIn.isPending} onClick={submit}>
            签到
          </Button>
          <Typography.Text type="secondary">会员可在小程序「我的预约」中查看签到码或二维码，预约开始前 2 小时内可签到</Typography.Text>
        </Flex>
        {formatError && <Alert id="check-in-error" type="warning" showIcon title={formatError} />}
        {!formatError && checkIn.isError && <Alert id="check-in-error" type="error" showIcon title={checkIn.error.message} />}
        {!formatError && booking && !checkIn.isPending && !checkIn.isError && (
          <Alert
            id="check-in-result"
            type="success"
            showIcon
            title={`签到成功：${memberLabel(booking.member)} · ${booking.service.name}`}
            description={[
              formatBookingTime(booking),
              `美容顾问 ${booking.advisor.name}`,
              booking.member?.nickname && booking.member.nickname !== memberLabel(booking.member) ? `昵称 ${booking.member.nickname}` : null,
              booking.member ? `会员号 ${booking.member.memberNo}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            action={
              <Button size="small" onClick={() => onOpen(booking)}>
                查看详情
              </Button>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
