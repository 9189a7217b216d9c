import { QrcodeOutlined } from '@ant-design/icons';
import type { StoreSummary } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listStores, storeKeys } from '../../api/store.service';
import { StoreQrCodeModal } from './store-qrcode.modal';

export function StoreListPage() {
  const [qrStore, setQrStore] = useState<StoreSummary | null>(null);
  const { data: stores, error, isFetching } = useQuery({
    queryKey: storeKeys.all,
    queryFn: ({ signal }) => listStores(signal),
  });

  const columns: TableColumnsType<StoreSummary> = [
    { title: '门店编码', dataIndex: 'code', key: 'code', width: 120 },
    { title: '门店名称', dataIndex: 'name', key: 'name' },
    { title: '城市', dataIndex: 'city', key: 'city', width: 100 },
    { title: '地址', dataIndex: 'address', key: 'address' },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, store) => (
        <Button className="store-qrcode-button" type="link" icon={<QrcodeOutlined />} onClick={() => setQrStore(store)}>
          小程序码
        </Button>
      ),
    },
  ];

  return (
    <Card title="门店">
      <Flex vertical gap={16}>
        {error && <Alert type="error" showIcon title={error.message} />}
        <Table<StoreSummary> rowKey="id" columns={columns} dataSource={stores ?? []} loading={isFetching} pagination={false} />
      </Flex>
      <StoreQrCodeModal store={qrStore} onClose={() => setQrStore(null)} />
    </Card>
  );
}
