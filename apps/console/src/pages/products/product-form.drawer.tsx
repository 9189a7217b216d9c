import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProductResponse } from '@glow/contracts';
import {
  ALLERGEN_LABELS,
  ALLERGENS,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_LABELS,
  SKIN_CONCERN_LABELS,
  SKIN_CONCERNS,
  SKIN_TYPE_LABELS,
  SKIN_TYPES,
} from '@glow/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { isApiError } from '../../api/http';
import { createProduct, productKeys, updateProduct } from '../../api/product.service';
import { errorProblems } from '../../shared/error-details';
import {
  formFieldOf,
  IMAGE_URL_PATTERN,
  MAX_IMAGES,
  MAX_PRICE_YUAN,
  SKU_PATTERN,
  toCreateBody,
  toFormValues,
  toUpdateBody,
  type ProductFormValues,
} from './product-form';

const SKU_TAKEN = 'PRODUCT_SKU_TAKEN';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((key) => ({ value: key, label: labels[key] }));
const CATEGORY_OPTIONS = options(PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS);
const SKIN_TYPE_OPTIONS = options(SKIN_TYPES, SKIN_TYPE_LABELS);
const CONCERN_OPTIONS = options(SKIN_CONCERNS, SKIN_CONCERN_LABELS);
const ALLERGEN_OPTIONS = options(ALLERGENS, ALLERGEN_LABELS);

export interface ProductFormDrawerProps {
  open: boolean;
  /** The product to edit or view; null creates a new one. */
  product: ProductResponse | null;
  readOnly: boolean;
  onClose: () => void;
}

export function ProductFormDrawer({ open, product, readOnly, onClose }: ProductFormDrawerProps) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={readOnly ? '商品详情' : product ? `编辑商品 · ${product.sku}` : '新建商品'}
    >
      {open && <ProductForm product={product} readOnly={readOnly} onDone={onClose} />}
    </Drawer>
  );
}

function ProductForm({ product, readOnly, onDone }: { product: ProductResponse | null; readOnly: boolean; onDone: () => void }) {
  const [form] = Form.useForm<ProductFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (values: ProductFormValues) => (product ? updateProduct(product.id, toUpdateBody(values)) : createProduct(toCreateBody(values))),
    onSuccess: async (saved) => {
      message.success(product ? `已保存 ${saved.name}` : `已创建 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      onDone();
    },
    onError: (error) => {
      // Put what the API refused next to the field it belongs to; the alert below lists it as well.
      if (isApiError(error) && error.code === SKU_TAKEN) form.setFields([{ name: 'sku', errors: [error.message] }]);
      const byField = new Map<string, string[]>();
      for (const { field, problem } of errorProblems(error)) byField.set(field, [...(byField.get(field) ?? []), problem]);
      // The API names fields at run time, so the path cannot be checked against the form's type.
      const fields = [...byField].map(([field, problems]) => ({ name: formFieldOf(field), errors: problems }));
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
    },
  });

  const problems = errorProblems(save.error);

  return (
    <Form<ProductFormValues>
      form={form}
      id="product-form"
      name="product"
      layout="vertical"
      disabled={readOnly}
      initialValues={toFormValues(product)}
      onFinish={(values) => save.mutate(values)}
    >
      {save.error && (
        <Alert
          id="product-form-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={save.error.message}
          description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
        />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="sku"
            label="SKU"
            normalize={(value: string) => value.toUpperCase()}
            rules={[
              { required: true, message: '请输入 SKU' },
              { pattern: SKU_PATTERN, message: '3–32 位大写字母、数字或短横线，以字母或数字开头' },
            ]}
            extra={product ? 'SKU 创建后不可修改' : undefined}
          >
            <Input disabled={product !== null} maxLength={32} placeholder="如 GLOW-SERUM-30" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
            <Select options={CATEGORY_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label="商品名称" rules={[{ required: true, whitespace: true, message: '请输入商品名称' }]}>
        <Input maxLength={60} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="line" label="系列">
            <Input maxLength={30} placeholder="如 水光系列" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="priceYuan" label="价格（元）" rules={[{ required: true, message: '请输入价格' }]}>
            <InputNumber min={0} max={MAX_PRICE_YUAN} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="usageDays" label="使用天数" tooltip="一件正常使用可用多少天，用于复购提醒">
            <InputNumber min={1} max={3650} precision={0} suffix="天" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="suitableSkinTypes" label="适合肤质">
        <Select mode="multiple" allowClear options={SKIN_TYPE_OPTIONS} placeholder="不选表示适合所有肤质" />
      </Form.Item>
      <Form.Item name="concerns" label="针对问题">
        <Select mode="multiple" allowClear options={CONCERN_OPTIONS} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="allergens" label="含致敏成分" tooltip="会员标记过敏的成分，含该成分的商品不会推荐给他">
        <Select mode="multiple" allowClear options={ALLERGEN_OPTIONS} placeholder="请选择" />
      </Form.Item>
      <Form.Item label="商品图片" required={false} extra={`最多 ${MAX_IMAGES} 张，填写 https:// 开头的图片地址或 /api/media/ 下的路径`}>
        <Form.List name="images">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={field.name}
                    noStyle
                    rules={[
                      { required: true, whitespace: true, message: '请输入图片地址，或删除这一行' },
                      { pattern: IMAGE_URL_PATTERN, message: '须为 https:// 开头的地址或 /api/media/ 下的路径' },
                    ]}
                  >
                    <Input placeholder={`图片 ${index + 1} 地址`} />
                  </Form.Item>
                  {!readOnly && <Button aria-label="删除图片" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                </Flex>
              ))}
              {!readOnly && (
                <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_IMAGES} onClick={() => add('')}>
                  添加图片
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="description" label="商品描述">
        <Input.TextArea maxLength={500} showCount rows={4} />
      </Form.Item>
      {!readOnly && (
        <Space>
          <Button id="product-form-submit" type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          <Button onClick={onDone}>
            取消
          </Button>
        </Space>
      )}
    </Form>
  );
}
