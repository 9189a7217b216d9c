import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EarningRulesView } from '@glow/contracts';
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { getEarningRules, listTiers, loyaltyConfigKeys, saveEarningRules } from '../../api/loyalty-config.service';
import { useCan } from '../../auth/permissions';
import { formatDateTime } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import {
  BONUS_MULTIPLIER_LIMITS,
  duplicateBonusRules,
  EARNING_LIMITS,
  earningExample,
  exampleTier,
  MAX_BONUS_RULES,
  MAX_BONUS_VALUE_LENGTH,
  toEarningRulesBody,
  toEarningRulesFormValues,
  type EarningRulesFormValues,
} from './earning-rules-form';
import { fieldErrorsOf, problemSummary } from './form-problems';
import { BONUS_RULE_KIND_LABELS, BONUS_RULE_KINDS } from './loyalty-labels';

type NumberField = keyof typeof EARNING_LIMITS;

interface FieldSpec {
  name: NumberField;
  label: string;
  unit: string;
  help: string;
}

const SECTIONS: { title: string; fields: FieldSpec[]; bonusRules?: true }[] = [
  {
    title: '消费积分',
    bonusRules: true,
    fields: [
      { name: 'pointsPerYuan', label: '每消费 1 元得积分', unit: '积分', help: '按实付金额计算，再乘以商品加倍、会员等级倍数和生日月倍数，每笔订单向下取整一次' },
      { name: 'birthdayMultiplierPct', label: '生日月倍数', unit: '%', help: '会员生日所在月份的消费积分倍数：100% 为不加倍，200% 为双倍' },
      { name: 'monthlyCap', label: '月度积分上限', unit: '积分/月', help: '每位会员每个自然月最多获得的消费积分，0 = 不限' },
    ],
  },
  {
    title: '到账与有效期',
    fields: [
      { name: 'returnWindowDays', label: '退货观察期（天）', unit: '天', help: '消费积分在此期间为“待到账”，期满后才可使用；期间退货直接取消' },
      { name: 'validityDays', label: '积分有效期（天）', unit: '天', help: '自获得之日起计算，到期当天 24:00 过期' },
      { name: 'expiryReminderDays', label: '到期提醒提前天数', unit: '天', help: '积分到期前这么多天，通过小程序订阅消息提醒会员一次' },
    ],
  },
  {
    title: '奖励积分',
    fields: [
      { name: 'profileBonus', label: '完善资料奖励', unit: '积分', help: '会员首次完善资料时奖励一次' },
      { name: 'skinTestBonus', label: '首次肤质测试奖励', unit: '积分', help: '会员首次完成肤质测试时奖励一次' },
      { name: 'referralBonus', label: '推荐好友奖励', unit: '积分', help: '每成功推荐一位新会员入会，奖励推荐人一次' },
      { name: 'bonusMonthlyCap', label: '奖励积分月度上限', unit: '积分/月', help: '以上奖励积分每位会员每个自然月最多获得，0 = 不限' },
    ],
  },
  {
    title: '会员等级',
    fields: [{ name: 'tierGraceDays', label: '降级宽限期（天）', unit: '天', help: '近 12 个月消费低于当前等级门槛后，保留等级的天数；每次评估最多降一级' }],
  },
];

/** Field names as the API reports them in VALIDATION_FAILED, in the form's words. */
const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(SECTIONS.flatMap((section) => section.fields.map((field) => [field.name, field.label]))),
  bonusRules: '加倍规则',
  kind: '类型',
  value: '商品或分类',
  multiplierPct: '倍数',
};

const KIND_OPTIONS = BONUS_RULE_KINDS.map((kind) => ({ value: kind, label: BONUS_RULE_KIND_LABELS[kind] }));
const CATEGORY_OPTIONS = PRODUCT_CATEGORIES.map((category) => ({ value: category, label: PRODUCT_CATEGORY_LABELS[category] }));

/** How members earn points: the ratio, multipliers, caps, pending and expiry periods, one-off bonuses. */
export function EarningRulesPage() {
  const canEdit = useCan('loyalty:configure');
  const rules = useQuery({ queryKey: loyaltyConfigKeys.earningRules, queryFn: ({ signal }) => getEarningRules(signal) });

  return (
    <Card id="earning-rules" title="积分规则">
      <Flex vertical gap={16}>
        {!canEdit && <Alert type="info" showIcon title="您可以查看积分规则；修改由市场或管理员操作。" />}
        {rules.error && <Alert id="earning-rules-load-error" type="error" showIcon title={rules.error.message} />}
        {rules.data ? <EarningRulesForm view={rules.data} canEdit={canEdit} /> : !rules.error && <PageSpinner />}
      </Flex>
    </Card>
  );
}

function EarningRulesForm({ view, canEdit }: { view: EarningRulesView; canEdit: boolean }) {
  const [form] = Form.useForm<EarningRulesFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The example only needs a tier's multiplier; without the ladder it is shown without one.
  const tiers = useQuery({ queryKey: loyaltyConfigKeys.tiers, queryFn: ({ signal }) => listTiers(signal) });
  const pointsPerYuan = Form.useWatch('pointsPerYuan', form);
  const birthdayMultiplierPct = Form.useWatch('birthdayMultiplierPct', form);
  const example = earningExample({ pointsPerYuan, birthdayMultiplierPct, bonusRules: [] }, exampleTier(tiers.data));

  const save = useMutation({
    mutationFn: (values: EarningRulesFormValues) => saveEarningRules(toEarningRulesBody(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(loyaltyConfigKeys.earningRules, saved);
      message.success('积分规则已保存');
    },
    onError: (error) => form.setFields(fieldErrorsOf(error) as Parameters<typeof form.setFields>[0]),
  });

  return (
    <Form<EarningRulesFormValues>
      form={form}
      id="earning-rules-form"
      name="rules"
      layout="vertical"
      disabled={!canEdit}
      initialValues={toEarningRulesFormValues(view)}
      onFinish={(values) => save.mutate(values)}
    >
      <Flex vertical gap={16}>
        {save.error && (
          <Alert id="earning-rules-error" type="error" showIcon title={save.error.message} description={problemSummary(save.error, FIELD_LABELS)} />
        )}
        <Alert
          id="earning-example"
          type="success"
          title={example ?? '填写每元积分与生日月倍数后显示示例'}
          description="按当前填写的规则计算：一笔不含加倍商品的订单，会员在生日月消费，未达月度上限。"
        />
        {SECTIONS.map((section) => (
          <Card key={section.title} size="small" title={section.title}>
            <Row gutter={16}>
              {section.fields.map((field) => (
                <Col key={field.name} xs={24} md={12} xl={8}>
                  <Form.Item name={field.name} label={field.label} extra={field.help} rules={[{ required: true, message: `请填写${field.label}` }]}>
                    <InputNumber {...EARNING_LIMITS[field.name]} precision={0} suffix={field.unit} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            {section.bonusRules && <BonusRulesEditor canEdit={canEdit} />}
          </Card>
        ))}
        <Flex gap={12} align="center">
          {canEdit && (
            <Button id="earning-rules-save" type="primary" htmlType="submit" loading={save.isPending}>
              保存规则
            </Button>
          )}
          <Typography.Text type="secondary">最近修改：{formatDateTime(view.updatedAt)}</Typography.Text>
        </Flex>
      </Flex>
    </Form>
  );
}

/** Lines of a bonus SKU or category earn more; when several rules match a line, only the highest applies. */
function BonusRulesEditor({ canEdit }: { canEdit: boolean }) {
  const form = Form.useFormInstance<EarningRulesFormValues>();
  return (
    <Form.Item label="商品加倍" extra="指定商品或分类的消费积分再乘以倍数；同一商品符合多条规则时只取最高的一条，不叠加。">
      <Form.List
        name="bonusRules"
        rules={[
          {
            validator: async (_, rules: EarningRulesFormValues['bonusRules']) => {
              const twice = duplicateBonusRules(rules);
              if (twice.length > 0) throw new Error(`同一商品或分类只能设置一条规则：${twice.join('、')}`);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} id="bonus-rules">
            {fields.length === 0 && <Typography.Text type="secondary">暂无加倍规则</Typography.Text>}
            {fields.map((field) => (
              <Flex key={field.key} className="bonus-rule" gap={8} align="start" wrap>
                <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '请选择类型' }]} style={{ marginBottom: 0 }}>
                  <Select
                    options={KIND_OPTIONS}
                    // A SKU is no category and the other way round: the value starts again with the kind.
                    onChange={() => form.setFieldValue(['bonusRules', field.name, 'value'], undefined)}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['bonusRules', field.name, 'kind']]}>
                  {({ getFieldValue }) =>
                    getFieldValue(['bonusRules', field.name, 'kind']) === 'category' ? (
                      <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: '请选择分类' }]} style={{ marginBottom: 0 }}>
                        <Select options={CATEGORY_OPTIONS} placeholder="选择分类" style={{ width: 200 }} />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'value']}
                        normalize={(value: string) => value.toUpperCase()}
                        rules={[{ required: true, whitespace: true, message: '请输入 SKU' }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input placeholder="SKU，如 GLOW-SERUM-30" maxLength={MAX_BONUS_VALUE_LENGTH} style={{ width: 200 }} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item name={[field.name, 'multiplierPct']} rules={[{ required: true, message: '请填写倍数' }]} style={{ marginBottom: 0 }}>
                  <InputNumber {...BONUS_MULTIPLIER_LIMITS} precision={0} suffix="%" style={{ width: 140 }} />
                </Form.Item>
                {canEdit && <Button aria-label="删除加倍规则" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            {canEdit && (
              <Button
                id="bonus-rule-add"
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_BONUS_RULES}
                onClick={() => add({ kind: 'category', value: undefined, multiplierPct: 200 })}
                style={{ alignSelf: 'flex-start' }}
              >
                添加加倍规则
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
