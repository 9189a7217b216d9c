import { CheckCircleFilled, ScanOutlined } from '@ant-design/icons';
import type { MemberCouponView } from '@glow/contracts';
import { MAX_COUPONS_PER_ORDER } from '@glow/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Input, Row, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { couponKeys, listMemberCoupons, resolveCoupon } from '../../api/coupon.service';
import { COUPON_CODE_PATTERN, normalizeCouponCode } from '../../shared/coupon-code';
import { CouponFaceView } from '../../shared/coupon-face';
import { availableCoupons, couponValidityText, scannedCouponProblem, toggleCouponCode } from './till-coupons';

function TillCouponCard({ coupon, checked, onToggle }: { coupon: MemberCouponView; checked: boolean; onToggle: () => void }) {
  return (
    <div
      className="till-coupon"
      data-coupon-code={coupon.code}
      role="checkbox"
      aria-checked={checked}
      aria-label={`${coupon.template.name} ${coupon.face.headline} ${coupon.face.condition}`}
      tabIndex={0}
      onClick={onToggle}
      onKeyDown={(event) => {
        if (event.key !== ' ' && event.key !== 'Enter') return;
        event.preventDefault();
        onToggle();
      }}
      style={{ cursor: 'pointer', borderRadius: 9, outline: checked ? '2px solid #b0456b' : '2px solid transparent' }}
    >
      <CouponFaceView face={coupon.face} name={coupon.template.name}>
        <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {couponValidityText(coupon, new Date())}
          </Typography.Text>
          {checked ? <CheckCircleFilled style={{ color: '#b0456b', fontSize: 18 }} /> : <span style={{ width: 18 }} />}
        </Flex>
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          {coupon.expiringSoon && <Tag color="orange">即将过期</Tag>}
          {coupon.template.stacking === 'exclusive' && <Tag>不可叠加</Tag>}
        </Flex>
      </CouponFaceView>
    </div>
  );
}

export interface TillCouponPickerProps {
  memberId: string;
  /** The codes going on the purchase. */
  selected: string[];
  onChange: (codes: string[]) => void;
}

/**
 * The member's available coupons as cards to tick, and a box for a coupon code the member shows (the QR in their
 * wallet). Whether the ticked coupons apply to the items, and for how much, is the API's to say on recording.
 */
export function TillCouponPicker({ memberId, selected, onChange }: TillCouponPickerProps) {
  const [codeText, setCodeText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Coupons scanned by code, shown with the member's own (also when that list could not be read).
  const [scanned, setScanned] = useState<MemberCouponView[]>([]);
  const coupons = useQuery({ queryKey: couponKeys.memberCoupons(memberId), queryFn: ({ signal }) => listMemberCoupons(memberId, signal) });

  const listed = availableCoupons(coupons.data ?? []);
  const cards = [...listed, ...scanned.filter((coupon) => !listed.some((known) => known.code === coupon.code))];

  const toggle = (code: string) => {
    const result = toggleCouponCode(selected, code);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    onChange(result.codes);
  };

  const resolve = useMutation({
    mutationFn: (code: string) => resolveCoupon({ code }),
    onSuccess: (found) => {
      const refusal = scannedCouponProblem(found, memberId);
      if (refusal) {
        setProblem(refusal);
        return;
      }
      setCodeText('');
      if (!cards.some((coupon) => coupon.code === found.coupon.code)) setScanned((current) => [...current, found.coupon]);
      if (selected.includes(found.coupon.code)) setProblem('该券已选择');
      else toggle(found.coupon.code);
    },
    onError: (error) => setProblem(error.message),
  });

  const submitCode = () => {
    const code = normalizeCouponCode(codeText);
    if (!COUPON_CODE_PATTERN.test(code)) {
      setProblem('请输入 12 位券码（字母或数字）');
      return;
    }
    setProblem(null);
    resolve.mutate(code);
  };

  return (
    <Flex vertical gap={8} id="till-coupons">
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>3. 使用优惠券</Typography.Text>
        <Typography.Text type="secondary" id="till-coupons-count">
          已选 {selected.length} 张，一单最多 {MAX_COUPONS_PER_ORDER} 张；抵扣金额以录入结果为准
        </Typography.Text>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Input
          id="till-coupon-code"
          autoComplete="off"
          maxLength={20}
          placeholder="扫描/输入券码"
          prefix={<ScanOutlined />}
          status={problem ? 'warning' : undefined}
          value={codeText}
          onChange={(event) => {
            setCodeText(event.target.value);
            setProblem(null);
          }}
          onPressEnter={submitCode}
          style={{ width: 260 }}
        />
        <Button id="till-coupon-resolve" loading={resolve.isPending} onClick={submitCode}>
          使用券码
        </Button>
      </Flex>
      {problem && <Alert id="till-coupon-error" type="warning" showIcon title={problem} />}
      {coupons.error && <Alert type="info" showIcon title={`无法读取会员的优惠券：${coupons.error.message}。可扫描会员出示的券码使用。`} />}
      {coupons.isPending && !coupons.error ? (
        <Spin size="small" />
      ) : (
        cards.length === 0 && !coupons.error && <Typography.Text type="secondary">该会员暂无可用的优惠券</Typography.Text>
      )}
      {cards.length > 0 && (
        <Row gutter={[12, 12]}>
          {cards.map((coupon) => (
            <Col key={coupon.code} xs={24} md={12} xxl={8}>
              <TillCouponCard coupon={coupon} checked={selected.includes(coupon.code)} onToggle={() => toggle(coupon.code)} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
