import type { CampaignView, SaveCampaignDto } from '@glow/contracts';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, CAMPAIGN_STATUS_LABELS, JOURNEY_TRIGGER_LABELS, JOURNEY_TRIGGERS } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, InputNumber, Radio, Row, Select, Slider, Switch, Typography, Input } from 'antd';
import { useMemo, useState } from 'react';
import { campaignKeys, createCampaign, updateCampaign } from '../../api/campaign.service';
import { couponKeys, listCouponTemplates, type CouponTemplateSearch } from '../../api/coupon.service';
import { listSegments, segmentKeys } from '../../api/segment.service';
import { formatCount } from '../../shared/format';
import { DateTimeField } from '../loyalty/date-time-field';
import { CampaignActionsEditor, type CouponTemplateChoices } from './campaign-actions.editor';
import {
  campaignFieldErrors,
  campaignProblemLines,
  CAMPAIGN_LIMITS as LIMITS,
  DORMANT_QUICK_DAYS,
  isCampaignFieldLocked,
  isCampaignFinished,
  toCampaignFormValues,
  toSaveCampaignBody,
  TRIGGER_PARAMETERS,
  validateCampaignForm,
  type CampaignField,
  type CampaignFieldPath,
  type CampaignFormValues,
} from './campaign-form';
import { TimeField } from './time-field';

const KIND_OPTIONS = CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: CAMPAIGN_KIND_LABELS[kind] }));
const TRIGGER_OPTIONS = JOURNEY_TRIGGERS.map((trigger) => ({ value: trigger, label: JOURNEY_TRIGGER_LABELS[trigger] }));
/** Coupons a campaign can issue: the active ones (issued-only or claimable). */
const ACTIVE_TEMPLATES: CouponTemplateSearch = { status: 'active', page: 1, pageSize: 100 };

export interface CampaignDrawerProps {
  open: boolean;
  /** The campaign to edit or view; null creates a draft. */
  campaign: CampaignView | null;
  onClose: () => void;
}

export function CampaignDrawer({ open, campaign, onClose }: CampaignDrawerProps) {
  const readOnly = campaign !== null && isCampaignFinished(campaign);
  const title = !campaign ? '新建活动' : readOnly ? `活动详情 · ${campaign.name}` : `编辑活动 · ${campaign.name}`;
  return (
    <Drawer open={open} onClose={onClose} size={880} destroyOnHidden title={title}>
      {open && <CampaignForm campaign={campaign} readOnly={readOnly} onDone={onClose} />}
    </Drawer>
  );
}

function useCouponChoices(enabled: boolean): CouponTemplateChoices {
  const templates = useQuery({ queryKey: couponKeys.templateList(ACTIVE_TEMPLATES), queryFn: ({ signal }) => listCouponTemplates(ACTIVE_TEMPLATES, signal), enabled });
  return {
    options: (templates.data?.items ?? []).map((template) => ({ value: template.code, label: `${template.name}（${template.code}）` })),
    loading: templates.isFetching,
    error: templates.error?.message ?? null,
  };
}

function CampaignForm({ campaign, readOnly, onDone }: { campaign: CampaignView | null; readOnly: boolean; onDone: () => void }) {
  const [form] = Form.useForm<CampaignFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const initial = useMemo(() => toCampaignFormValues(campaign), [campaign]);
  const watched = Form.useWatch((all: CampaignFormValues) => all, { form, preserve: true });
  const values: CampaignFormValues = { ...initial, ...watched };
  const [generalProblems, setGeneralProblems] = useState<string[]>([]);
  const live = campaign !== null && campaign.status !== 'draft';
  const lock = (field: CampaignField) => readOnly || isCampaignFieldLocked(campaign, field);

  const segments = useQuery({ queryKey: segmentKeys.list, queryFn: ({ signal }) => listSegments(signal) });
  const segmentOptions = (segments.data ?? []).map((segment) => ({
    value: segment.id,
    label: segment.count === null ? segment.name : `${segment.name}（${formatCount(segment.count)} 人）`,
  }));
  if (campaign?.segment && !segmentOptions.some((option) => option.value === campaign.segment?.id)) segmentOptions.unshift({ value: campaign.segment.id, label: campaign.segment.name });
  const coupons = useCouponChoices(!readOnly);

  const save = useMutation({
    mutationFn: (body: SaveCampaignDto) => (campaign ? updateCampaign(campaign.id, body) : createCampaign(body)),
    onSuccess: async (saved) => {
      message.success(campaign ? `已保存 ${saved.name}` : `已创建草稿 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      onDone();
    },
    onError: (error) => form.setFields(campaignFieldErrors(error)),
  });

  const submit = () => {
    const all: CampaignFormValues = { ...initial, ...(form.getFieldsValue(true) as Partial<CampaignFormValues>) };
    const problems = validateCampaignForm(all);
    setGeneralProblems(problems.filter((problem) => problem.field === null).map((problem) => problem.problem));
    const fieldProblems = problems.flatMap(({ field, problem }) => (field ? [{ name: field, errors: [problem] }] : []));
    if (problems.length > 0) {
      form.setFields(fieldProblems);
      if (fieldProblems.length > 0) form.scrollToField(fieldProblems[0].name);
      return;
    }
    save.mutate(toSaveCampaignBody(all));
  };

  const journey = values.kind === 'journey';
  const parameter = journey ? TRIGGER_PARAMETERS[values.trigger] : undefined;
  const saveProblems = save.error ? campaignProblemLines(save.error) : [];

  return (
    <Form<CampaignFormValues>
      form={form}
      id="campaign-form"
      name="campaign"
      layout="vertical"
      disabled={readOnly}
      initialValues={initial}
      onValuesChange={(changed: Partial<CampaignFormValues>) => {
        // The fields carry no rules (one validate function checks the whole campaign): an edited field drops its error.
        const touched = new Set(Object.keys(changed));
        const cleared = form.getFieldsError().filter(({ name, errors }) => errors.length > 0 && touched.has(String(name[0])));
        if (cleared.length > 0) form.setFields(cleared.map(({ name }) => ({ name: name as unknown as CampaignFieldPath, errors: [] })));
        // Each trigger counts its days from something else: a new trigger starts from its own default.
        const next = changed.trigger ? TRIGGER_PARAMETERS[changed.trigger] : undefined;
        if (next) form.setFieldValue(next.field, next.initial);
      }}
      onFinish={submit}
    >
      {campaign && (
        <Alert
          id="campaign-lock-hint"
          type={live ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            readOnly
              ? `该活动${CAMPAIGN_STATUS_LABELS[campaign.status]}，不能再修改。`
              : live
                ? `该活动${CAMPAIGN_STATUS_LABELS[campaign.status]}：只能修改名称、预算和结束时间；其他设置已锁定。`
                : '草稿可以随意修改；启动后只能修改名称、预算和结束时间。'
          }
        />
      )}
      {(save.error || generalProblems.length > 0) && (
        <Alert
          id="campaign-form-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={save.error?.message ?? '请按提示修改'}
          description={[...generalProblems, ...saveProblems].join('；') || undefined}
        />
      )}

      <Typography.Title level={5}>基本信息</Typography.Title>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label="活动名称" htmlFor="campaign-name" required>
            <Input id="campaign-name" maxLength={LIMITS.nameLength.max} showCount placeholder="如 金卡会员唤醒" disabled={lock('name')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="kind" label="活动类型" htmlFor="campaign-kind" required>
            <Radio.Group id="campaign-kind" optionType="button" buttonStyle="solid" options={KIND_OPTIONS} disabled={lock('kind')} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{journey ? '触发条件' : '目标人群与执行时间'}</Typography.Title>
      <Form.Item
        name="segmentId"
        label={journey ? '人群筛选' : '目标人群'}
        htmlFor="campaign-segment"
        required={!journey}
        extra={journey ? '选填：只触达该人群中满足触发条件的会员；不选为全部会员' : '启动时按人群规则重新圈选会员'}
      >
        <Select<string>
          id="campaign-segment"
          allowClear={journey}
          showSearch={{ optionFilterProp: 'label' }}
          options={segmentOptions}
          loading={segments.isFetching}
          placeholder={journey ? '全部会员' : '选择人群'}
          notFoundContent={segments.error ? `人群加载失败：${segments.error.message}` : '还没有人群，请先在“人群”中创建'}
          disabled={lock('segmentId')}
          style={{ maxWidth: 420 }}
        />
      </Form.Item>
      {journey ? (
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="trigger" label="触发时机" htmlFor="campaign-trigger" required>
              <Select id="campaign-trigger" options={TRIGGER_OPTIONS} disabled={lock('trigger')} />
            </Form.Item>
          </Col>
          {parameter && (
            <Col span={14}>
              <Form.Item label={parameter.label} required>
                <Flex gap={8} align="flex-start" wrap>
                  <Form.Item name={parameter.field} style={{ marginBottom: 0 }}>
                    <InputNumber id="campaign-trigger-days" {...LIMITS[parameter.field]} precision={0} suffix={parameter.suffix} style={{ width: 200 }} disabled={lock(parameter.field)} />
                  </Form.Item>
                  {values.trigger === 'dormant' &&
                    DORMANT_QUICK_DAYS.map((days) => (
                      <Button key={days} type={values.days === days ? 'primary' : 'default'} disabled={lock('days')} onClick={() => form.setFieldValue('days', days)} data-dormant-days={days}>
                        {days} 天
                      </Button>
                    ))}
                </Flex>
              </Form.Item>
            </Col>
          )}
        </Row>
      ) : (
        <Form.Item label="执行时间" required>
          <Flex gap={12} align="flex-start" wrap>
            <Form.Item name="runNow" noStyle>
              <Radio.Group
                id="campaign-run-at"
                disabled={lock('scheduledAt')}
                style={{ lineHeight: '32px' }}
                options={[
                  { value: true, label: '立即执行' },
                  { value: false, label: '定时执行' },
                ]}
              />
            </Form.Item>
            {!values.runNow && (
              <Form.Item name="scheduledAt" style={{ marginBottom: 0, width: 220 }}>
                <DateTimeField id="campaign-scheduled-at" disabled={lock('scheduledAt')} placeholder="选择执行时间" />
              </Form.Item>
            )}
          </Flex>
        </Form.Item>
      )}

      <Typography.Title level={5}>触达动作</Typography.Title>
      <Form.Item>
        <CampaignActionsEditor disabled={lock('actions')} coupons={coupons} />
      </Form.Item>

      <Typography.Title level={5}>预算与频次</Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="budgetTotal" label="总预算（触达人数）" htmlFor="campaign-budget-total" extra={campaign ? `已触达 ${formatCount(campaign.touched)} 人` : '留空为不限'}>
            <InputNumber id="campaign-budget-total" {...LIMITS.budget} precision={0} suffix="人" placeholder="不限" style={{ width: '100%' }} disabled={lock('budgetTotal')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="budgetPerDay" label="每日上限" htmlFor="campaign-budget-per-day" extra={campaign ? `今日已触达 ${formatCount(campaign.touchedToday)} 人` : '留空为不限'}>
            <InputNumber id="campaign-budget-per-day" {...LIMITS.budget} precision={0} suffix="人/天" placeholder="不限" style={{ width: '100%' }} disabled={lock('budgetPerDay')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="免打扰时段" extra="时段内不发送订阅消息，顺延到结束后发送（北京时间）">
            <Flex gap={8} align="flex-start" wrap>
              <Form.Item name="quietHours" valuePropName="checked" noStyle>
                <Switch id="campaign-quiet" disabled={lock('quietFrom')} style={{ marginTop: 5 }} />
              </Form.Item>
              {values.quietHours && (
                <>
                  <Form.Item name="quietFrom" style={{ marginBottom: 0 }}>
                    <TimeField id="campaign-quiet-from" disabled={lock('quietFrom')} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                    {values.quietFrom && values.quietUntil && values.quietUntil <= values.quietFrom ? '至次日' : '至'}
                  </Typography.Text>
                  <Form.Item name="quietUntil" style={{ marginBottom: 0 }}>
                    <TimeField id="campaign-quiet-until" disabled={lock('quietUntil')} />
                  </Form.Item>
                </>
              )}
            </Flex>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="频次上限" extra="会员在该天数内被所有活动触达的次数达到上限时，本活动不再触达">
            <Flex gap={8} align="flex-start" wrap>
              <Form.Item name="frequencyCap" valuePropName="checked" noStyle>
                <Switch id="campaign-cap" disabled={lock('frequencyCap')} style={{ marginTop: 5 }} />
              </Form.Item>
              {values.frequencyCap && (
                <>
                  <Form.Item name="capDays" style={{ marginBottom: 0 }}>
                    <InputNumber id="campaign-cap-days" {...LIMITS.capDays} precision={0} prefix="近" suffix="天" style={{ width: 110 }} disabled={lock('capDays')} />
                  </Form.Item>
                  <Form.Item name="capTouches" style={{ marginBottom: 0 }}>
                    <InputNumber id="campaign-cap-touches" {...LIMITS.capTouches} precision={0} prefix="最多" suffix="次" style={{ width: 120 }} disabled={lock('capTouches')} />
                  </Form.Item>
                </>
              )}
            </Flex>
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>效果衡量</Typography.Title>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label="对照组比例" required extra="随机留出这部分会员不触达，用来衡量活动带来的增量">
            <Flex gap={12} align="flex-start">
              <Form.Item name="holdoutPct" noStyle>
                <Slider {...LIMITS.holdoutPct} style={{ flex: 1 }} disabled={lock('holdoutPct')} tooltip={{ formatter: (value) => `${value ?? 0}%` }} />
              </Form.Item>
              <Form.Item name="holdoutPct" style={{ marginBottom: 0 }}>
                <InputNumber id="campaign-holdout" {...LIMITS.holdoutPct} precision={0} suffix="%" style={{ width: 100 }} disabled={lock('holdoutPct')} />
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="attributionDays" label="归因天数" htmlFor="campaign-attribution" required extra="触达后该天数内的订单计入活动效果">
            <InputNumber id="campaign-attribution" {...LIMITS.attributionDays} precision={0} suffix="天" style={{ width: '100%' }} disabled={lock('attributionDays')} />
          </Form.Item>
        </Col>
      </Row>
      {journey && (
        <Form.Item name="endsAt" label="结束时间" htmlFor="campaign-ends-at" extra="到时自动结束；留空为手动结束">
          <DateTimeField id="campaign-ends-at" disabled={lock('endsAt')} placeholder="不设结束时间" />
        </Form.Item>
      )}

      {!readOnly && (
        <Flex gap={8}>
          <Button id="campaign-save" type="primary" htmlType="submit" loading={save.isPending}>
            {campaign ? '保存' : '保存为草稿'}
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Flex>
      )}
    </Form>
  );
}
