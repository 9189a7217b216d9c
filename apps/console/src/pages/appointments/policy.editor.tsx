import { Alert, App, Button, Form, InputNumber, Space } from 'antd';
import type { AppointmentPolicyView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { appointmentKeys, getAppointmentPolicy, saveAppointmentPolicy } from '../../api/appointment.service';

const FIELDS: { name: keyof AppointmentPolicyView; label: string; min: number; max: number; unit: string }[] = [
  { name: 'noShowGraceMin', label: '超过预约开始多久未到店记为爽约', min: 5, max: 240, unit: '分钟' },
  { name: 'noShowMax', label: '爽约次数达到', min: 1, max: 20, unit: '次' },
  { name: 'noShowWindowDays', label: '统计周期', min: 1, max: 365, unit: '天内' },
  { name: 'noShowPauseDays', label: '暂停预约', min: 0, max: 365, unit: '天（0 为不暂停）' },
  { name: 'reminderHoursBefore', label: '提前发送到店提醒', min: 1, max: 72, unit: '小时' },
];

/** Brand-wide booking rules: when a booking becomes a no-show, when booking pauses, when reminders go out. */
export function PolicyEditor({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppointmentPolicyView>();
  const policy = useQuery({ queryKey: appointmentKeys.policy, queryFn: ({ signal }) => getAppointmentPolicy(signal) });
  const save = useMutation({
    mutationFn: saveAppointmentPolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(appointmentKeys.policy, saved);
      void message.success('预约规则已保存');
    },
  });
  if (policy.error) return <Alert type="error" showIcon title={policy.error.message} />;
  if (!policy.data) return null;
  return (
    <Form id="appointment-policy" form={form} layout="horizontal" labelCol={{ span: 8 }} initialValues={policy.data} disabled={!canEdit} onFinish={(values) => save.mutate(values)}>
      {FIELDS.map((f) => (
        <Form.Item key={f.name} label={f.label}>
          <Space>
            <Form.Item name={f.name} noStyle rules={[{ required: true, message: '请填写' }]}>
              <InputNumber id={`policy-${f.name}`} min={f.min} max={f.max} precision={0} />
            </Form.Item>
            <span>{f.unit}</span>
          </Space>
        </Form.Item>
      ))}
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
      {canEdit && (
        <Form.Item wrapperCol={{ offset: 8 }}>
          <Button id="appointment-policy-save" type="primary" htmlType="submit" loading={save.isPending}>
            保存规则
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
