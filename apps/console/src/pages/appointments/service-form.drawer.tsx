import type { ServiceAdminView, ServiceKind, StoreSummary } from '@glow/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { appointmentKeys, createService, updateService } from '../../api/appointment.service';
import { isApiError } from '../../api/http';
import { errorProblems } from '../../shared/error-details';
import { SERVICE_KIND_LABELS } from '../../shared/labels';
import { SERVICE_CODE_PATTERN, SERVICE_LIMITS, serviceFormFieldOf, toSaveServiceBody, toServiceFormValues, type ServiceFormValues } from './service-form';

const CODE_TAKEN = 'APPOINTMENT_SERVICE_CODE_TAKEN';
const KIND_OPTIONS = (Object.keys(SERVICE_KIND_LABELS) as ServiceKind[]).map((kind) => ({ value: kind, label: SERVICE_KIND_LABELS[kind] }));

export interface ServiceFormDrawerProps {
  open: boolean;
  /** The service to edit or view; null creates a new one. */
  service: ServiceAdminView | null;
  stores: StoreSummary[];
  /** A store manager's own store: the only one they can switch on or off. */
  scope: string | null;
  readOnly: boolean;
  onClose: () => void;
}

export function ServiceFormDrawer({ open, service, stores, scope, readOnly, onClose }: ServiceFormDrawerProps) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={readOnly ? '服务项目详情' : service ? `编辑服务项目 · ${service.code}` : '新建服务项目'}
    >
      {open && <ServiceForm service={service} stores={stores} scope={scope} readOnly={readOnly} onDone={onClose} />}
    </Drawer>
  );
}

function ServiceForm({ service, stores, scope, readOnly, onDone }: Omit<ServiceFormDrawerProps, 'open' | 'onClose'> & { onDone: () => void }) {
  const [form] = Form.useForm<ServiceFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (values: ServiceFormValues) => {
      const body = toSaveServiceBody(values);
      return service ? updateService(service.id, body) : createService(body);
    },
    onSuccess: async (saved) => {
      message.success(service ? `已保存 ${saved.name}` : `已创建 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: appointmentKeys.services });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === CODE_TAKEN) form.setFields([{ name: 'code', errors: [error.message] }]);
      const byField = new Map<string, string[]>();
      for (const { field, problem } of errorProblems(error)) byField.set(field, [...(byField.get(field) ?? []), problem]);
      // The API names fields at run time, so the path cannot be checked against the form's type.
      const fields = [...byField].map(([field, problems]) => ({ name: serviceFormFieldOf(field), errors: problems }));
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
    },
  });

  const problems = errorProblems(save.error);
  const storeOptions = stores
    .filter((store) => !scope || store.id === scope)
    .map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` }));
  const elsewhere = scope && service ? service.storeIds.filter((id) => id !== scope).length : 0;

  return (
    <Form<ServiceFormValues>
      form={form}
      id="service-form"
      name="service"
      layout="vertical"
      disabled={readOnly}
      initialValues={toServiceFormValues(service, scope)}
      onFinish={(values) => save.mutate(values)}
    >
      {save.error && (
        <Alert
          id="service-form-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={save.error.message}
          description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
        />
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label="项目编码"
            normalize={(value: string) => value.toUpperCase()}
            rules={[
              { required: true, message: '请输入项目编码' },
              { pattern: SERVICE_CODE_PATTERN, message: '2–20 位大写字母、数字或短横线' },
            ]}
          >
            <Input maxLength={20} placeholder="如 MAKEUP-TRY" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请输入项目名称' }]}>
            <Input maxLength={30} showCount />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={KIND_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label="项目介绍" extra="会员在小程序预约时看到">
        <Input.TextArea maxLength={300} showCount rows={3} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="durationMin" label="服务时长" rules={[{ required: true, message: '请输入时长' }]}>
            <InputNumber {...SERVICE_LIMITS.durationMin} precision={0} suffix="分钟" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="bufferAfterMin" label="整理时间" tooltip="每次服务后留给顾问整理的时间，期间不接新预约" rules={[{ required: true, message: '请输入整理时间' }]}>
            <InputNumber {...SERVICE_LIMITS.bufferAfterMin} precision={0} suffix="分钟" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="seats" label="名额" tooltip="同一时段可预约的人数；课程可多人，其他项目通常为 1" rules={[{ required: true, message: '请输入名额' }]}>
            <InputNumber {...SERVICE_LIMITS.seats} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="priceYuan" label="价格（元）" rules={[{ required: true, message: '请输入价格，免费填 0' }]}>
            <InputNumber {...SERVICE_LIMITS.yuan} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="depositYuan"
            label="定金（元）"
            dependencies={['priceYuan']}
            rules={[
              { required: true, message: '请输入定金，无需定金填 0' },
              ({ getFieldValue }) => ({
                validator: async (_, deposit: number | null) => {
                  const price = getFieldValue('priceYuan') as number | null;
                  if (deposit != null && price != null && deposit > price) throw new Error('定金不能高于价格');
                },
              }),
            ]}
          >
            <InputNumber {...SERVICE_LIMITS.yuan} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="minNoticeHours" label="至少提前" tooltip="距开始不足这么久的时段不再开放预约" rules={[{ required: true, message: '请输入' }]}>
            <InputNumber {...SERVICE_LIMITS.hours} precision={1} step={0.5} suffix="小时" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="bookingWindowDays" label="可预约未来" rules={[{ required: true, message: '请输入' }]}>
            <InputNumber {...SERVICE_LIMITS.bookingWindowDays} precision={0} suffix="天" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="cancelCutoffHours" label="取消截止" tooltip="开始前这么久之后，会员不能再自行取消或改约" rules={[{ required: true, message: '请输入' }]}>
            <InputNumber {...SERVICE_LIMITS.hours} precision={1} step={0.5} suffix="小时前" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="storeIds"
        label={scope ? '本店提供' : '提供门店'}
        extra={elsewhere > 0 ? `另有 ${elsewhere} 家门店提供此项目，由管理员设置` : undefined}
      >
        <Select mode="multiple" allowClear options={storeOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="不选则暂不在任何门店开放" />
      </Form.Item>
      <Form.Item name="active" label="启用" valuePropName="checked" extra="停用后会员不能再预约，已有预约不受影响">
        <Switch checkedChildren="启用" unCheckedChildren="停用" />
      </Form.Item>
      {!readOnly && (
        <Flex gap={8}>
          <Button id="service-form-submit" type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Flex>
      )}
    </Form>
  );
}
