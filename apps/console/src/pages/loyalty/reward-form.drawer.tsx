import type { RewardView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { createReward, listTiers, loyaltyConfigKeys, updateReward } from '../../api/loyalty-config.service';
import { REWARD_KIND_LABELS } from '../../shared/loyalty-till-labels';
import { DateTimeField } from './date-time-field';
import { fieldErrorsOf, problemSummary } from './form-problems';
import { COUPON_CODE_PATTERN, REWARD_KINDS } from './loyalty-labels';
import { REWARD_FIELD_LABELS, REWARD_IMAGE_URL_PATTERN, REWARD_LIMITS, toRewardFormValues, toSaveRewardBody, windowProblem, type RewardFormValues } from './reward-form';
import { RewardProductPicker } from './reward-product-picker';

const KIND_OPTIONS = REWARD_KINDS.map((kind) => ({ value: kind, label: REWARD_KIND_LABELS[kind] }));

export interface RewardFormDrawerProps {
  open: boolean;
  /** The reward to edit or view; null creates a new one. */
  reward: RewardView | null;
  readOnly: boolean;
  onClose: () => void;
}

export function RewardFormDrawer({ open, reward, readOnly, onClose }: RewardFormDrawerProps) {
  return (
    <Drawer open={open} onClose={onClose} size={640} destroyOnHidden title={readOnly ? '兑换商品详情' : reward ? `编辑兑换商品 · ${reward.name}` : '新建兑换商品'}>
      {open && <RewardForm reward={reward} readOnly={readOnly} onDone={onClose} />}
    </Drawer>
  );
}

function RewardForm({ reward, readOnly, onDone }: { reward: RewardView | null; readOnly: boolean; onDone: () => void }) {
  const [form] = Form.useForm<RewardFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kind = Form.useWatch('kind', form) ?? reward?.kind ?? 'product';
  const tiers = useQuery({ queryKey: loyaltyConfigKeys.tiers, queryFn: ({ signal }) => listTiers(signal) });
  const tierOptions = (tiers.data ?? []).map((tier) => ({ value: tier.code, label: tier.name }));

  const save = useMutation({
    mutationFn: (values: RewardFormValues) => {
      const body = toSaveRewardBody(values);
      return reward ? updateReward(reward.id, body) : createReward(body);
    },
    onSuccess: async (saved) => {
      message.success(reward ? `已保存 ${saved.name}` : `已创建 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: loyaltyConfigKeys.rewards });
      onDone();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error) as Parameters<typeof form.setFields>[0]),
  });

  return (
    <Form<RewardFormValues>
      form={form}
      id="reward-form"
      name="reward"
      layout="vertical"
      disabled={readOnly}
      initialValues={toRewardFormValues(reward)}
      onFinish={(values) => save.mutate(values)}
    >
      {save.error && (
        <Alert
          id="reward-form-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={save.error.message}
          description={problemSummary(save.error, REWARD_FIELD_LABELS)}
        />
      )}
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Radio.Group optionType="button" options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
        <Input maxLength={REWARD_LIMITS.nameLength} showCount />
      </Form.Item>
      {kind === 'product' && (
        <Form.Item name="productId" label="关联商品" extra="会员兑换后凭提货码到门店领取该商品" rules={[{ required: true, message: '请选择关联的商品' }]}>
          <RewardProductPicker disabled={readOnly} />
        </Form.Item>
      )}
      {kind === 'coupon' && (
        <Form.Item
          name="couponTemplateCode"
          label="优惠券模板编码"
          extra="兑换后发放该模板的优惠券（优惠券模块上线后生效）"
          rules={[
            { required: true, whitespace: true, message: '请输入优惠券模板编码' },
            { pattern: COUPON_CODE_PATTERN, message: '字母、数字、下划线或短横线，最多 40 位' },
          ]}
        >
          <Input maxLength={40} placeholder="如 BDAY-50" />
        </Form.Item>
      )}
      {kind === 'service' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="服务类兑换凭提货码到门店核销，请在介绍中写明服务内容与预约方式。" />}
      <Form.Item name="description" label="介绍">
        <Input.TextArea maxLength={REWARD_LIMITS.descriptionLength} showCount rows={3} />
      </Form.Item>
      <Form.Item name="imageUrl" label="图片地址" rules={[{ pattern: REWARD_IMAGE_URL_PATTERN, message: '须为 https:// 开头的地址或 /api/media/ 下的路径' }]}>
        <Input placeholder="https:// 开头的图片地址，或 /api/media/ 下的路径" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="pointsCost" label="所需积分" rules={[{ required: true, message: '请输入所需积分' }]}>
            <InputNumber {...REWARD_LIMITS.pointsCost} precision={0} suffix="积分" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="stockTotal"
            label="总库存"
            extra={reward ? `剩余 ${reward.stockLeft}；修改总库存时剩余同步增减` : undefined}
            rules={[{ required: true, message: '请输入总库存' }]}
          >
            <InputNumber {...REWARD_LIMITS.stockTotal} precision={0} suffix="件" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="perMemberLimit" label="每人限兑" rules={[{ required: true, message: '请输入每人限兑次数' }]}>
            <InputNumber {...REWARD_LIMITS.perMemberLimit} precision={0} suffix="次" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="startsAt" label="开始时间" extra="留空为立即开始">
            <DateTimeField placeholder="立即开始" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="endsAt"
            label="结束时间"
            extra="留空为长期有效"
            dependencies={['startsAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, endsAt: string | null) => {
                  const problem = windowProblem(getFieldValue('startsAt') as string | null, endsAt);
                  if (problem) throw new Error(problem);
                },
              }),
            ]}
          >
            <DateTimeField placeholder="长期有效" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="minTierCode" label="最低会员等级" extra="仅该等级及以上的会员可兑换">
        <Select allowClear options={tierOptions} loading={tiers.isFetching} placeholder="全部会员" />
      </Form.Item>
      {tiers.error && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`会员等级加载失败：${tiers.error.message}`} />}
      <Form.Item name="active" label="上架" valuePropName="checked" extra="下架后会员不能再兑换，已兑换的记录不受影响">
        <Switch checkedChildren="上架" unCheckedChildren="下架" />
      </Form.Item>
      {!readOnly && (
        <Flex gap={8}>
          <Button id="reward-form-submit" type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Flex>
      )}
    </Form>
  );
}
