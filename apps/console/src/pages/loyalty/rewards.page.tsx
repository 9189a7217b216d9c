import { PlusOutlined } from '@ant-design/icons';
import type { RewardView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Flex, Progress, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listRewards, loyaltyConfigKeys, updateReward } from '../../api/loyalty-config.service';
import { useCan } from '../../auth/permissions';
import { formatDateTime } from '../../shared/format';
import { REWARD_KIND_LABELS } from '../../shared/loyalty-till-labels';
import { REWARD_KIND_COLORS } from './loyalty-labels';
import { stockPercent, toRewardFormValues, toSaveRewardBody } from './reward-form';
import { RewardFormDrawer } from './reward-form.drawer';

/** An open drawer: a reward to edit or view, or `null` for a new one. */
type DrawerState = { reward: RewardView | null } | null;

function rewardWindow(reward: Pick<RewardView, 'startsAt' | 'endsAt'>): string {
  if (!reward.startsAt && !reward.endsAt) return '长期有效';
  if (!reward.endsAt) return `${formatDateTime(reward.startsAt)} 起`;
  if (!reward.startsAt) return `至 ${formatDateTime(reward.endsAt)}`;
  return `${formatDateTime(reward.startsAt)} 至 ${formatDateTime(reward.endsAt)}`;
}

/** The points mall: what members can redeem, for how many points, how much is left, and who may redeem it. */
export function RewardsPage() {
  const canEdit = useCan('loyalty:configure');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const { data, error, isFetching } = useQuery({ queryKey: loyaltyConfigKeys.rewards, queryFn: ({ signal }) => listRewards(signal) });

  const toggle = useMutation({
    // The API replaces a reward as a whole, so the switch sends the reward as it is with only `active` changed.
    mutationFn: (reward: RewardView) => updateReward(reward.id, toSaveRewardBody({ ...toRewardFormValues(reward), active: !reward.active })),
    onSuccess: async (saved) => {
      message.success(saved.active ? `已上架 ${saved.name}` : `已下架 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: loyaltyConfigKeys.rewards });
    },
    onError: (failure) => message.error(failure.message),
  });

  const columns: TableColumnsType<RewardView> = [
    {
      title: '兑换商品',
      key: 'reward',
      render: (_, reward) => (
        <Flex gap={12} align="center">
          <Avatar shape="square" size={40} src={reward.imageUrl ?? undefined} alt={reward.name}>
            {reward.name.slice(0, 1)}
          </Avatar>
          <Flex vertical style={{ minWidth: 0 }}>
            <span>{reward.name}</span>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>
              {reward.description}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 80,
      render: (kind: RewardView['kind']) => <Tag color={REWARD_KIND_COLORS[kind]}>{REWARD_KIND_LABELS[kind]}</Tag>,
    },
    {
      title: '所需积分',
      dataIndex: 'pointsCost',
      key: 'pointsCost',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.pointsCost - b.pointsCost,
      render: (points: number) => points.toLocaleString('zh-CN'),
    },
    {
      title: '库存（剩余/总数）',
      key: 'stock',
      width: 170,
      render: (_, reward) => (
        <Flex vertical gap={0} className="reward-stock">
          <span>
            {reward.stockLeft.toLocaleString('zh-CN')} / {reward.stockTotal.toLocaleString('zh-CN')}
          </span>
          <Progress percent={stockPercent(reward)} size="small" showInfo={false} status={reward.stockLeft <= 0 ? 'exception' : 'normal'} />
        </Flex>
      ),
    },
    { title: '每人限兑', dataIndex: 'perMemberLimit', key: 'perMemberLimit', width: 90, render: (limit: number) => `${limit} 次` },
    { title: '兑换时间', key: 'window', width: 200, render: (_, reward) => rewardWindow(reward) },
    { title: '最低等级', key: 'minTier', width: 100, render: (_, reward) => reward.minTier?.name ?? '全部会员' },
    {
      title: '上架',
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (active: boolean, reward) => (
        <Switch
          className="reward-active"
          size="small"
          checked={active}
          disabled={!canEdit}
          loading={toggle.isPending && toggle.variables?.id === reward.id}
          aria-label={active ? `下架 ${reward.name}` : `上架 ${reward.name}`}
          onChange={() => toggle.mutate(reward)}
        />
      ),
    },
    {
      title: '已兑换',
      dataIndex: 'redeemedCount',
      key: 'redeemedCount',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.redeemedCount - b.redeemedCount,
      render: (count: number) => count.toLocaleString('zh-CN'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, reward) => (
        <Button type="link" size="small" className={canEdit ? 'reward-edit' : 'reward-view'} onClick={() => setDrawer({ reward })}>
          {canEdit ? '编辑' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      id="rewards"
      title="积分商城"
      extra={
        canEdit && (
          <Button id="reward-create" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ reward: null })}>
            新建兑换商品
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        {!canEdit && <Alert type="info" showIcon title="您可以查看积分商城；新建、编辑与上下架由市场或管理员操作。" />}
        {error && <Alert id="rewards-error" type="error" showIcon title={error.message} />}
        <Table<RewardView>
          id="reward-table"
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个兑换商品` }}
          scroll={{ x: 1300 }}
          locale={{ emptyText: '暂无兑换商品' }}
        />
      </Flex>
      <RewardFormDrawer open={drawer !== null} reward={drawer?.reward ?? null} readOnly={!canEdit} onClose={() => setDrawer(null)} />
    </Card>
  );
}
