import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AdvisorScheduleView, ServiceAdminView, StoreScheduleView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Form, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { appointmentKeys, getStoreSchedule, listAdvisorSchedules, listServices, saveAdvisorSchedule } from '../../api/appointment.service';
import { errorProblems } from '../../shared/error-details';
import { SERVICE_KIND_LABELS, WEEKDAY_LABELS } from '../../shared/labels';
import { PageSpinner } from '../../shared/page-spinner';
import {
  DEFAULT_HOURS,
  duplicateDates,
  rangesOverlap,
  toAdvisorScheduleBody,
  toAdvisorScheduleFormValues,
  type AdvisorScheduleFormValues,
} from './schedule-form';
import { timeRangeRules } from './store-hours.editor';
import { DateField, TimeRangeField, toHhmm, type TimeRangeValue } from './time-fields';

const OFF_OPTIONS = [
  { value: true, label: '休息' },
  { value: false, label: '上班' },
];

export interface AdvisorScheduleEditorProps {
  storeId: string;
  canEdit: boolean;
}

/** Each advisor's weekly shifts, their days off or changed hours, and the services they can give. */
export function AdvisorScheduleEditor({ storeId, canEdit }: AdvisorScheduleEditorProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const advisors = useQuery({ queryKey: appointmentKeys.advisorSchedules(storeId), queryFn: ({ signal }) => listAdvisorSchedules(storeId, signal) });
  const services = useQuery({ queryKey: appointmentKeys.services, queryFn: ({ signal }) => listServices(signal) });
  const hours = useQuery({ queryKey: appointmentKeys.storeSchedule(storeId), queryFn: ({ signal }) => getStoreSchedule(storeId, signal) });

  const error = advisors.error ?? services.error;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!advisors.data || !services.data) return <PageSpinner />;
  if (advisors.data.length === 0) {
    return (
      <div id="advisor-schedule">
        <Empty description="该门店还没有美容顾问" />
      </div>
    );
  }
  const schedule = advisors.data.find((advisor) => advisor.advisorId === picked) ?? advisors.data[0];

  return (
    <Flex vertical gap={16} id="advisor-schedule">
      <Radio.Group
        id="advisor-picker"
        optionType="button"
        buttonStyle="solid"
        value={schedule.advisorId}
        options={advisors.data.map((advisor) => ({ value: advisor.advisorId, label: advisor.advisorName }))}
        onChange={(event) => setPicked(event.target.value as string)}
      />
      <AdvisorScheduleForm
        key={schedule.advisorId}
        storeId={storeId}
        schedule={schedule}
        services={services.data}
        storeHours={hours.data}
        canEdit={canEdit}
      />
    </Flex>
  );
}

export interface AdvisorScheduleFormProps {
  storeId: string;
  schedule: AdvisorScheduleView;
  services: ServiceAdminView[];
  storeHours: StoreScheduleView | undefined;
  canEdit: boolean;
}

/** The shift a new range starts with: the store's hours that weekday, else a full day. */
function defaultRange(storeHours: StoreScheduleView | undefined, weekday: number): TimeRangeValue {
  const open = storeHours?.hours[String(weekday)];
  return open ? [toHhmm(open.open), toHhmm(open.close)] : DEFAULT_HOURS;
}

export function AdvisorScheduleForm({ storeId, schedule, services, storeHours, canEdit }: AdvisorScheduleFormProps) {
  const [form] = Form.useForm<AdvisorScheduleFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (values: AdvisorScheduleFormValues) => saveAdvisorSchedule(schedule.advisorId, toAdvisorScheduleBody(values)),
    onSuccess: async (saved) => {
      message.success(`${saved.advisorName} 的排班已保存`);
      queryClient.setQueryData<AdvisorScheduleView[]>(appointmentKeys.advisorSchedules(storeId), (list) =>
        list?.map((advisor) => (advisor.advisorId === saved.advisorId ? saved : advisor)),
      );
      // Skills change which advisors a service lists.
      await queryClient.invalidateQueries({ queryKey: appointmentKeys.services });
    },
  });
  const problems = errorProblems(save.error);

  // Services offered at this store, plus any the advisor still has from before (so saving does not drop them unseen).
  const skillOptions = services
    .filter((service) => service.storeIds.includes(storeId) || schedule.serviceIds.includes(service.id))
    .map((service) => ({
      value: service.id,
      label: `${service.name}（${SERVICE_KIND_LABELS[service.kind]}）${service.active ? '' : ' · 已停用'}${service.storeIds.includes(storeId) ? '' : ' · 本店未提供'}`,
    }));

  return (
    <Form<AdvisorScheduleFormValues>
      form={form}
      id="advisor-schedule-form"
      name="shifts"
      layout="vertical"
      disabled={!canEdit}
      initialValues={toAdvisorScheduleFormValues(schedule)}
      // Values of every field, including the weekday each row carries without an input of its own.
      onFinish={() => save.mutate(form.getFieldsValue(true) as AdvisorScheduleFormValues)}
    >
      <Flex vertical gap={16}>
        {save.error && (
          <Alert
            id="advisor-schedule-error"
            type="error"
            showIcon
            title={save.error.message}
            description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
          />
        )}
        <Card size="small" title={`${schedule.advisorName} · 每周排班`} extra={<Typography.Text type="secondary">一天可设置多个时段，如午休前后各一段</Typography.Text>}>
          <Form.List name="week">
            {(days) =>
              days.map((day) => {
                const weekday = (form.getFieldValue(['week', day.name, 'weekday']) as number | undefined) ?? day.name + 1;
                return (
                  <Form.List
                    key={day.key}
                    name={[day.name, 'ranges']}
                    rules={[
                      {
                        validator: async (_, ranges: (TimeRangeValue | null)[]) => {
                          if (rangesOverlap(ranges)) throw new Error('同一天的时段不能重叠');
                        },
                      },
                    ]}
                  >
                    {(ranges, { add, remove }, { errors }) => (
                      <Flex
                        className="shift-day"
                        data-weekday={weekday}
                        gap={16}
                        align="start"
                        style={{ padding: '8px 0', borderBottom: weekday < 7 ? '1px solid #f0f0f0' : undefined }}
                      >
                        <Typography.Text strong style={{ width: 40, lineHeight: '32px' }}>
                          {WEEKDAY_LABELS[weekday]}
                        </Typography.Text>
                        <Flex vertical gap={8} style={{ flex: 1 }}>
                          <Flex gap={8} wrap align="center">
                            {ranges.length === 0 && <Tag>休息</Tag>}
                            {ranges.map((range) => (
                              <Flex key={range.key} gap={4} align="start">
                                <Form.Item name={range.name} rules={timeRangeRules} style={{ marginBottom: 0 }}>
                                  <TimeRangeField id={`shift-${weekday}-${range.name}`} />
                                </Form.Item>
                                {canEdit && <Button aria-label="删除时段" icon={<DeleteOutlined />} onClick={() => remove(range.name)} />}
                              </Flex>
                            ))}
                            {canEdit && (
                              <Button className="shift-add" type="dashed" icon={<PlusOutlined />} onClick={() => add(defaultRange(storeHours, weekday))}>
                                时段
                              </Button>
                            )}
                          </Flex>
                          <Form.ErrorList errors={errors} />
                        </Flex>
                      </Flex>
                    )}
                  </Form.List>
                );
              })
            }
          </Form.List>
        </Card>
        <Card size="small" title="例外日期" extra={<Typography.Text type="secondary">请假或调班，当天以此为准</Typography.Text>}>
          <Form.List
            name="exceptions"
            rules={[
              {
                validator: async (_, exceptions: AdvisorScheduleFormValues['exceptions']) => {
                  const twice = duplicateDates(exceptions.map((exception) => exception?.date));
                  if (twice.length > 0) throw new Error(`同一天只能设置一次：${twice.join('、')}`);
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {fields.length === 0 && <Typography.Text type="secondary">暂无例外</Typography.Text>}
                {fields.map((field) => (
                  <Flex key={field.key} className="shift-exception" gap={8} align="start" wrap>
                    <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 0 }}>
                      <DateField id={`exception-${field.name}-date`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'off']} style={{ marginBottom: 0 }}>
                      <Radio.Group optionType="button" options={OFF_OPTIONS} />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['exceptions', field.name, 'off']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['exceptions', field.name, 'off']) ? null : (
                          <Form.Item name={[field.name, 'hours']} rules={timeRangeRules} style={{ marginBottom: 0 }}>
                            <TimeRangeField id={`exception-${field.name}-hours`} />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    {canEdit && <Button aria-label="删除例外" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                {canEdit && (
                  <Button id="exception-add" type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, off: true, hours: null })} style={{ width: 200 }}>
                    添加例外
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="服务技能" extra={<Typography.Text type="secondary">只会为勾选的项目分配此顾问</Typography.Text>}>
          {skillOptions.length === 0 ? (
            <Typography.Text type="secondary">本店还没有提供的服务项目，请先在「服务项目」中设置</Typography.Text>
          ) : (
            <div id="advisor-skills">
              <Form.Item name="serviceIds" style={{ marginBottom: 0 }}>
                <Checkbox.Group options={skillOptions} />
              </Form.Item>
            </div>
          )}
        </Card>
        {canEdit && (
          <Flex>
            <Button id="advisor-schedule-save" type="primary" htmlType="submit" loading={save.isPending}>
              保存排班
            </Button>
          </Flex>
        )}
      </Flex>
    </Form>
  );
}
