import type { AdjustPointsDto, PointsEntryView, PointsLotView, StaffMemberPoints } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, InputNumber, Progress, Row, Statistic, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { adjustMemberPoints, getMemberPoints, loyaltyTillKeys } from '../../api/loyalty-till.service';
import { errorProblems } from '../../shared/error-details';
import { EMPTY, formatDate, formatDateTime, formatYuan } from '../../shared/format';
import { useIdempotencyKeys } from '../../shared/idempotency-key';
import { POINTS_LOT_STATUS_COLORS, POINTS_LOT_STATUS_LABELS, signedPoints } from '../../shared/loyalty-till-labels';
import { ADJUST_REASON_MAX, checkAdjustment, MAX_ADJUST, tierPercent, tierProgressText } from './member-points';

type TierChange = StaffMemberPoints['tierHistory'][number];

function Delta({ value }: { value: number }) {
  if (value === 0) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  return <Typography.Text type={value > 0 ? 'success' : 'danger'}>{signedPoints(value)}</Typography.Text>;
}

const entryColumns: TableColumnsType<PointsEntryView> = [
  { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '类型', dataIndex: 'label', key: 'label', width: 110, render: (label: string) => <Tag className="points-entry-label">{label}</Tag> },
  { title: '可用积分', dataIndex: 'delta', key: 'delta', width: 100, align: 'right', render: (delta: number) => <Delta value={delta} /> },
  { title: '待生效积分', dataIndex: 'pendingDelta', key: 'pendingDelta', width: 110, align: 'right', render: (delta: number) => <Delta value={delta} /> },
  { title: '说明', dataIndex: 'reason', key: 'reason' },
];

const lotColumns: TableColumnsType<PointsLotView> = [
  { title: '获得时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '来源', dataIndex: 'reason', key: 'reason' },
  { title: '获得', dataIndex: 'earned', key: 'earned', width: 90, align: 'right', render: (points: number) => points.toLocaleString('zh-CN') },
  { title: '剩余', dataIndex: 'remaining', key: 'remaining', width: 90, align: 'right', render: (points: number) => points.toLocaleString('zh-CN') },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: PointsLotView['status']) => <Tag color={POINTS_LOT_STATUS_COLORS[status]}>{POINTS_LOT_STATUS_LABELS[status]}</Tag>,
  },
  { title: '生效时间', dataIndex: 'activatesAt', key: 'activatesAt', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '到期时间', dataIndex: 'expiresAt', key: 'expiresAt', width: 150, render: (at: string) => formatDateTime(at) },
];

const tierColumns: TableColumnsType<TierChange> = [
  { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '变动', key: 'change', render: (_, change) => `${change.from ?? '入会'} → ${change.to}` },
  { title: '近 12 个月消费', dataIndex: 'spendFen', key: 'spend', width: 140, align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '原因', dataIndex: 'reason', key: 'reason' },
];

function PointsSummaryView({ points, memberId }: { points: StaffMemberPoints; memberId: string }) {
  const { summary } = points;
  const tier = summary.tier;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="可用积分" value={summary.balance} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="待生效积分" value={summary.pending} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="欠分" value={summary.debt} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="即将过期"
            value={summary.expiringSoon ? summary.expiringSoon.points : 0}
            suffix={summary.expiringSoon ? <Typography.Text type="secondary" style={{ fontSize: 14 }}>{formatDate(summary.expiringSoon.expiresAt)} 到期</Typography.Text> : undefined}
          />
        </Col>
      </Row>
      <Flex vertical gap={4} id="member-tier">
        <Flex gap={12} align="center" wrap>
          <Typography.Text>会员等级</Typography.Text>
          <Tag color="magenta">{tier.tier.name}</Tag>
          <Typography.Text type="secondary">近 12 个月消费 {formatYuan(tier.qualifyingSpendFen)}</Typography.Text>
          <Link to={`/orders?memberId=${memberId}`}>查看订单</Link>
        </Flex>
        <Progress percent={tierPercent(tier)} showInfo={false} strokeColor="#b0456b" style={{ maxWidth: 480 }} />
        <Typography.Text id="tier-next">{tierProgressText(tier)}</Typography.Text>
        {tier.downgradeOn && (
          <Alert type="warning" showIcon title={`近 12 个月消费已低于 ${tier.tier.name} 门槛，最早 ${tier.downgradeOn} 降级`} style={{ maxWidth: 480 }} />
        )}
      </Flex>
    </Flex>
  );
}

function AdjustForm({ memberId }: { memberId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [delta, setDelta] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const adjust = useMutation({
    mutationFn: (body: AdjustPointsDto) => adjustMemberPoints(memberId, body),
    onSuccess: (points, body) => {
      keys.settle(memberId);
      queryClient.setQueryData(loyaltyTillKeys.memberPoints(memberId), points);
      setDelta(null);
      setReason('');
      message.success(`已调整 ${signedPoints(body.delta)} 积分`);
    },
  });

  const submit = () => {
    const checked = checkAdjustment(delta, reason);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    adjust.mutate({ delta: checked.delta, reason: checked.reason, idempotencyKey: keys.keyFor(memberId) });
  };

  const problems = errorProblems(adjust.error);
  return (
    <Flex vertical gap={12} id="points-adjust" style={{ maxWidth: 520 }}>
      <Typography.Text type="secondary">人工调整会记入审计日志；扣减按先到期先扣的顺序，积分不会被扣成负数。</Typography.Text>
      <Flex gap={8} wrap>
        <InputNumber
          id="points-adjust-delta"
          aria-label="调整积分"
          placeholder="如 200 或 -200"
          min={-MAX_ADJUST}
          max={MAX_ADJUST}
          precision={0}
          value={delta}
          onChange={(value) => setDelta(value)}
          style={{ width: 160 }}
        />
        <Input
          id="points-adjust-reason"
          aria-label="调整原因"
          placeholder="调整原因，如：线下活动补发"
          maxLength={ADJUST_REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onPressEnter={submit}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button id="points-adjust-submit" type="primary" loading={adjust.isPending} onClick={submit}>
          确认调整
        </Button>
      </Flex>
      {problem && <Alert id="points-adjust-error" type="warning" showIcon title={problem} />}
      {!problem && adjust.isError && (
        <Alert
          id="points-adjust-error"
          type="error"
          showIcon
          title={adjust.error.message}
          description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
        />
      )}
    </Flex>
  );
}

export interface MemberPointsCardProps {
  memberId: string;
  /** Admins adjust the points of an active member. */
  adjustable: boolean;
}

/** The member's points: balance and tier progress, the ledger, the lots behind the balance, tier changes, and adjustments. */
export function MemberPointsCard({ memberId, adjustable }: MemberPointsCardProps) {
  const { data: points, error, isPending } = useQuery({
    queryKey: loyaltyTillKeys.memberPoints(memberId),
    queryFn: ({ signal }) => getMemberPoints(memberId, signal),
  });

  return (
    <Card title="积分与等级" id="member-points" loading={isPending && !error}>
      {error && <Alert id="member-points-error" type="error" showIcon title={`积分加载失败：${error.message}`} />}
      {points && (
        <Flex vertical gap={16}>
          <PointsSummaryView points={points} memberId={memberId} />
          <Tabs
            items={[
              {
                key: 'ledger',
                label: '积分明细',
                children: (
                  <Table<PointsEntryView>
                    id="points-ledger"
                    rowKey="id"
                    size="small"
                    columns={entryColumns}
                    dataSource={points.entries}
                    pagination={points.entries.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无积分记录" /> }}
                    scroll={{ x: 'max-content' }}
                  />
                ),
              },
              {
                key: 'lots',
                label: '积分批次',
                children: (
                  <Table<PointsLotView>
                    id="points-lots"
                    rowKey="id"
                    size="small"
                    columns={lotColumns}
                    dataSource={points.lots}
                    pagination={points.lots.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                    scroll={{ x: 'max-content' }}
                  />
                ),
              },
              {
                key: 'tiers',
                label: '等级变动',
                children: (
                  <Table<TierChange>
                    id="tier-history"
                    rowKey={(change) => `${change.createdAt}-${change.to}`}
                    size="small"
                    columns={tierColumns}
                    dataSource={points.tierHistory}
                    pagination={false}
                  />
                ),
              },
              ...(adjustable ? [{ key: 'adjust', label: '调整积分', children: <AdjustForm memberId={memberId} /> }] : []),
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
