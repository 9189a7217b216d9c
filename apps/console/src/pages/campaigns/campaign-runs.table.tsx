import type { CampaignRunView } from '@glow/contracts';
import { TOUCH_SKIP_LABELS, TOUCH_SKIPS } from '@glow/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { campaignKeys, listCampaignRuns } from '../../api/campaign.service';
import { EMPTY, formatCount, formatDateTime } from '../../shared/format';
import { isRunInProgress, occurrenceText, RUN_STATUS_COLORS, RUN_STATUS_LABELS } from './campaign-status';

/** Runs in progress are read again this often, like the list. */
export const RUNS_REFRESH_MS = 5_000;

const count = (value: number) => formatCount(value);

const COLUMNS: TableColumnsType<CampaignRunView> = [
  { title: '批次', dataIndex: 'occurrence', key: 'occurrence', width: 110, render: (occurrence: string) => occurrenceText(occurrence) },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: CampaignRunView['status'], run) => (
      <Flex vertical>
        <Tag className="campaign-run-status" color={RUN_STATUS_COLORS[status]}>
          {RUN_STATUS_LABELS[status]}
        </Tag>
        {run.error && <Typography.Text type="danger">{run.error}</Typography.Text>}
      </Flex>
    ),
  },
  { title: '目标人数', dataIndex: 'audience', key: 'audience', width: 90, align: 'right', render: count },
  { title: '对照组', dataIndex: 'holdout', key: 'holdout', width: 80, align: 'right', render: count },
  { title: '已处理', dataIndex: 'processed', key: 'processed', width: 80, align: 'right', render: count },
  { title: '已触达', dataIndex: 'touched', key: 'touched', width: 80, align: 'right', render: count },
  {
    title: '未触达原因',
    key: 'skipped',
    render: (_, run) => {
      // The holdout has its own column; the other reasons are listed in the vocabulary's order.
      const reasons = TOUCH_SKIPS.filter((reason) => reason !== 'holdout' && (run.skipped[reason] ?? 0) > 0);
      if (reasons.length === 0) return EMPTY;
      return (
        <Flex gap={4} wrap className="campaign-run-skipped">
          {reasons.map((reason) => (
            <Tag key={reason}>
              {TOUCH_SKIP_LABELS[reason]} {count(run.skipped[reason] ?? 0)}
            </Tag>
          ))}
        </Flex>
      );
    },
  },
  { title: '开始', dataIndex: 'startedAt', key: 'startedAt', width: 140, render: (at: string | null) => formatDateTime(at) },
  { title: '完成', dataIndex: 'finishedAt', key: 'finishedAt', width: 140, render: (at: string | null) => formatDateTime(at) },
];

/** Every run of one campaign: how many members each reached, and why the others were not. */
export function CampaignRunsTable({ campaignId }: { campaignId: string }) {
  const runs = useQuery({
    queryKey: campaignKeys.runs(campaignId),
    queryFn: ({ signal }) => listCampaignRuns(campaignId, signal),
    refetchInterval: (query) => ((query.state.data ?? []).some(isRunInProgress) ? RUNS_REFRESH_MS : false),
  });
  if (runs.error) return <Alert type="error" showIcon title={runs.error.message} />;
  return (
    <Table<CampaignRunView>
      className="campaign-runs"
      rowKey="id"
      size="small"
      columns={COLUMNS}
      dataSource={runs.data ?? []}
      loading={runs.isPending}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: '还没有执行记录' }}
    />
  );
}
