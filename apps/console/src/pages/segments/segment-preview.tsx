import type { SegmentPreviewView, SegmentSampleMember } from '@glow/contracts';
import { LIFECYCLE_STAGE_LABELS } from '@glow/domain';
import { Alert, Card, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { EMPTY, formatDate, formatDateTime, orEmpty } from '../../shared/format';

const SAMPLE_COLUMNS: TableColumnsType<SegmentSampleMember> = [
  { title: '会员号', dataIndex: 'memberNo', key: 'memberNo', width: 120 },
  { title: '姓名', dataIndex: 'name', key: 'name', width: 80, render: (name: string | null) => orEmpty(name) },
  { title: '手机', dataIndex: 'phoneMasked', key: 'phoneMasked', width: 110 },
  { title: '等级', dataIndex: 'tierName', key: 'tierName', width: 70, render: (tier: string | null) => orEmpty(tier) },
  { title: '城市', dataIndex: 'city', key: 'city', width: 70, render: (city: string | null) => orEmpty(city) },
  { title: '生命周期', dataIndex: 'lifecycle', key: 'lifecycle', width: 90, render: (stage: SegmentSampleMember['lifecycle']) => (stage ? LIFECYCLE_STAGE_LABELS[stage] : EMPTY) },
  { title: '最近购买', dataIndex: 'lastPurchaseAt', key: 'lastPurchaseAt', width: 100, render: (at: string | null) => formatDate(at) },
];

export interface SegmentPreviewProps {
  preview: SegmentPreviewView | undefined;
  /** A count for the rule as typed is on its way (typing has not paused, or the API has not answered). */
  loading: boolean;
  /** The rule has no condition yet: nothing to count. */
  empty: boolean;
  error: Error | null;
  /** The API's problems with the rule that belong to no row in particular. */
  problems: string[];
}

/** The audience of the rule being edited: how many members, the rule in words, and a few of them. */
export function SegmentPreview({ preview, loading, empty, error, problems }: SegmentPreviewProps) {
  return (
    <Card id="segment-preview" size="small" title="预计覆盖人数" extra={loading && !empty ? <Spin size="small" /> : null} style={{ position: 'sticky', top: 0 }}>
      {empty ? (
        <Typography.Text type="secondary">添加条件后显示预计覆盖人数</Typography.Text>
      ) : error ? (
        <Alert
          id="segment-preview-error"
          type="warning"
          showIcon
          title={error.message}
          description={
            problems.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : preview ? (
        <Flex vertical gap={12} style={{ opacity: loading ? 0.6 : 1 }}>
          <div>
            <Typography.Text id="segment-count" strong style={{ fontSize: 40, lineHeight: 1.2, color: '#b0456b' }}>
              {preview.count}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
              人
            </Typography.Text>
          </div>
          <Typography.Paragraph id="segment-summary" style={{ margin: 0 }}>
            {preview.summary}
          </Typography.Paragraph>
          {preview.metricsAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              RFM、ABC 与生命周期按 {formatDateTime(preview.metricsAt)} 计算的会员分层
            </Typography.Text>
          )}
          <Table<SegmentSampleMember>
            id="segment-sample"
            rowKey="id"
            size="small"
            columns={SAMPLE_COLUMNS}
            dataSource={preview.sample}
            pagination={false}
            scroll={{ x: 640 }}
            title={() => '部分会员'}
            locale={{ emptyText: '没有符合条件的会员' }}
          />
        </Flex>
      ) : (
        <Spin />
      )}
    </Card>
  );
}
