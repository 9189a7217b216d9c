import { Alert, Card, Flex, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { can, canConfigureStore, storeScopeOf } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { AdvisorScheduleEditor } from './advisor-schedule.editor';
import { PolicyEditor } from './policy.editor';
import { ServiceTable } from './service-table';
import { StoreHoursEditor } from './store-hours.editor';
import { StorePicker, useStoreChoice } from './store-picker';

const TABS = ['services', 'hours', 'shifts', 'policy'] as const;
type SettingsTab = (typeof TABS)[number];

/** Services, store hours and advisor shifts: store managers set up their own store, admins every store; others read. */
export function AppointmentSettingsPage() {
  const session = useSession();
  const staff = session?.staff;
  const scope = storeScopeOf(staff);
  const [params, setParams] = useSearchParams();
  const tab: SettingsTab = TABS.find((candidate) => candidate === params.get('tab')) ?? 'services';
  const choice = useStoreChoice(params.get('storeId'));
  const storeId = choice.storeId;
  const canEditServices = can(staff?.role, 'appointment:configure');
  const canEditStore = canConfigureStore(staff, storeId);

  const update = (next: { tab?: SettingsTab; storeId?: string }) => {
    const result = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    const nextStore = next.storeId ?? (choice.fixed ? null : storeId);
    if (nextTab !== 'services') result.set('tab', nextTab);
    if (nextStore && !choice.fixed) result.set('storeId', nextStore);
    setParams(result);
  };

  const needsStore = (content: (id: string) => ReactNode) =>
    storeId ? content(storeId) : <Alert type="warning" showIcon title={choice.fixed ? '您的账号尚未关联门店，请联系管理员。' : '请先选择门店'} />;

  return (
    <Card
      id="appointment-settings"
      title="预约设置"
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">门店</Typography.Text>
          <StorePicker id="settings-store" choice={choice} onChange={(next) => update({ storeId: next })} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {!canEditServices && <Alert type="info" showIcon title="您可以查看预约设置；服务项目、营业时间与排班由店长（本店）或管理员修改。" />}
        {choice.error && <Alert type="error" showIcon title={choice.error.message} />}
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: TABS.find((candidate) => candidate === key) ?? 'services' })}
          items={[
            {
              key: 'services',
              label: '服务项目',
              children: <ServiceTable stores={choice.stores} storeId={storeId} scope={scope} canEdit={canEditServices} />,
            },
            {
              key: 'hours',
              label: '营业时间',
              children: needsStore((id) => <StoreHoursEditor key={id} storeId={id} canEdit={canEditStore} />),
            },
            {
              key: 'shifts',
              label: '排班',
              children: needsStore((id) => <AdvisorScheduleEditor key={id} storeId={id} canEdit={canEditStore} />),
            },
            {
              key: 'policy',
              label: '预约规则',
              children: <PolicyEditor canEdit={staff?.role === 'admin'} />,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
