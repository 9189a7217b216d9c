import { PlusOutlined } from '@ant-design/icons';
import type { ServiceAdminView, ServiceKind, StoreSummary } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { appointmentKeys, listServices } from '../../api/appointment.service';
import { formatYuan } from '../../shared/format';
import { SERVICE_KIND_LABELS } from '../../shared/labels';
import { minutesToHours } from './service-form';
import { ServiceFormDrawer } from './service-form.drawer';

export interface ServiceTableProps {
  stores: StoreSummary[];
  /** The store picked at the top of the page: services it offers are marked. */
  storeId: string | null;
  scope: string | null;
  canEdit: boolean;
}

/** An open drawer: a service to edit or view, or `null` for a new one. */
type DrawerState = { service: ServiceAdminView | null } | null;

const hours = (minutes: number) => `${minutesToHours(minutes)} 小时`;

export function ServiceTable({ stores, storeId, scope, canEdit }: ServiceTableProps) {
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const { data, error, isFetching } = useQuery({ queryKey: appointmentKeys.services, queryFn: ({ signal }) => listServices(signal) });
  const storeName = (id: string) => stores.find((store) => store.id === id)?.name ?? '未知门店';

  const columns: TableColumnsType<ServiceAdminView> = [
    { title: '编码', dataIndex: 'code', key: 'code', width: 130 },
    {
      title: '名称',
      key: 'name',
      render: (_, service) => (
        <Flex vertical>
          <span>{service.name}</span>
          {storeId && service.storeIds.includes(storeId) && (
            <Typography.Text type="success" style={{ fontSize: 12 }}>
              本店提供
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 90, render: (kind: ServiceKind) => SERVICE_KIND_LABELS[kind] },
    {
      title: '时长',
      key: 'duration',
      width: 120,
      render: (_, service) => `${service.durationMin} 分钟${service.bufferAfterMin > 0 ? `（+${service.bufferAfterMin}）` : ''}`,
    },
    { title: '名额', dataIndex: 'seats', key: 'seats', width: 70, align: 'right' },
    { title: '价格', dataIndex: 'priceFen', key: 'price', width: 100, align: 'right', render: (fen: number) => formatYuan(fen) },
    { title: '定金', dataIndex: 'depositFen', key: 'deposit', width: 100, align: 'right', render: (fen: number) => formatYuan(fen) },
    {
      title: '预约规则',
      key: 'rules',
      width: 210,
      render: (_, service) => (
        <Flex vertical style={{ fontSize: 12 }}>
          <span>提前 {hours(service.minNoticeMin)} · 可约 {service.bookingWindowDays} 天内</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            开始前 {hours(service.cancelCutoffMin)} 截止取消
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '门店',
      dataIndex: 'storeIds',
      key: 'stores',
      width: 120,
      render: (ids: string[]) =>
        ids.length === 0 ? (
          <Typography.Text type="secondary">未开放</Typography.Text>
        ) : (
          <Tooltip title={ids.map(storeName).join('、')}>
            <span>{ids.length} 家门店</span>
          </Tooltip>
        ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean) => (active ? <Tag color="green">启用中</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, service) => (
        <Button type="link" size="small" className={canEdit ? 'service-edit' : 'service-view'} onClick={() => setDrawer({ service })}>
          {canEdit ? '编辑' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">会员在小程序中可预约的服务；每个项目可在多家门店提供，由各店有此技能的美容顾问接待。</Typography.Text>
        {canEdit && (
          <Button id="service-create" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ service: null })}>
            新建项目
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<ServiceAdminView>
        id="service-table"
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: '还没有服务项目' }}
        scroll={{ x: 1200 }}
      />
      <ServiceFormDrawer
        open={drawer !== null}
        service={drawer?.service ?? null}
        stores={stores}
        scope={scope}
        readOnly={!canEdit}
        onClose={() => setDrawer(null)}
      />
    </Flex>
  );
}
