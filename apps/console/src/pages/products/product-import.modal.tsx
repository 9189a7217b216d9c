import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ProductImportReport } from '@glow/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Flex, Modal, Row, Statistic, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { downloadProductImportTemplate, importProducts, productKeys } from '../../api/product.service';
import { saveBlob } from '../../shared/download';
import { EMPTY } from '../../shared/format';

/** The API refuses larger files (PAYLOAD_TOO_LARGE); say so before uploading. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const TEMPLATE_FILE_NAME = '商品导入模板.xlsx';

type RowError = ProductImportReport['errors'][number];

/** Columns of the template as the API names them in row errors, in the words printed on the template's header. */
const FIELD_LABELS: Record<string, string> = {
  sku: 'SKU',
  name: '商品名称',
  line: '系列',
  category: '分类',
  priceFen: '价格',
  price: '价格',
  images: '图片',
  description: '描述',
  suitableSkinTypes: '适合肤质',
  concerns: '针对问题',
  allergens: '致敏成分',
  usageDays: '使用天数',
};

const errorColumns: TableColumnsType<RowError> = [
  { title: '行号', dataIndex: 'row', key: 'row', width: 72 },
  { title: 'SKU', dataIndex: 'sku', key: 'sku', width: 160, render: (sku: string | null) => sku ?? EMPTY },
  { title: '字段', dataIndex: 'field', key: 'field', width: 120, render: (field: string) => FIELD_LABELS[field] ?? field },
  { title: '问题', dataIndex: 'message', key: 'message' },
];

export function ProductImportReportView({ report }: { report: ProductImportReport }) {
  return (
    <Flex vertical gap={12} id="product-import-report">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="总行数" value={report.total} />
        </Col>
        <Col span={6}>
          <Statistic title="新增" value={report.created} />
        </Col>
        <Col span={6}>
          <Statistic title="更新" value={report.updated} />
        </Col>
        <Col span={6}>
          <Statistic title="失败" value={report.failed} styles={{ content: report.failed > 0 ? { color: '#cf1322' } : undefined }} />
        </Col>
      </Row>
      {report.failed === 0 ? (
        <Alert type="success" showIcon title={`导入完成：新增 ${report.created} 个，更新 ${report.updated} 个商品`} />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            title={`${report.failed} 行未导入`}
            description="有问题的行没有做任何修改，其余行已导入。请按下表修改这些行后重新上传（已导入的行按 SKU 更新，重复上传不会产生重复商品）。"
          />
          <Table<RowError>
            id="product-import-errors"
            size="small"
            rowKey={(error) => `${error.row}-${error.field}-${error.message}`}
            columns={errorColumns}
            dataSource={report.errors}
            pagination={report.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          />
        </>
      )}
    </Flex>
  );
}

export interface ProductImportModalProps {
  open: boolean;
  onClose: () => void;
}

export function ProductImportModal({ open, onClose }: ProductImportModalProps) {
  return (
    <Modal open={open} title="Excel 导入商品" width={760} onCancel={onClose} destroyOnHidden footer={<Button onClick={onClose}>关闭</Button>}>
      {open && <ProductImport />}
    </Modal>
  );
}

function ProductImport() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);

  const template = useMutation({
    mutationFn: () => downloadProductImportTemplate(),
    onSuccess: (blob) => saveBlob(blob, TEMPLATE_FILE_NAME),
  });

  const upload = useMutation({
    mutationFn: (chosen: File) => importProducts(chosen, chosen.name),
    onSuccess: async (report) => {
      // Valid rows were upserted even when others failed, so the list changes either way.
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      if (report.failed === 0) message.success(`已导入 ${report.created + report.updated} 个商品`);
    },
  });

  const choose = (chosen: File): false => {
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
      message.error('请上传 .xlsx 格式的 Excel 文件');
    } else if (chosen.size > MAX_FILE_BYTES) {
      message.error('文件不能超过 5 MB');
    } else {
      setFile(chosen);
      upload.reset();
    }
    // Keep the file here: it is uploaded when the button is pressed, through the console's HTTP client.
    return false;
  };

  return (
    <Flex vertical gap={16} id="product-import">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        第一步：下载模板，按表头填写（第 1 行为表头，示例行可删除）；第二步：上传填好的文件。已有 SKU 的商品会被更新，新的 SKU 会被创建。
      </Typography.Paragraph>
      <div>
        <Button id="product-import-template" icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
          下载模板
        </Button>
      </div>
      {template.error && <Alert type="error" showIcon title={template.error.message} />}
      <Upload.Dragger
        id="product-import-file"
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
        <Button id="product-import-submit" type="primary" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          开始导入
        </Button>
      </div>
      {upload.error && <Alert id="product-import-error" type="error" showIcon title={upload.error.message} />}
      {upload.data && <ProductImportReportView report={upload.data} />}
    </Flex>
  );
}
