import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TierView } from '@glow/contracts';
import { MAX_TIERS } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Space, Table, Typography, type TableColumnsType } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { listTiers, loyaltyConfigKeys, saveTiers } from '../../api/loyalty-config.service';
import { useCan } from '../../auth/permissions';
import { PageSpinner } from '../../shared/page-spinner';
import { fieldErrorsOf, problemSummary } from './form-problems';
import { COUPON_CODE_PATTERN, TIER_CODE_PATTERN } from './loyalty-labels';
import { echarts, membersByTierOption } from './tier-charts';
import {
  ladderProblems,
  newTierRow,
  TIER_FIELD_LABELS,
  TIER_LIMITS,
  tierFormPathOf,
  toSaveTiersBody,
  toTierLadderFormValues,
  type TierLadderFormValues,
} from './tier-ladder-form';

/** The tier ladder: thresholds by qualifying spend, points multipliers and benefits, and how many members hold each tier. */
export function TiersPage() {
  const canEdit = useCan('loyalty:configure');
  const tiers = useQuery({ queryKey: loyaltyConfigKeys.tiers, queryFn: ({ signal }) => listTiers(signal) });

  return (
    <Flex vertical gap={16} id="tiers">
      {tiers.error && <Alert id="tiers-load-error" type="error" showIcon title={tiers.error.message} />}
      {tiers.data ? (
        <>
          <Card title="各等级会员数">
            {tiers.data.length > 0 ? (
              <ReactEChartsCore id="chart-tier-members" echarts={echarts} option={membersByTierOption(tiers.data)} notMerge style={{ height: 280 }} />
            ) : (
              <Empty description="尚未设置会员等级" />
            )}
          </Card>
          <Card title="会员等级">
            <Flex vertical gap={16}>
              {!canEdit && <Alert type="info" showIcon title="您可以查看会员等级；修改由市场或管理员操作。" />}
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                等级按近 12 个月的实付消费（扣除退款）评定：达到门槛立即升级，低于门槛时在降级宽限期后每次最多降一级。第一个等级的门槛须为
                0，门槛逐级升高；保存时整体替换等级设置，仍有会员的等级不能删除。
              </Typography.Paragraph>
              <TierLadderForm saved={tiers.data} canEdit={canEdit} />
            </Flex>
          </Card>
        </>
      ) : (
        !tiers.error && <PageSpinner />
      )}
    </Flex>
  );
}

function TierLadderForm({ saved, canEdit }: { saved: TierView[]; canEdit: boolean }) {
  const [form] = Form.useForm<TierLadderFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<string[]>([]);

  const save = useMutation({
    mutationFn: (values: TierLadderFormValues) => saveTiers(toSaveTiersBody(values)),
    onSuccess: async (ladder) => {
      queryClient.setQueryData(loyaltyConfigKeys.tiers, ladder);
      form.setFieldsValue(toTierLadderFormValues(ladder));
      message.success('会员等级已保存');
      // Rewards show the name of the tier they require, which may have changed.
      await queryClient.invalidateQueries({ queryKey: loyaltyConfigKeys.rewards });
    },
    onError: (error) => form.setFields(fieldErrorsOf(error, tierFormPathOf) as Parameters<typeof form.setFields>[0]),
  });

  const submit = () => {
    // Every row's values, including the member count each row carries without an input of its own.
    const values = form.getFieldsValue(true) as TierLadderFormValues;
    const found = ladderProblems(values, saved);
    setProblems(found);
    if (found.length === 0) save.mutate(values);
  };

  return (
    <Form<TierLadderFormValues>
      form={form}
      id="tier-ladder"
      name="ladder"
      disabled={!canEdit}
      initialValues={toTierLadderFormValues(saved)}
      onFinish={submit}
      // What was found is about the ladder as it was; an edit may have fixed it.
      onValuesChange={() => {
        if (problems.length > 0) setProblems([]);
      }}
    >
      <Form.List name="tiers">
        {(fields, { add, remove, move }) => {
          const columns: TableColumnsType<(typeof fields)[number]> = [
            { title: '等级', key: 'rank', width: 56, render: (_, field) => field.name + 1 },
            {
              title: '代码',
              key: 'code',
              width: 130,
              render: (_, field) => (
                <Form.Item
                  name={[field.name, 'code']}
                  normalize={(value: string) => value.toLowerCase()}
                  rules={[
                    { required: true, message: '请输入代码' },
                    { pattern: TIER_CODE_PATTERN, message: '2–20 位小写字母、数字或下划线，以字母开头' },
                  ]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder="如 silver" maxLength={20} />
                </Form.Item>
              ),
            },
            {
              title: '名称',
              key: 'name',
              width: 110,
              render: (_, field) => (
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入名称' }]} style={{ marginBottom: 0 }}>
                  <Input placeholder="如 银卡" maxLength={TIER_LIMITS.nameLength} />
                </Form.Item>
              ),
            },
            {
              title: '门槛（元）',
              key: 'minSpendYuan',
              width: 150,
              render: (_, field) => (
                <Form.Item name={[field.name, 'minSpendYuan']} rules={[{ required: true, message: '请输入门槛' }]} style={{ marginBottom: 0 }}>
                  <InputNumber {...TIER_LIMITS.minSpendYuan} precision={2} prefix="¥" style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
            {
              title: '积分倍数',
              key: 'multiplierPct',
              width: 120,
              render: (_, field) => (
                <Form.Item name={[field.name, 'multiplierPct']} rules={[{ required: true, message: '请输入倍数' }]} style={{ marginBottom: 0 }}>
                  <InputNumber {...TIER_LIMITS.multiplierPct} precision={0} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
            {
              title: '生日礼券编码',
              key: 'birthdayCouponCode',
              width: 150,
              render: (_, field) => (
                <Form.Item
                  name={[field.name, 'birthdayCouponCode']}
                  rules={[{ pattern: COUPON_CODE_PATTERN, message: '字母、数字、下划线或短横线，最多 40 位' }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder="不送可留空" maxLength={40} />
                </Form.Item>
              ),
            },
            {
              title: '预约可提前天数',
              key: 'bookingExtraDays',
              width: 130,
              render: (_, field) => (
                <Form.Item name={[field.name, 'bookingExtraDays']} rules={[{ required: true, message: '请输入天数' }]} style={{ marginBottom: 0 }}>
                  <InputNumber {...TIER_LIMITS.bookingExtraDays} precision={0} suffix="天" style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
            {
              title: '权益说明',
              key: 'description',
              render: (_, field) => (
                <Form.Item name={[field.name, 'description']} style={{ marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={TIER_LIMITS.descriptionLength} placeholder="会员在小程序看到的权益介绍" />
                </Form.Item>
              ),
            },
            {
              title: '会员数',
              key: 'memberCount',
              width: 80,
              align: 'right',
              render: (_, field) => {
                const count = form.getFieldValue(['tiers', field.name, 'memberCount']) as number | undefined;
                return count === undefined ? <Typography.Text type="secondary">新增</Typography.Text> : count.toLocaleString('zh-CN');
              },
            },
          ];
          if (canEdit) {
            columns.push({
              title: '操作',
              key: 'actions',
              width: 120,
              render: (_, field) => (
                <Space size={0}>
                  <Button type="text" size="small" aria-label="上移" icon={<ArrowUpOutlined />} disabled={field.name === 0} onClick={() => move(field.name, field.name - 1)} />
                  <Button
                    type="text"
                    size="small"
                    aria-label="下移"
                    icon={<ArrowDownOutlined />}
                    disabled={field.name === fields.length - 1}
                    onClick={() => move(field.name, field.name + 1)}
                  />
                  <Button type="text" size="small" danger aria-label="删除等级" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ),
            });
          }
          return (
            <Flex vertical gap={12}>
              <Table
                id="tier-table"
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={fields}
                pagination={false}
                scroll={{ x: 1200 }}
                locale={{ emptyText: '尚未设置会员等级' }}
              />
              {canEdit && (
                <Button
                  id="tier-add"
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= MAX_TIERS}
                  onClick={() => add(newTierRow(form.getFieldValue('tiers') as TierLadderFormValues['tiers']))}
                  style={{ alignSelf: 'flex-start' }}
                >
                  添加等级
                </Button>
              )}
            </Flex>
          );
        }}
      </Form.List>
      <Flex vertical gap={12} style={{ marginTop: 16 }}>
        {problems.length > 0 && (
          <Alert
            id="tier-ladder-problems"
            type="warning"
            showIcon
            title="等级设置有误，尚未保存"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            }
          />
        )}
        {save.error && <Alert id="tiers-error" type="error" showIcon title={save.error.message} description={problemSummary(save.error, TIER_FIELD_LABELS)} />}
        {canEdit && (
          <Button id="tiers-save" type="primary" htmlType="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            保存等级
          </Button>
        )}
      </Flex>
    </Form>
  );
}
