import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StoreScheduleView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Switch, Tag, Typography } from 'antd';
import { appointmentKeys, getStoreSchedule, saveStoreSchedule } from '../../api/appointment.service';
import { errorProblems } from '../../shared/error-details';
import { WEEKDAY_LABELS } from '../../shared/labels';
import { PageSpinner } from '../../shared/page-spinner';
import { DEFAULT_HOURS, duplicateDates, rangeIsEmpty, toStoreHoursFormValues, toStoreScheduleBody, type StoreHoursFormValues } from './schedule-form';
import { DateField, TimeRangeField, type TimeRangeValue } from './time-fields';

const CLOSED_OPTIONS = [
  { value: true, label: '休息' },
  { value: false, label: '营业' },
];

export const timeRangeRules = [
  { required: true, message: '请选择时间' },
  {
    validator: async (_: unknown, range: TimeRangeValue | null) => {
      if (rangeIsEmpty(range)) throw new Error('结束时间须晚于开始时间');
    },
  },
];

export interface StoreHoursEditorProps {
  storeId: string;
  canEdit: boolean;
}

/** A store's weekly opening hours, its special days (holidays, events) and its map location. */
export function StoreHoursEditor({ storeId, canEdit }: StoreHoursEditorProps) {
  const { data, error } = useQuery({
    queryKey: appointmentKeys.storeSchedule(storeId),
    queryFn: ({ signal }) => getStoreSchedule(storeId, signal),
  });
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <PageSpinner />;
  return <StoreHoursForm key={storeId} storeId={storeId} view={data} canEdit={canEdit} />;
}

function StoreHoursForm({ storeId, view, canEdit }: { storeId: string; view: StoreScheduleView; canEdit: boolean }) {
  const [form] = Form.useForm<StoreHoursFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (values: StoreHoursFormValues) => saveStoreSchedule(storeId, toStoreScheduleBody(values)),
    onSuccess: (saved) => {
      message.success('营业时间已保存');
      queryClient.setQueryData(appointmentKeys.storeSchedule(storeId), saved);
    },
  });
  const problems = errorProblems(save.error);

  return (
    <Form<StoreHoursFormValues>
      form={form}
      id="schedule-hours"
      name="hours"
      layout="vertical"
      disabled={!canEdit}
      initialValues={toStoreHoursFormValues(view)}
      // Values of every field, including the weekday each row carries without an input of its own.
      onFinish={() => save.mutate(form.getFieldsValue(true) as StoreHoursFormValues)}
    >
      <Flex vertical gap={16}>
        {save.error && (
          <Alert
            id="schedule-hours-error"
            type="error"
            showIcon
            title={save.error.message}
            description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
          />
        )}
        <Card size="small" title="每周营业时间">
          <Form.List name="days">
            {(fields) =>
              fields.map((field) => {
                const weekday = (form.getFieldValue(['days', field.name, 'weekday']) as number | undefined) ?? field.name + 1;
                return (
                  <Flex key={field.key} className="store-hours-day" data-weekday={weekday} gap={16} align="center" style={{ minHeight: 40 }}>
                    <Typography.Text strong style={{ width: 40 }}>
                      {WEEKDAY_LABELS[weekday]}
                    </Typography.Text>
                    <Form.Item name={[field.name, 'open']} valuePropName="checked" noStyle>
                      <Switch
                        id={`store-hours-${weekday}-open`}
                        checkedChildren="营业"
                        unCheckedChildren="休息"
                        onChange={(open) => {
                          if (open && !form.getFieldValue(['days', field.name, 'hours'])) form.setFieldValue(['days', field.name, 'hours'], DEFAULT_HOURS);
                        }}
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['days', field.name, 'open']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['days', field.name, 'open']) ? (
                          <Form.Item name={[field.name, 'hours']} rules={timeRangeRules} style={{ marginBottom: 0 }}>
                            <TimeRangeField id={`store-hours-${weekday}`} />
                          </Form.Item>
                        ) : (
                          <Tag>休息</Tag>
                        )
                      }
                    </Form.Item>
                  </Flex>
                );
              })
            }
          </Form.List>
        </Card>
        <Card size="small" title="特殊日期" extra={<Typography.Text type="secondary">节假日调整营业时间或闭店，优先于每周营业时间</Typography.Text>}>
          <Form.List
            name="specialDays"
            rules={[
              {
                validator: async (_, days: StoreHoursFormValues['specialDays']) => {
                  const twice = duplicateDates(days.map((day) => day?.date));
                  if (twice.length > 0) throw new Error(`同一天只能设置一次：${twice.join('、')}`);
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {fields.length === 0 && <Typography.Text type="secondary">暂无特殊日期</Typography.Text>}
                {fields.map((field) => (
                  <Flex key={field.key} className="special-day" gap={8} align="start" wrap>
                    <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 0 }}>
                      <DateField id={`special-day-${field.name}-date`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'closed']} style={{ marginBottom: 0 }}>
                      <Radio.Group optionType="button" options={CLOSED_OPTIONS} />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['specialDays', field.name, 'closed']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['specialDays', field.name, 'closed']) ? null : (
                          <Form.Item name={[field.name, 'hours']} rules={timeRangeRules} style={{ marginBottom: 0 }}>
                            <TimeRangeField id={`special-day-${field.name}-hours`} />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <Form.Item name={[field.name, 'note']} style={{ marginBottom: 0 }}>
                      <Input placeholder="说明，如 国庆调整" maxLength={40} style={{ width: 200 }} />
                    </Form.Item>
                    {canEdit && <Button aria-label="删除特殊日期" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                {canEdit && (
                  <Button id="special-day-add" type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, closed: true, hours: null, note: '' })} style={{ width: 200 }}>
                    添加特殊日期
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="门店位置" extra={<Typography.Text type="secondary">会员在小程序中按距离查找门店</Typography.Text>}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="latitude"
                label="纬度"
                dependencies={['longitude']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, latitude: number | null) => {
                      if ((latitude == null) !== (getFieldValue('longitude') == null)) throw new Error('经纬度需同时填写');
                    },
                  }),
                ]}
              >
                <InputNumber min={-90} max={90} precision={6} style={{ width: '100%' }} placeholder="如 31.224361" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="longitude" label="经度">
                <InputNumber min={-180} max={180} precision={6} style={{ width: '100%' }} placeholder="如 121.446235" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {canEdit && (
          <Flex>
            <Button id="schedule-hours-save" type="primary" htmlType="submit" loading={save.isPending}>
              保存营业时间
            </Button>
          </Flex>
        )}
      </Flex>
    </Form>
  );
}
