import { TagsOutlined } from '@ant-design/icons';
import type { CouponAtTill } from '@glow/contracts';
import { COUPON_KIND_LABELS, COUPON_STATUS_LABELS } from '@glow/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { couponKeys, redeemCoupon, resolveCoupon } from '../../api/coupon.service';
import { COUPON_CODE_PATTERN, normalizeCouponCode } from '../../shared/coupon-code';
import { CouponFaceView } from '../../shared/coupon-face';
import { COUPON_STATUS_COLORS } from '../../shared/coupon-labels';
import { memberName } from '../../shared/loyalty-till-labels';
import { TillStorePicker, useTillStore } from '../../shared/till-store-picker';
import { couponDates } from '../members/member-coupons';
import { inStoreRedeemProblem } from './redemption-rules';

/**
 * The counter's coupon check: scan or type the member's 12-character coupon code, see whose coupon it is and what it
 * gives, and redeem a gift or service coupon without a purchase (money-off coupons go with a purchase at the till).
 */
export function CouponRedeemBox() {
  const queryClient = useQueryClient();
  const store = useTillStore();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const redeem = useMutation({
    mutationFn: (found: CouponAtTill) => redeemCoupon({ code: found.coupon.code, ...(store.requestStoreId ? { storeId: store.requestStoreId } : {}) }),
    onSuccess: async (_, found) => {
      setCode('');
      resolve.reset();
      await queryClient.invalidateQueries({ queryKey: couponKeys.memberCoupons(found.member.id) });
    },
  });
  const resolve = useMutation({
    mutationFn: (typed: string) => resolveCoupon({ code: typed }),
    onMutate: () => redeem.reset(),
  });

  const submitCode = () => {
    const typed = normalizeCouponCode(code);
    if (!COUPON_CODE_PATTERN.test(typed)) {
      setProblem('请输入 12 位券码（字母或数字）');
      return;
    }
    setProblem(null);
    resolve.mutate(typed);
  };

  const found = resolve.data;
  const refusal = found ? inStoreRedeemProblem(found.coupon) : null;
  const redeemFound = () => {
    if (!found) return;
    if (!store.choice.fixed && !store.storeId) {
      setProblem('请先选择核销门店');
      return;
    }
    setProblem(null);
    redeem.mutate(found);
  };

  const done = redeem.isSuccess ? redeem.data : null;
  return (
    <Card
      id="coupon-redeem-box"
      size="small"
      title={
        <span>
          <TagsOutlined /> 券核销
        </span>
      }
      style={{ height: '100%' }}
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          {!store.choice.fixed && <TillStorePicker id="coupon-redeem-store" till={store} />}
          <Input
            id="coupon-redeem-code"
            autoComplete="off"
            maxLength={20}
            placeholder="扫描或输入 12 位券码"
            status={problem || resolve.isError ? 'error' : undefined}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setProblem(null);
            }}
            onPressEnter={submitCode}
            style={{ width: 260, fontSize: 16 }}
          />
          <Button id="coupon-redeem-resolve" loading={resolve.isPending} onClick={submitCode}>
            查询
          </Button>
        </Flex>
        <Typography.Text type="secondary">赠品券、服务券凭券码到店核销；满减券和折扣券请在门店收银时使用。</Typography.Text>
        {problem && <Alert id="coupon-redeem-error" type="warning" showIcon title={problem} />}
        {!problem && resolve.isError && <Alert id="coupon-redeem-error" type="error" showIcon title={resolve.error.message} />}
        {!problem && redeem.isError && <Alert id="coupon-redeem-error" type="error" showIcon title={redeem.error.message} />}
        {found && (
          <Flex vertical gap={8} id="coupon-redeem-found">
            <Flex gap={8} wrap align="center">
              <Typography.Text>
                会员 <Typography.Text strong>{memberName(found.member)}</Typography.Text>（{found.member.memberNo}）
              </Typography.Text>
              <Tag color={COUPON_STATUS_COLORS[found.coupon.status]}>{COUPON_STATUS_LABELS[found.coupon.status]}</Tag>
              <Tag>{COUPON_KIND_LABELS[found.coupon.template.kind]}</Tag>
            </Flex>
            <CouponFaceView face={found.coupon.face} name={found.coupon.template.name} description={found.coupon.template.description} showRules muted={refusal !== null}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                券码 {found.coupon.code} · {couponDates(found.coupon)}
              </Typography.Text>
            </CouponFaceView>
            {refusal && <Alert id="coupon-redeem-refusal" type="info" showIcon title={refusal} />}
            <Flex>
              <Button id="coupon-redeem-submit" type="primary" disabled={refusal !== null} loading={redeem.isPending} onClick={redeemFound}>
                核销
              </Button>
            </Flex>
          </Flex>
        )}
        {done && (
          <Alert
            id="coupon-redeem-result"
            type="success"
            showIcon
            title={`核销成功：${done.template.name}（${COUPON_KIND_LABELS[done.template.kind]}）`}
            description={`券码 ${done.code}${redeem.variables ? ` · ${memberName(redeem.variables.member)}（${redeem.variables.member.memberNo}）` : ''}`}
          />
        )}
      </Flex>
    </Card>
  );
}
