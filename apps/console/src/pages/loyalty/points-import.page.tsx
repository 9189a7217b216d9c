import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { PointsImportView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Progress, Result, Row, Statistic, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { downloadPointsImportTemplate, getPointsImport, loyaltyConfigKeys, startPointsImport } from '../../api/loyalty-config.service';
import { useCan } from '../../auth/permissions';
import { saveBlob } from '../../shared/download';
import { formatDateTime } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import { POINTS_IMPORT_STATUS_LABELS } from './loyalty-labels';
import { importFileProblem, importPercent, pollInterval } from './points-import';

const TEMPLATE_FILE_NAME = '期初积分导入模板.xlsx';
const STATUS_COLORS = { running: 'processing', done: 'success', failed: 'error' } as const satisfies Record<PointsImportView['status'], string>;

type RowError = PointsImportView['errors'][number];

const errorColumns: TableColumnsType<RowError> = [
  { title: '行号', dataIndex: 'row', key: 'row', width: 72 },
  { title: '手机号', dataIndex: 'phone', key: 'phone', width: 160 },
  { title: '问题', dataIndex: 'message', key: 'message' },
];

/** Opening balances from the old system: admins upload 手机号 / 期初积分 / 备注 and follow the import to its end. */
export function PointsImportPage() {
  const allowed = useCan('points:adjust');
  const [params, setParams] = useSearchParams();
  // The import being followed is in the URL, so a reload or a shared link picks its progress up again.
  const importId = params.get('id');

  if (!allowed) return <Result status="403" title="没有权限导入期初积分" subTitle="期初积分导入仅对管理员开放" />;

  return (
    <Card id="points-import" title="期初积分导入">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          用于把原系统的积分余额迁入：第一步下载模板，按表头填写手机号、期初积分和备注（第 1 行为表头）；第二步上传文件。每行先校验再分批入账，每位会员只能导入一次期初积分，有问题的行不会入账。
        </Typography.Paragraph>
        {importId ? (
          <ImportProgress key={importId} id={importId} onAgain={() => setParams(new URLSearchParams())} />
        ) : (
          <ImportUpload onStarted={(view) => setParams(new URLSearchParams({ id: view.id }))} />
        )}
      </Flex>
    </Card>
  );
}

function ImportUpload({ onStarted }: { onStarted: (view: PointsImportView) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);

  const template = useMutation({
    mutationFn: () => downloadPointsImportTemplate(),
    onSuccess: (blob) => saveBlob(blob, TEMPLATE_FILE_NAME),
  });

  const upload = useMutation({
    mutationFn: (chosen: File) => startPointsImport(chosen, chosen.name),
    onSuccess: (view) => {
      // The progress view starts from this answer rather than waiting a poll for it.
      queryClient.setQueryData(loyaltyConfigKeys.pointsImport(view.id), view);
      onStarted(view);
    },
  });

  const choose = (chosen: File): false => {
    const problem = importFileProblem(chosen);
    if (problem) {
      message.error(problem);
    } else {
      setFile(chosen);
      upload.reset();
    }
    // Keep the file here: it is uploaded when the button is pressed, through the console's HTTP client.
    return false;
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Button id="points-import-template" icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
          下载模板
        </Button>
      </div>
      {template.error && <Alert type="error" showIcon title={template.error.message} />}
      <Upload.Dragger
        id="points-import-file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        beforeUpload={choose}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
        onRemove={() => {
          setFile(null);
          upload.reset();
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖拽 Excel 文件到这里</p>
        <p className="ant-upload-hint">仅支持 .xlsx，不超过 5 MB</p>
      </Upload.Dragger>
      <div>
        <Button id="points-import-submit" type="primary" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          开始导入
        </Button>
      </div>
      {upload.error && <Alert id="points-import-error" type="error" showIcon title={upload.error.message} />}
    </Flex>
  );
}

function ImportProgress({ id, onAgain }: { id: string; onAgain: () => void }) {
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: loyaltyConfigKeys.pointsImport(id),
    queryFn: ({ signal }) => getPointsImport(id, signal),
    refetchInterval: (query) => pollInterval(query.state.data, query.state.status === 'error'),
  });

  const again = (
    <Button id="points-import-again" onClick={onAgain}>
      导入其他文件
    </Button>
  );
  if (error && !data) return <Result status="warning" title="无法读取导入进度" subTitle={error.message} extra={again} />;
  if (!data) return <PageSpinner />;
  const running = data.status === 'running';

  return (
    <Flex vertical gap={16} id="points-import-result">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{data.fileName}</Typography.Text>
        <Tag id="points-import-status" color={STATUS_COLORS[data.status]}>
          {POINTS_IMPORT_STATUS_LABELS[data.status]}
        </Tag>
        <Typography.Text type="secondary">
          开始于 {formatDateTime(data.createdAt)}
          {data.finishedAt ? `，完成于 ${formatDateTime(data.finishedAt)}` : ''}
        </Typography.Text>
      </Flex>
      {/* antd's Progress takes no id of its own. */}
      <div id="points-import-progress">
        <Progress
          percent={importPercent(data)}
          status={running ? 'active' : data.status === 'failed' ? 'exception' : 'success'}
          format={() => `${data.processed.toLocaleString('zh-CN')} / ${data.total.toLocaleString('zh-CN')}`}
        />
      </div>
      {error && (
        <Alert
          type="warning"
          showIcon
          title={`刷新进度失败：${error.message}`}
          action={
            <Button size="small" loading={isFetching} onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="总行数" value={data.total} />
        </Col>
        <Col span={8} id="points-import-imported">
          <Statistic title="已入账" value={data.imported} />
        </Col>
        <Col span={8}>
          <Statistic title="未导入" value={data.errors.length} styles={{ content: data.errors.length > 0 ? { color: '#cf1322' } : undefined }} />
        </Col>
      </Row>
      {data.status === 'done' && data.errors.length === 0 && <Alert type="success" showIcon title={`导入完成：${data.imported} 位会员的期初积分已入账`} />}
      {data.status === 'done' && data.errors.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`导入完成：${data.imported} 位会员已入账，${data.errors.length} 行未导入`}
          description="下表中的行没有入账，其余行已入账。请修改这些行后单独上传（已入账的会员不会重复导入）。"
        />
      )}
      {data.status === 'failed' && (
        <Alert type="error" showIcon title="导入中断" description={`已入账 ${data.imported} 位会员；请检查文件后重新上传（已入账的会员不会重复导入）。`} />
      )}
      {data.errors.length > 0 && (
        <Table<RowError>
          id="points-import-errors"
          size="small"
          rowKey={(rowError) => `${rowError.row}-${rowError.message}`}
          columns={errorColumns}
          dataSource={data.errors}
          pagination={data.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        />
      )}
      {!running && <div>{again}</div>}
    </Flex>
  );
}
