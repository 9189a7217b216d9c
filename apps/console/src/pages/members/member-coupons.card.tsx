import { GiftOutlined } from '@ant-design/icons';
import type { IssueCouponDto, MemberCouponView } from '@glow/contracts';
import { COUPON_SOURCE_LABELS, COUPON_STATUS_LABELS } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Modal, Radio, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { couponKeys, issueCoupon, listCouponTemplates, listMemberCoupons, revokeCoupon, type CouponTemplateSearch } from '../../api/coupon.service';
import { COUPON_STATUS_COLORS } from '../../shared/coupon-labels';
import { errorProblems } from '../../shared/error-details';
import { EMPTY, formatDateTime, formatYuan } from '../../shared/format';
import { newIdempotencyKey } from '../../shared/idempotency-key';
import { buildIssueCoupon, COUPON_REASON_MAX, couponCounts, couponDates, couponReasonProblem, STAFF_ISSUE_SOURCES, type IssueFormValues } from './member-coupons';

const ACTIVE_TEMPLATES: CouponTemplateSearch = { status: 'active', page: 1, pageSize: 100 };
const SOURCE_OPTIONS = STAFF_ISSUE_SOURCES.map((source) => ({ value: source, label: COUPON_SOURCE_LABELS[source] }));

/** Issues one coupon; the form's idempotency key is made when it opens, so a retried submit never issues twice. */
function IssueCouponModal({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<IssueFormValues>({ templateCode: null, source: 'compensation', reason: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const templates = useQuery({ queryKey: couponKeys.templateList(ACTIVE_TEMPLATES), queryFn: ({ signal }) => listCouponTemplates(ACTIVE_TEMPLATES, signal) });

  const issue = useMutation({
    mutationFn: (body: IssueCouponDto) => issueCoupon(memberId, body),
    onSuccess: async (coupon) => {
      message.success(`已发放 ${coupon.template.name}（券码 ${coupon.code}）`);
      onClose();
      await queryClient.invalidateQueries({ queryKey: couponKeys.memberCoupons(memberId) });
    },
  });

  const update = (next: Partial<IssueFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setProblem(null);
  };

  const submit = () => {
    const built = buildIssueCoupon(values, idempotencyKey);
    if (!built.ok) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    issue.mutate(built.body);
  };

  const problems = errorProblems(issue.error);
  return (
    <Modal
      open
      title="发放优惠券"
      okText="发放"
      cancelText="取消"
      okButtonProps={{ id: 'coupon-issue-submit', loading: issue.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Flex vertical gap={12} id="coupon-issue-form">
        <Flex vertical gap={4}>
          <Typography.Text>优惠券</Typography.Text>
          <Select<string>
            id="coupon-issue-template"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择进行中的优惠券"
            loading={templates.isFetching}
            value={values.templateCode ?? undefined}
            options={(templates.data?.items ?? []).map((template) => ({
              value: template.code,
              label: `${template.name}（${template.code}）· ${template.face.headline} ${template.face.condition}`,
            }))}
            notFoundContent={templates.error ? `优惠券加载失败：${templates.error.message}` : '没有进行中的优惠券'}
            onChange={(templateCode) => update({ templateCode })}
          />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text>发放类型</Typography.Text>
          <Radio.Group id="coupon-issue-source" optionType="button" options={SOURCE_OPTIONS} value={values.source} onChange={(event) => update({ source: event.target.value as IssueFormValues['source'] })} />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text>发放原因</Typography.Text>
          <Input.TextArea
            id="coupon-issue-reason"
            rows={2}
            maxLength={COUPON_REASON_MAX}
            showCount
            placeholder="如：11 月 20 日到店等候过久，补偿致歉"
            value={values.reason}
            onChange={(event) => update({ reason: event.target.value })}
          />
        </Flex>
        <Typography.Text type="secondary">发放会记入审计日志；会员可在小程序「我的优惠券」中查看。</Typography.Text>
        {problem && <Alert id="coupon-issue-error" type="warning" showIcon title={problem} />}
        {!problem && issue.isError && (
          <Alert
            id="coupon-issue-error"
            type="error"
            showIcon
            title={issue.error.message}
            description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
          />
        )}
      </Flex>
    </Modal>
  );
}

function RevokeCouponModal({ memberId, coupon, onClose }: { memberId: string; coupon: MemberCouponView; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (text: string) => revokeCoupon(coupon.id, { reason: text }),
    onSuccess: async () => {
      message.success(`已作废 ${coupon.template.name}（券码 ${coupon.code}）`);
      onClose();
      await queryClient.invalidateQueries({ queryKey: couponKeys.memberCoupons(memberId) });
    },
  });

  const submit = () => {
    const found = couponReasonProblem(reason, '作废');
    setProblem(found);
    if (!found) revoke.mutate(reason.trim());
  };

  return (
    <Modal
      open
      title={`作废「${coupon.template.name}」？`}
      okText="作废"
      cancelText="返回"
      okButtonProps={{ id: 'coupon-revoke-submit', danger: true, loading: revoke.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Flex vertical gap={8}>
        <Typography.Text>
          券码 {coupon.code}，{couponDates(coupon)} 有效。作废后会员不能再使用，且不能恢复。
        </Typography.Text>
        <Input.TextArea
          id="coupon-revoke-reason"
          rows={2}
          maxLength={COUPON_REASON_MAX}
          showCount
          placeholder="作废原因，如：误发"
          status={problem ? 'error' : undefined}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setProblem(null);
          }}
        />
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        {revoke.isError && <Alert id="coupon-revoke-error" type="error" showIcon title={revoke.error.message} />}
      </Flex>
    </Modal>
  );
}

export interface MemberCouponsCardProps {
  memberId: string;
  /** Marketers, store managers and admins give an active member a compensation or goodwill coupon. */
  canIssue: boolean;
  /** Marketers and admins revoke an unused coupon. */
  canRevoke: boolean;
}

/** The member's coupons in every status, with issuing a compensation coupon and revoking an unused one. */
export function MemberCouponsCard({ memberId, canIssue, canRevoke }: MemberCouponsCardProps) {
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<MemberCouponView | null>(null);
  const { data: coupons, error, isPending } = useQuery({ queryKey: couponKeys.memberCoupons(memberId), queryFn: ({ signal }) => listMemberCoupons(memberId, signal) });

  const columns: TableColumnsType<MemberCouponView> = [
    {
      title: '优惠券',
      key: 'coupon',
      render: (_, coupon) => (
        <Flex vertical>
          <span>{coupon.template.name}</span>
          <Typography.Text type="secondary">
            {coupon.face.headline} · {coupon.face.condition}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '券码', dataIndex: 'code', key: 'code', width: 140, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, coupon) => (
        <Flex gap={4} wrap>
          <Tag className="member-coupon-status" color={COUPON_STATUS_COLORS[coupon.status]}>
            {COUPON_STATUS_LABELS[coupon.status]}
          </Tag>
          {coupon.expiringSoon && <Tag color="orange">即将过期</Tag>}
        </Flex>
      ),
    },
    { title: '来源', dataIndex: 'source', key: 'source', width: 100, render: (source: MemberCouponView['source']) => COUPON_SOURCE_LABELS[source] },
    { title: '有效期', key: 'validity', width: 210, render: (_, coupon) => couponDates(coupon) },
    {
      title: '使用',
      key: 'used',
      width: 170,
      render: (_, coupon) =>
        coupon.usedAt ? `${formatDateTime(coupon.usedAt)}${coupon.discountFen ? ` · 抵扣 ${formatYuan(coupon.discountFen)}` : ''}` : EMPTY,
    },
    { title: '获得时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    ...(canRevoke
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, coupon: MemberCouponView) =>
              coupon.status === 'available' ? (
                <Button type="link" size="small" danger className="member-coupon-revoke" onClick={() => setRevoking(coupon)}>
                  作废
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const counts = couponCounts(coupons ?? []);
  return (
    <Card
      title="优惠券"
      id="member-coupons"
      loading={isPending && !error}
      extra={
        canIssue && (
          <Button id="coupon-issue" icon={<GiftOutlined />} onClick={() => setIssuing(true)}>
            发放补偿券
          </Button>
        )
      }
    >
      {error && <Alert id="member-coupons-error" type="error" showIcon title={`优惠券加载失败：${error.message}`} />}
      {coupons && coupons.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无优惠券" />}
      {coupons && coupons.length > 0 && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary" id="member-coupon-counts">
            可使用 {counts.available} 张 · 已使用 {counts.used} 张 · 已过期或作废 {counts.lapsed} 张
          </Typography.Text>
          <Table<MemberCouponView>
            id="member-coupon-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={coupons}
            onRow={(coupon) => ({ 'data-coupon-code': coupon.code }) as HTMLAttributes<HTMLElement>}
            pagination={coupons.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
          />
        </Flex>
      )}
      {issuing && <IssueCouponModal memberId={memberId} onClose={() => setIssuing(false)} />}
      {revoking && <RevokeCouponModal key={revoking.id} memberId={memberId} coupon={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}
