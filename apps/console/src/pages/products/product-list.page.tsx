import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProductResponse } from '@glow/contracts';
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, SKIN_TYPE_LABELS, type ProductCategory } from '@glow/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listProducts, productKeys, setProductActive, type ProductSearch } from '../../api/product.service';
import { useCan } from '../../auth/permissions';
import { EMPTY, formatDateTime, formatYuan } from '../../shared/format';
import { ProductFormDrawer } from './product-form.drawer';
import { ProductImportModal } from './product-import.modal';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
/** The API accepts a query of 1 to 40 characters. */
const MAX_QUERY_LENGTH = 40;

const CATEGORY_OPTIONS = PRODUCT_CATEGORIES.map((category) => ({ value: category, label: PRODUCT_CATEGORY_LABELS[category] }));
const ACTIVE_OPTIONS = [
  { value: 'true', label: '启用中' },
  { value: 'false', label: '已停用' },
] as const;

type ActiveFilter = (typeof ACTIVE_OPTIONS)[number]['value'];

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((value) => value === raw);
}

/** An open drawer: a product to edit or view, or `null` for a new one. */
type DrawerState = { product: ProductResponse | null } | null;

export function ProductListPage() {
  const canEdit = useCan('catalog:edit');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = oneOf(params.get('category'), PRODUCT_CATEGORIES);
  const active = oneOf<ActiveFilter>(params.get('active'), ['true', 'false']);
  const page = positiveInt(params.get('page'), 1, 10000);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 200);

  // The box follows the URL when it changes from outside (back/forward), and is free to edit otherwise.
  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setDraft(q);
  }
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const [importing, setImporting] = useState(false);

  const search: ProductSearch = { q: q || undefined, category, active, page, pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: productKeys.list(search),
    queryFn: ({ signal }) => listProducts(search, signal),
    placeholderData: keepPreviousData,
  });

  const toggle = useMutation({
    mutationFn: (product: ProductResponse) => setProductActive(product.id, !product.active),
    onSuccess: async (saved) => {
      message.success(saved.active ? `已启用 ${saved.name}` : `已停用 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
    onError: (failure) => message.error(failure.message),
  });

  const confirmDeactivate = (product: ProductResponse) =>
    modal.confirm({
      title: `停用「${product.name}」？`,
      content: '停用后该商品不再推荐给会员；历史订单与记录不受影响，可随时重新启用。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      // A failure is reported by the mutation's own message; the dialog closes either way.
      onOk: () => toggle.mutateAsync(product).catch(() => undefined),
    });

  const updateParams = (next: { q?: string; category?: ProductCategory | null; active?: ActiveFilter | null; page?: number; pageSize?: number }) => {
    const merged = { q, category, active, page, pageSize, ...next };
    const result = new URLSearchParams();
    if (merged.q) result.set('q', merged.q);
    if (merged.category) result.set('category', merged.category);
    if (merged.active) result.set('active', merged.active);
    if (merged.page !== 1) result.set('page', String(merged.page));
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(merged.pageSize));
    setParams(result);
  };

  const columns: TableColumnsType<ProductResponse> = [
    {
      title: '商品',
      key: 'product',
      render: (_, product) => (
        <Flex gap={12} align="center">
          <Avatar shape="square" size={40} src={product.images[0]} alt={product.name}>
            {product.name.slice(0, 1)}
          </Avatar>
          <Flex vertical>
            <span>{product.name}</span>
            <Typography.Text type="secondary">{product.line ?? EMPTY}</Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    { title: 'SKU', dataIndex: 'sku', key: 'sku', width: 160 },
    { title: '分类', dataIndex: 'category', key: 'category', width: 80, render: (value: ProductCategory) => PRODUCT_CATEGORY_LABELS[value] },
    { title: '价格', dataIndex: 'priceFen', key: 'price', width: 110, align: 'right', render: (fen: number) => formatYuan(fen) },
    {
      title: '适合肤质',
      dataIndex: 'suitableSkinTypes',
      key: 'skinTypes',
      render: (types: ProductResponse['suitableSkinTypes']) =>
        types.length === 0 ? <Typography.Text type="secondary">全部肤质</Typography.Text> : types.map((type) => <Tag key={type}>{SKIN_TYPE_LABELS[type]}</Tag>),
    },
    { title: '使用天数', dataIndex: 'usageDays', key: 'usageDays', width: 90, render: (days: number | null) => (days ? `${days} 天` : EMPTY) },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (isActive: boolean) => (isActive ? <Tag color="green">启用中</Tag> : <Tag>已停用</Tag>),
    },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, product) =>
        canEdit ? (
          <Space size={0}>
            <Button type="link" size="small" className="product-edit" onClick={() => setDrawer({ product })}>
              编辑
            </Button>
            {product.active ? (
              <Button type="link" size="small" danger className="product-deactivate" onClick={() => confirmDeactivate(product)}>
                停用
              </Button>
            ) : (
              <Button
                type="link"
                size="small"
                className="product-activate"
                loading={toggle.isPending && toggle.variables?.id === product.id}
                onClick={() => toggle.mutate(product)}
              >
                启用
              </Button>
            )}
          </Space>
        ) : (
          <Button type="link" size="small" className="product-view" onClick={() => setDrawer({ product })}>
            查看
          </Button>
        ),
    },
  ];

  return (
    <Card
      title="商品管理"
      extra={
        canEdit && (
          <Space>
            <Button id="product-import-button" icon={<FileExcelOutlined />} onClick={() => setImporting(true)}>
              Excel 导入
            </Button>
            <Button id="product-create" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ product: null })}>
              新建商品
            </Button>
          </Space>
        )
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={12} wrap>
          <Input.Search
            id="product-search"
            allowClear
            enterButton="搜索"
            maxLength={MAX_QUERY_LENGTH}
            placeholder="SKU、商品名称或系列"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onSearch={(value) => updateParams({ q: value.trim(), page: 1 })}
            style={{ maxWidth: 360 }}
          />
          <Select<ProductCategory>
            id="product-category-filter"
            allowClear
            placeholder="全部分类"
            options={CATEGORY_OPTIONS}
            value={category}
            onChange={(value) => updateParams({ category: value ?? null, page: 1 })}
            style={{ width: 140 }}
          />
          <Select<ActiveFilter>
            id="product-active-filter"
            allowClear
            placeholder="全部状态"
            options={[...ACTIVE_OPTIONS]}
            value={active}
            onChange={(value) => updateParams({ active: value ?? null, page: 1 })}
            style={{ width: 140 }}
          />
        </Flex>
        {!canEdit && <Alert type="info" showIcon title="您可以查看商品；新建、编辑、导入与停用由市场或管理员操作。" />}
        {error && <Alert id="product-error" type="error" showIcon title={error.message} />}
        <Table<ProductResponse>
          id="product-table"
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个商品`,
          }}
          onChange={(pagination) => {
            const nextSize = pagination.pageSize ?? pageSize;
            updateParams({ page: nextSize === pageSize ? (pagination.current ?? 1) : 1, pageSize: nextSize });
          }}
          scroll={{ x: 1100 }}
        />
      </Flex>
      <ProductFormDrawer open={drawer !== null} product={drawer?.product ?? null} readOnly={!canEdit} onClose={() => setDrawer(null)} />
      <ProductImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
