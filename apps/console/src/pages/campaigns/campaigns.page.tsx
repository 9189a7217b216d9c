import { PlusOutlined } from '@ant-design/icons';
import type { CampaignStatusAction, CampaignView } from '@glow/contracts';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Result, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { campaignKeys, listCampaigns, setCampaignStatus } from '../../api/campaign.service';
import { useCan } from '../../auth/permissions';
import { formatCount, formatDateTime } from '../../shared/format';
import { actionText, scheduleText } from './campaign-form';
import { CampaignRunsTable } from './campaign-runs.table';
import {
  anyRunInProgress,
  campaignRowActions,
  CAMPAIGN_ROW_ACTION_LABELS,
  CAMPAIGN_STATUS_COLORS,
  isRunInProgress,
  isStatusAction,
  runPercent,
  statusActionConfirmation,
  type CampaignRowAction,
} from './campaign-status';
import { CampaignDrawer } from './campaign.drawer';

/** While a run works through its audience, the list is read again this often. */
export const CAMPAIGNS_REFRESH_MS = 5_000;

const STATUS_DONE_MESSAGES: Record<CampaignStatusAction, string> = { launch: '已启动', pause: '已暂停', resume: '已恢复', end: '已结束' };

/** An open drawer: a campaign to edit or view, or `null` for a new one. */
type DrawerState = { campaign: CampaignView | null } | null;

const budgetText = (used: number, budget: number | null) => `${formatCount(used)} / ${budget === null ? '不限' : formatCount(budget)}`;

function LastRun({ campaign }: { campaign: CampaignView }) {
  const run = campaign.lastRun;
  if (!run) return <Typography.Text type="secondary">未执行</Typography.Text>;
  return (
    <Flex vertical className="campaign-last-run">
      {isRunInProgress(run) ? (
        <Progress percent={runPercent(run)} size="small" status="active" />
      ) : (
        <Typography.Text>{run.status === 'failed' ? '执行失败' : '已完成'}</Typography.Text>
      )}
      <Typography.Text type="secondary" className="campaign-run-progress">
        已处理 {formatCount(run.processed)} / {formatCount(run.audience)}
      </Typography.Text>
    </Flex>
  );
}

/** Campaigns: one-off sends and automatic journeys, what each does and to whom, how far each got, and their actions. */
export function CampaignsPage() {
  const allowed = useCan('campaign:configure');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState<DrawerState>(null);

  const { data, error, isPending } = useQuery({
    queryKey: campaignKeys.list,
    queryFn: ({ signal }) => listCampaigns(signal),
    refetchInterval: (query) => (anyRunInProgress(query.state.data) ? CAMPAIGNS_REFRESH_MS : false),
    enabled: allowed,
  });

  const changeStatus = useMutation({
    mutationFn: ({ campaign, action }: { campaign: CampaignView; action: CampaignStatusAction }) => setCampaignStatus(campaign.id, action),
    onSuccess: async (saved, { action }) => {
      message.success(`${STATUS_DONE_MESSAGES[action]} ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
    },
    onError: (failure) => message.error(failure.message),
  });

  const act = (campaign: CampaignView, action: CampaignRowAction) => {
    if (action === 'report') return navigate(`/campaigns/${campaign.id}/report`);
    if (!isStatusAction(action)) return setDrawer({ campaign });
    modal.confirm({
      ...statusActionConfirmation(action, campaign),
      okText: CAMPAIGN_ROW_ACTION_LABELS[action],
      okButtonProps: { danger: action === 'end', id: `campaign-confirm-${action}` },
      cancelText: '返回',
      // A failure is reported by the mutation's own message; the dialog closes either way.
      onOk: () => changeStatus.mutateAsync({ campaign, action }).catch(() => undefined),
    });
  };

  if (!allowed) return <Result status="403" title="没有权限管理活动" subTitle="营销活动仅对市场与管理员开放" />;

  const columns: TableColumnsType<CampaignView> = [
    {
      title: '活动',
      key: 'name',
      fixed: 'left',
      width: 180,
      render: (_, campaign) => (
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <span className="campaign-name">{campaign.name}</span>
          <Tag color={campaign.kind === 'journey' ? 'purple' : 'blue'} style={{ alignSelf: 'flex-start' }}>
            {CAMPAIGN_KIND_LABELS[campaign.kind]}
          </Tag>
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: CampaignView['status']) => (
        <Tag className="campaign-status" color={CAMPAIGN_STATUS_COLORS[status]}>
          {CAMPAIGN_STATUS_LABELS[status]}
        </Tag>
      ),
    },
    {
      title: '目标人群',
      key: 'segment',
      width: 140,
      render: (_, campaign) => <span className="campaign-segment">{campaign.segment?.name ?? (campaign.kind === 'journey' ? '全部会员' : '—')}</span>,
    },
    { title: '执行方式', key: 'schedule', width: 190, render: (_, campaign) => <span className="campaign-schedule">{scheduleText(campaign)}</span> },
    {
      title: '动作',
      key: 'actions',
      width: 210,
      render: (_, campaign) => (
        <Flex vertical className="campaign-actions">
          {campaign.actions.map((action) => (
            <span key={action.kind}>{actionText(action)}</span>
          ))}
        </Flex>
      ),
    },
    {
      title: '触达（已用/预算）',
      key: 'touched',
      width: 150,
      render: (_, campaign) => (
        <Flex vertical>
          <span className="campaign-touched">{budgetText(campaign.touched, campaign.budgetTotal)}</span>
          <Typography.Text type="secondary" className="campaign-touched-today">
            今日 {budgetText(campaign.touchedToday, campaign.budgetPerDay)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '最近执行', key: 'lastRun', width: 170, render: (_, campaign) => <LastRun campaign={campaign} /> },
    { title: '启动时间', dataIndex: 'launchedAt', key: 'launchedAt', width: 140, render: (at: string | null) => formatDateTime(at) },
    {
      title: '操作',
      key: 'operations',
      width: 190,
      fixed: 'right',
      render: (_, campaign) => (
        <Flex gap={0} wrap>
          {campaignRowActions(campaign.status).map((action) => (
            <Button
              key={action}
              type="link"
              size="small"
              danger={action === 'end'}
              data-action={action}
              data-campaign-launch={action === 'launch' ? campaign.id : undefined}
              data-campaign-report={action === 'report' ? campaign.id : undefined}
              loading={changeStatus.isPending && changeStatus.variables?.campaign.id === campaign.id && changeStatus.variables.action === action}
              onClick={() => act(campaign, action)}
            >
              {CAMPAIGN_ROW_ACTION_LABELS[action]}
            </Button>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      id="campaigns"
      title="活动"
      extra={
        <Button id="campaign-new" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ campaign: null })}>
          新建活动
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">单次活动在启动（或定时）后向人群执行一次；自动旅程每天按触发条件圈选会员，同一会员每个触发时机只触达一次。展开一行查看每次执行的明细。</Typography.Text>
        {error && <Alert id="campaigns-error" type="error" showIcon title={error.message} />}
        <Table<CampaignView>
          id="campaign-table"
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isPending}
          onRow={(campaign) => ({ 'data-campaign-id': campaign.id }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (campaign) => <CampaignRunsTable campaignId={campaign.id} />,
            rowExpandable: (campaign) => campaign.status !== 'draft',
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个活动` }}
          scroll={{ x: 1560 }}
          locale={{ emptyText: '还没有活动：新建一个单次活动或自动旅程' }}
        />
      </Flex>
      <CampaignDrawer open={drawer !== null} campaign={drawer?.campaign ?? null} onClose={() => setDrawer(null)} />
    </Card>
  );
}
