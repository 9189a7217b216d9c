import { PlusOutlined } from '@ant-design/icons';
import type { SegmentView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Result, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { deleteSegment, listSegments, segmentKeys } from '../../api/segment.service';
import { useCan } from '../../auth/permissions';
import { formatCount, formatDateTime } from '../../shared/format';
import { SegmentDrawer } from './segment.drawer';

/** An open drawer: a segment to edit, or `null` for a new one. */
type DrawerState = { segment: SegmentView | null } | null;

/** Saved audiences: their rule in words, how many members they held at the last count, and the campaigns using them. */
export function SegmentsPage() {
  const allowed = useCan('campaign:configure');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const { data, error, isPending } = useQuery({ queryKey: segmentKeys.list, queryFn: ({ signal }) => listSegments(signal), enabled: allowed });

  const remove = useMutation({
    mutationFn: (segment: SegmentView) => deleteSegment(segment.id),
    onSuccess: async (_, segment) => {
      message.success(`已删除人群 ${segment.name}`);
      await queryClient.invalidateQueries({ queryKey: segmentKeys.list });
    },
    // 409 SEGMENT_IN_USE says which rule keeps it: shown as the API words it.
    onError: (failure) => message.error(failure.message),
  });

  const confirmRemove = (segment: SegmentView) =>
    modal.confirm({
      title: `删除人群「${segment.name}」？`,
      content: segment.campaigns > 0 ? `该人群正被 ${segment.campaigns} 个活动使用。` : '删除后不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true, id: 'segment-confirm-delete' },
      cancelText: '返回',
      // A failure is reported by the mutation's own message; the dialog closes either way.
      onOk: () => remove.mutateAsync(segment).catch(() => undefined),
    });

  if (!allowed) return <Result status="403" title="没有权限管理人群" subTitle="人群圈选仅对市场与管理员开放" />;

  const columns: TableColumnsType<SegmentView> = [
    {
      title: '人群',
      key: 'name',
      width: 220,
      render: (_, segment) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <span className="segment-name">{segment.name}</span>
          {segment.description && <Typography.Text type="secondary">{segment.description}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '圈选规则', dataIndex: 'summary', key: 'summary', render: (summary: string) => <span className="segment-summary">{summary}</span> },
    {
      title: '人数',
      key: 'count',
      width: 160,
      align: 'right',
      render: (_, segment) => (
        <Flex vertical>
          <span className="segment-count">{segment.count === null ? '未统计' : `${formatCount(segment.count)} 人`}</span>
          {segment.countedAt && <Typography.Text type="secondary">统计于 {formatDateTime(segment.countedAt)}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '使用中的活动', dataIndex: 'campaigns', key: 'campaigns', width: 110, align: 'right', render: (campaigns: number) => <span className="segment-campaigns">{campaigns}</span> },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, segment) => (
        <Flex gap={0}>
          <Button type="link" size="small" data-action="edit" onClick={() => setDrawer({ segment })}>
            编辑
          </Button>
          <Button type="link" size="small" danger data-action="delete" loading={remove.isPending && remove.variables?.id === segment.id} onClick={() => confirmRemove(segment)}>
            删除
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Card
      id="segments"
      title="人群"
      extra={
        <Button id="segment-new" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ segment: null })}>
          新建人群
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">按会员属性、消费行为与分层圈选会员，供活动与自动旅程使用；人数在每次活动执行时重新圈选。</Typography.Text>
        {error && <Alert id="segments-error" type="error" showIcon title={error.message} />}
        <Table<SegmentView>
          id="segment-table"
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isPending}
          onRow={(segment) => ({ 'data-segment-id': segment.id }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个人群` }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '还没有人群：新建一个开始圈选会员' }}
        />
      </Flex>
      <SegmentDrawer open={drawer !== null} segment={drawer?.segment ?? null} onClose={() => setDrawer(null)} />
    </Card>
  );
}
