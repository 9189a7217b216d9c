import { CheckCircleOutlined, DeleteOutlined, ScanOutlined } from '@ant-design/icons';
import type { MemberAtTill, OrderView, StorePurchaseDto } from '@glow/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Result,
  Segmented,
  Table,
  Tag,
  Typography,
  type InputRef,
  type RefSelectProps,
  type TableColumnsType,
} from 'antd';
import { useRef, useState } from 'react';
import { couponKeys } from '../../api/coupon.service';
import { isApiError } from '../../api/http';
import { loyaltyTillKeys, resolveMemberCode } from '../../api/loyalty-till.service';
import { orderKeys, recordStorePurchase } from '../../api/order.service';
import { useCan } from '../../auth/permissions';
import { orderCouponText } from '../../shared/coupon-labels';
import { errorProblems } from '../../shared/error-details';
import { formatYuan } from '../../shared/format';
import { useIdempotencyKeys } from '../../shared/idempotency-key';
import { memberName } from '../../shared/loyalty-till-labels';
import { TillStorePicker, useTillStore } from '../../shared/till-store-picker';
import { ProductPicker } from './product-picker';
import { TillCouponPicker } from './till-coupon-picker';
import {
  addLine,
  buildStorePurchase,
  describeEarnedPoints,
  EMPTY_DRAFT,
  MAX_QUANTITY,
  MEMBER_CODE_MAX_LENGTH,
  normalizeMemberCode,
  purchaseTotals,
  removeLine,
  setLineQuantity,
  type PurchaseDraft,
  type PurchaseLine,
  type PurchaseMode,
} from './purchase-form';

const MODE_OPTIONS: { value: PurchaseMode; label: string }[] = [
  { value: 'items', label: '商品明细' },
  { value: 'receipt', label: '仅小票' },
];

/** The one purchase the till is recording; its idempotency key lasts until it is recorded. */
const PURCHASE = 'store-purchase';

/** The resolved member and the code that named them: the purchase is sent with that code. */
interface TillMember {
  code: string;
  member: MemberAtTill;
}

function TillMemberCard({ member, stale }: { member: MemberAtTill; stale: boolean }) {
  return (
    <Card id="till-member" size="small" title="会员信息" style={{ background: '#fff8fb' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'name', label: '会员', children: <Typography.Text strong>{memberName(member)}</Typography.Text> },
          { key: 'memberNo', label: '会员号', children: member.memberNo },
          { key: 'phone', label: '手机号', children: member.phoneMasked },
          { key: 'tier', label: '等级', children: <Tag color="magenta">{member.tier.name}</Tag> },
          { key: 'balance', label: '可用积分', children: member.balance.toLocaleString('zh-CN') },
          { key: 'pending', label: '待生效积分', children: member.pending.toLocaleString('zh-CN') },
        ]}
      />
      {stale && <Alert type="warning" showIcon title="会员码已失效，请让顾客刷新会员码后重新扫描，再提交本单" style={{ marginTop: 8 }} />}
    </Card>
  );
}

function PurchaseResult({ order, onNext }: { order: OrderView; onNext: () => void }) {
  return (
    <div id="purchase-result">
      <Result
        status="success"
        title="录入成功"
        subTitle={`订单号 ${order.orderNo}${order.receiptNo ? ` · 小票号 ${order.receiptNo}` : ''}`}
        extra={
          <Button id="purchase-next" type="primary" autoFocus onClick={onNext}>
            录入下一单
          </Button>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'member', label: '会员', children: `${memberName(order.member)}（${order.member.memberNo}）` },
            ...(order.coupons.length > 0
              ? [
                  {
                    key: 'coupons',
                    label: '使用优惠券',
                    children: (
                      <Flex vertical id="purchase-result-coupons">
                        {order.coupons.map((coupon) => (
                          <span key={coupon.id} className="purchase-result-coupon" data-coupon-code={coupon.code}>
                            {orderCouponText(coupon)}
                          </span>
                        ))}
                      </Flex>
                    ),
                  },
                ]
              : []),
            { key: 'total', label: '实付金额', children: <span id="purchase-result-total">{formatYuan(order.totalFen)}</span> },
            { key: 'points', label: '获得积分', children: <span id="purchase-result-points">{order.points.earned.toLocaleString('zh-CN')}</span> },
            { key: 'arrival', label: '积分到账', children: <span id="purchase-result-arrival">{describeEarnedPoints(order.points)}</span> },
          ]}
        />
      </Result>
    </div>
  );
}

/** The till: scan the member code, type the items or the receipt, record the purchase and tell the member their points. */
export function StorePurchasePage() {
  const allowed = useCan('order:record');
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const store = useTillStore();
  const codeRef = useRef<InputRef>(null);
  const productRef = useRef<RefSelectProps>(null);
  const receiptRef = useRef<InputRef>(null);

  const [codeText, setCodeText] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const [till, setTill] = useState<TillMember | null>(null);
  const [draft, setDraft] = useState<PurchaseDraft>(EMPTY_DRAFT);
  const [couponCodes, setCouponCodes] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<OrderView | null>(null);

  const purchase = useMutation({
    mutationFn: (body: StorePurchaseDto) => recordStorePurchase(body),
    onSuccess: async (order) => {
      keys.settle(PURCHASE);
      setRecorded(order);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.lists }),
        queryClient.invalidateQueries({ queryKey: loyaltyTillKeys.memberPoints(order.member.id) }),
        queryClient.invalidateQueries({ queryKey: couponKeys.memberCoupons(order.member.id) }),
      ]);
    },
    // An expired code is the usual failure when the order took long to type: the advisor scans a fresh one.
    onError: (error) => {
      if (isApiError(error) && error.code === 'MEMBER_CODE_INVALID') codeRef.current?.focus();
    },
  });

  const resolve = useMutation({
    mutationFn: (code: string) => resolveMemberCode({ code }),
    onSuccess: (member, code) => {
      // Coupons picked for the previous customer are theirs; a fresh scan of the same member keeps the picks.
      if (till?.member.id !== member.id) setCouponCodes([]);
      setTill({ code, member });
      // A purchase refused for the previous code is settled by the new one.
      if (purchase.isError) purchase.reset();
      setCodeText('');
      // The next thing the advisor does is the order itself.
      if (draft.mode === 'items') productRef.current?.focus();
      else receiptRef.current?.focus();
    },
    // A code that did not resolve must not leave the previous customer on screen.
    onError: () => {
      setTill(null);
      setCouponCodes([]);
    },
  });

  if (!allowed) return <Result status="403" title="没有权限录入消费" subTitle="门店收银仅对导购、店长与管理员开放" />;

  const update = (next: Partial<PurchaseDraft>) => setDraft((current) => ({ ...current, ...next }));
  const totals = purchaseTotals(draft);
  const failure = purchase.error;
  const failureCode = isApiError(failure) ? failure.code : null;
  const problems = errorProblems(failure);
  const noStore = store.choice.fixed && !store.storeId;

  const submitCode = () => {
    const code = normalizeMemberCode(codeText);
    if (!code) {
      setCodeProblem('请扫描或输入会员码');
      return;
    }
    setCodeProblem(null);
    resolve.mutate(code);
  };

  const submit = () => {
    const built = buildStorePurchase(draft, {
      memberCode: till?.code ?? null,
      storeId: store.requestStoreId,
      needsStore: !store.choice.fixed,
      idempotencyKey: keys.keyFor(PURCHASE),
      couponCodes,
    });
    if (!built.ok) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    purchase.mutate(built.body);
  };

  const next = () => {
    setRecorded(null);
    setTill(null);
    setCodeText('');
    setProblem(null);
    setDraft((current) => ({ ...EMPTY_DRAFT, mode: current.mode }));
    setCouponCodes([]);
    purchase.reset();
    resolve.reset();
  };

  if (recorded) {
    return (
      <Card title="门店收银">
        <PurchaseResult order={recorded} onNext={next} />
      </Card>
    );
  }

  const lineColumns: TableColumnsType<PurchaseLine> = [
    {
      title: '商品',
      key: 'product',
      render: (_, line) => (
        <Flex vertical>
          <span>{line.name}</span>
          <Typography.Text type="secondary">{line.sku}</Typography.Text>
        </Flex>
      ),
    },
    { title: '单价', dataIndex: 'unitPriceFen', key: 'price', width: 120, align: 'right', render: (fen: number) => formatYuan(fen) },
    {
      title: '数量',
      key: 'quantity',
      width: 120,
      render: (_, line) => (
        <InputNumber
          className="line-quantity"
          aria-label={`${line.name} 数量`}
          min={1}
          max={MAX_QUANTITY}
          precision={0}
          value={line.quantity}
          onChange={(value) => value !== null && update({ lines: setLineQuantity(draft.lines, line.productId, value) })}
          style={{ width: 88 }}
        />
      ),
    },
    { title: '小计', key: 'subtotal', width: 120, align: 'right', render: (_, line) => formatYuan(line.unitPriceFen * line.quantity) },
    {
      title: '',
      key: 'remove',
      width: 60,
      render: (_, line) => (
        <Button
          type="text"
          danger
          className="line-remove"
          aria-label={`移除 ${line.name}`}
          icon={<DeleteOutlined />}
          onClick={() => update({ lines: removeLine(draft.lines, line.productId) })}
        />
      ),
    },
  ];

  return (
    <Card
      id="store-purchase"
      title="门店收银"
      extra={
        !store.choice.fixed && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">门店</Typography.Text>
            <TillStorePicker id="purchase-store" till={store} />
          </Flex>
        )
      }
    >
      <Flex vertical gap={16}>
        {noStore && <Alert type="warning" showIcon title="您的账号尚未关联门店，请联系管理员。" />}
        {store.choice.error && <Alert type="error" showIcon title={store.choice.error.message} />}

        <Flex vertical gap={8}>
          <Typography.Text strong>1. 识别会员</Typography.Text>
          <Flex gap={8} wrap align="center">
            <Input
              id="member-code-input"
              ref={codeRef}
              autoFocus
              autoComplete="off"
              maxLength={MEMBER_CODE_MAX_LENGTH}
              placeholder="扫描或输入顾客小程序中的会员码"
              prefix={<ScanOutlined />}
              status={codeProblem || resolve.isError ? 'error' : undefined}
              value={codeText}
              onChange={(event) => {
                setCodeText(event.target.value);
                setCodeProblem(null);
              }}
              onPressEnter={submitCode}
              style={{ width: 320, fontSize: 16 }}
            />
            <Button id="member-code-resolve" loading={resolve.isPending} onClick={submitCode}>
              识别会员
            </Button>
            <Typography.Text type="secondary">会员码每分钟刷新，5 分钟内有效</Typography.Text>
          </Flex>
          {codeProblem && <Alert id="member-code-error" type="warning" showIcon title={codeProblem} />}
          {!codeProblem && resolve.isError && <Alert id="member-code-error" type="error" showIcon title={resolve.error.message} />}
          {till && <TillMemberCard member={till.member} stale={failureCode === 'MEMBER_CODE_INVALID'} />}
        </Flex>

        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>2. 录入消费</Typography.Text>
            <Segmented<PurchaseMode> id="purchase-mode" options={MODE_OPTIONS} value={draft.mode} onChange={(mode) => update({ mode })} />
          </Flex>
          {draft.mode === 'items' && (
            <>
              <ProductPicker selectRef={productRef} onPick={(product) => update({ lines: addLine(draft.lines, product) })} />
              <Table<PurchaseLine>
                id="purchase-lines"
                rowKey="productId"
                size="small"
                columns={lineColumns}
                dataSource={draft.lines}
                pagination={false}
                locale={{ emptyText: '尚未添加商品' }}
              />
            </>
          )}
          <Flex gap={16} wrap align="flex-start">
            <Flex vertical gap={4}>
              <Typography.Text>{draft.mode === 'items' ? '小票号（选填）' : '小票号'}</Typography.Text>
              <Input
                id="receipt-no"
                ref={receiptRef}
                autoComplete="off"
                maxLength={32}
                placeholder="收银小票上的单号"
                status={failureCode === 'ORDER_RECEIPT_USED' ? 'error' : undefined}
                value={draft.receiptNo}
                onChange={(event) => update({ receiptNo: event.target.value })}
                style={{ width: 220 }}
              />
              {failureCode === 'ORDER_RECEIPT_USED' && <Typography.Text type="danger">{failure?.message}</Typography.Text>}
            </Flex>
            {draft.mode === 'items' ? (
              <Flex vertical gap={4}>
                <Typography.Text>整单优惠（元，选填）</Typography.Text>
                <Input
                  id="discount-yuan"
                  prefix="¥"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="0.00"
                  status={totals.amountProblem ? 'error' : undefined}
                  value={draft.discountYuan}
                  onChange={(event) => update({ discountYuan: event.target.value })}
                  style={{ width: 160 }}
                />
              </Flex>
            ) : (
              <Flex vertical gap={4}>
                <Typography.Text>实付金额（元）</Typography.Text>
                <Input
                  id="total-yuan"
                  prefix="¥"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="0.00"
                  status={totals.amountProblem ? 'error' : undefined}
                  value={draft.totalYuan}
                  onChange={(event) => update({ totalYuan: event.target.value })}
                  style={{ width: 160 }}
                />
              </Flex>
            )}
          </Flex>
          {totals.amountProblem && <Typography.Text type="danger">{totals.amountProblem}</Typography.Text>}
          <Flex gap={24} align="baseline" wrap id="purchase-totals">
            {draft.mode === 'items' && (
              <>
                <span>商品合计 {formatYuan(totals.subtotalFen)}</span>
                {totals.discountFen > 0 && <span>优惠 -{formatYuan(totals.discountFen)}</span>}
              </>
            )}
            <Typography.Text strong style={{ fontSize: 18 }}>
              实付 <span id="purchase-total">{totals.totalFen === null ? '—' : formatYuan(totals.totalFen)}</span>
            </Typography.Text>
          </Flex>
        </Flex>

        {till && <TillCouponPicker key={till.member.id} memberId={till.member.id} selected={couponCodes} onChange={setCouponCodes} />}

        {problem && <Alert id="purchase-error" type="warning" showIcon title={problem} />}
        {!problem && failure && (
          <Alert
            id="purchase-error"
            type="error"
            showIcon
            title={failure.message}
            description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
          />
        )}
        <Flex>
          <Button
            id="purchase-submit"
            type="primary"
            size="large"
            icon={<CheckCircleOutlined />}
            loading={purchase.isPending}
            disabled={noStore}
            onClick={submit}
          >
            确认录入
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
