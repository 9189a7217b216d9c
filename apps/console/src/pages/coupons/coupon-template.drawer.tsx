import type { CouponFace, CouponTemplateView, SaveCouponTemplateDto } from '@glow/contracts';
import { COUPON_KIND_LABELS, COUPON_KINDS, COUPON_TEMPLATE_STATUS_LABELS, PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from '@glow/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, type GetProps, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Spin, Switch, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { appointmentKeys, listServices } from '../../api/appointment.service';
import { couponKeys, createCouponTemplate, previewCouponTemplate, updateCouponTemplate } from '../../api/coupon.service';
import { CouponFaceView } from '../../shared/coupon-face';
import { WEEKDAY_LABELS } from '../../shared/labels';
import { useDebounced } from '../../shared/use-debounced';
import { TimeRangeField } from '../appointments/time-fields';
import { DateTimeField } from '../loyalty/date-time-field';
import {
  COUPON_TEMPLATE_LIMITS as LIMITS,
  isFieldLocked,
  issuedCount,
  templateFieldErrors,
  templateProblemLines,
  toCouponTemplateFormValues,
  toPreviewBody,
  toSaveCouponTemplateBody,
  validateCouponTemplateForm,
  type CouponTemplateField,
  type CouponTemplateFormValues,
} from './coupon-template-form';
import { SkuListPicker, SkuPicker } from './sku-picker';

/** The preview asks the API once typing pauses this long. */
export const PREVIEW_DELAY_MS = 400;

const KIND_OPTIONS = COUPON_KINDS.map((kind) => ({ value: kind, label: COUPON_KIND_LABELS[kind] }));
const SCOPE_OPTIONS = [
  { value: 'all', label: '全场通用' },
  { value: 'categories', label: '按品类' },
  { value: 'skus', label: '指定商品' },
];
const CATEGORY_OPTIONS = PRODUCT_CATEGORIES.map((category) => ({ value: category, label: PRODUCT_CATEGORY_LABELS[category] }));
const VALIDITY_OPTIONS = [
  { value: 'relative', label: '领取后 N 天' },
  { value: 'fixed', label: '固定日期' },
];
const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }));
const STACKING_OPTIONS = [
  { value: 'exclusive', label: '不可叠加' },
  { value: 'stackable', label: '可叠加' },
];

/** Checkbox.Group takes no `id`; the browser tests and the label find the group by this wrapper's. */
function CheckboxGroupField<T extends string | number>({ id, ...props }: GetProps<typeof Checkbox.Group<T>> & { id?: string }) {
  return (
    <div id={id}>
      <Checkbox.Group<T> {...props} />
    </div>
  );
}

export interface CouponTemplateDrawerProps {
  open: boolean;
  /** The template to edit or view; null creates a draft. */
  template: CouponTemplateView | null;
  /** Marketers and admins edit; everyone else only looks. */
  canConfigure: boolean;
  onClose: () => void;
}

export function CouponTemplateDrawer({ open, template, canConfigure, onClose }: CouponTemplateDrawerProps) {
  const readOnly = !canConfigure || template?.status === 'ended';
  const title = !template ? '新建优惠券' : readOnly ? `优惠券详情 · ${template.name}` : `编辑优惠券 · ${template.name}`;
  return (
    <Drawer open={open} onClose={onClose} size={1120} destroyOnHidden title={title}>
      {open && <CouponTemplateForm template={template} readOnly={readOnly} onDone={onClose} />}
    </Drawer>
  );
}

function PreviewPanel({ face, name, description, loading, problems }: { face: CouponFace | null; name: string; description: string; loading: boolean; problems: string[] }) {
  return (
    <Card id="coupon-preview" size="small" title="会员看到的优惠券" extra={loading ? <Spin size="small" /> : null} style={{ position: 'sticky', top: 0 }}>
      <Flex vertical gap={12}>
        {face ? (
          <CouponFaceView face={face} name={name} description={description} showRules muted={problems.length > 0} />
        ) : (
          !loading && problems.length === 0 && <Typography.Text type="secondary">填写优惠内容后显示预览</Typography.Text>
        )}
        {problems.length > 0 && (
          <Alert
            id="coupon-preview-problems"
            type="warning"
            showIcon
            title="按当前设置还不能生成优惠券"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            }
          />
        )}
      </Flex>
    </Card>
  );
}

function CouponTemplateForm({ template, readOnly, onDone }: { template: CouponTemplateView | null; readOnly: boolean; onDone: () => void }) {
  const [form] = Form.useForm<CouponTemplateFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const initial = useMemo(() => toCouponTemplateFormValues(template), [template]);
  const watched = Form.useWatch((all: CouponTemplateFormValues) => all, { form, preserve: true });
  const values: CouponTemplateFormValues = { ...initial, ...watched };
  const [generalProblems, setGeneralProblems] = useState<string[]>([]);
  const live = template !== null && template.status !== 'draft';

  const lock = (field: CouponTemplateField) => readOnly || isFieldLocked(template, field);

  const services = useQuery({ queryKey: appointmentKeys.services, queryFn: ({ signal }) => listServices(signal), enabled: values.kind === 'service' });
  const serviceOptions = (services.data ?? []).map((service) => ({ value: service.code, label: `${service.name}（${service.code}）` }));
  if (values.serviceCode && !serviceOptions.some((option) => option.value === values.serviceCode)) serviceOptions.unshift({ value: values.serviceCode, label: values.serviceCode });

  // The preview follows the form as typed, once typing pauses; the body's text is the key, so an unchanged form asks once.
  const bodyText = JSON.stringify(toPreviewBody(values));
  const settledText = useDebounced(bodyText, PREVIEW_DELAY_MS);
  const settledBody = useMemo(() => JSON.parse(settledText) as SaveCouponTemplateDto, [settledText]);
  const preview = useQuery({
    queryKey: couponKeys.preview(settledBody),
    queryFn: ({ signal }) => previewCouponTemplate(settledBody, signal),
    // Those who only look see the face the API already drew; the preview is for those who edit.
    enabled: !readOnly,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

  // The preview's field problems show next to the fields already worked on (not under fields not reached yet),
  // and leave again once a later preview no longer reports them.
  const markedByPreview = useRef(new Set<CouponTemplateField>());
  useEffect(() => {
    if (preview.isFetching) return;
    const scopeKind = form.getFieldValue('scopeKind') as CouponTemplateFormValues['scopeKind'] | undefined;
    const next = preview.isError ? templateFieldErrors(preview.error, scopeKind).filter(({ name }) => form.isFieldTouched(name)) : [];
    const nextNames = new Set(next.map(({ name }) => name));
    const cleared = [...markedByPreview.current].filter((name) => !nextNames.has(name)).map((name) => ({ name, errors: [] }));
    markedByPreview.current = nextNames;
    if (cleared.length + next.length > 0) form.setFields([...cleared, ...next]);
  }, [form, preview.isFetching, preview.isError, preview.error, preview.dataUpdatedAt, preview.errorUpdatedAt]);

  const save = useMutation({
    mutationFn: (body: SaveCouponTemplateDto) => (template ? updateCouponTemplate(template.id, body) : createCouponTemplate(body)),
    onSuccess: async (saved) => {
      message.success(template ? `已保存 ${saved.name}` : `已创建草稿 ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: couponKeys.templates });
      onDone();
    },
    onError: (error) => form.setFields(templateFieldErrors(error, form.getFieldValue('scopeKind') as CouponTemplateFormValues['scopeKind'])),
  });

  const submit = () => {
    const all: CouponTemplateFormValues = { ...initial, ...(form.getFieldsValue(true) as Partial<CouponTemplateFormValues>) };
    const problems = validateCouponTemplateForm(all, template);
    setGeneralProblems(problems.filter((problem) => problem.field === null).map((problem) => problem.problem));
    const fieldProblems = problems.flatMap(({ field, problem }) => (field ? [{ name: field, errors: [problem] }] : []));
    if (problems.length > 0) {
      form.setFields(fieldProblems);
      if (fieldProblems.length > 0) form.scrollToField(fieldProblems[0].name);
      return;
    }
    save.mutate(toSaveCouponTemplateBody(all));
  };

  const face = readOnly ? (template?.face ?? null) : (preview.data ?? null);
  const previewLines = !readOnly && preview.isError ? templateProblemLines(preview.error) : [];
  const previewProblems = previewLines.length > 0 ? previewLines : !readOnly && preview.isError ? [preview.error.message] : [];
  const issued = template ? issuedCount(template) : 0;
  const saveProblems = save.error ? templateProblemLines(save.error) : [];

  return (
    <Row gutter={24} wrap={false}>
      <Col flex="1 1 0" style={{ minWidth: 0 }}>
        <Form<CouponTemplateFormValues>
          form={form}
          id="coupon-template-form"
          name="coupon"
          layout="vertical"
          disabled={readOnly}
          initialValues={initial}
          // The fields carry no rules (one validate function checks the whole template), so antd would keep an
          // error shown until the next check: a field being edited drops its error at once.
          onValuesChange={(changed: Partial<CouponTemplateFormValues>) =>
            form.setFields(Object.keys(changed).map((name) => ({ name: name as CouponTemplateField, errors: [] })))
          }
          onFinish={submit}
        >
          {template && (
            <Alert
              id="coupon-lock-hint"
              type={live || readOnly ? 'info' : 'success'}
              showIcon
              style={{ marginBottom: 16 }}
              title={
                template.status === 'ended'
                  ? '该优惠券已结束，不能再修改。'
                  : live
                    ? `该优惠券${COUPON_TEMPLATE_STATUS_LABELS[template.status]}：只能修改名称、说明、发放总量、核销成本，以及延后结束时间；其他设置已锁定。`
                    : '草稿可以随意修改；发布后券面规则将锁定。'
              }
            />
          )}
          {(save.error || generalProblems.length > 0) && (
            <Alert
              id="coupon-form-error"
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
              <Form.Item name="name" label="名称" htmlFor="coupon-name" required>
                <Input id="coupon-name" maxLength={LIMITS.nameLength.max} showCount placeholder="如 满300减50" disabled={lock('name')} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="code" label="编码" htmlFor="coupon-code" required extra={template ? '编码创建后不能修改' : '活动、会员权益和积分商城按编码引用'}>
                <Input id="coupon-code" maxLength={LIMITS.codeLength} placeholder="如 CPN-300-50" disabled={template !== null} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label="使用说明" htmlFor="coupon-description" extra="显示在券面规则下方">
            <Input.TextArea id="coupon-description" rows={2} maxLength={LIMITS.descriptionLength} showCount disabled={lock('description')} />
          </Form.Item>

          <Typography.Title level={5}>优惠内容</Typography.Title>
          <Form.Item name="kind" label="类型" htmlFor="coupon-kind" required>
            <Radio.Group id="coupon-kind" optionType="button" buttonStyle="solid" options={KIND_OPTIONS} disabled={lock('kind')} />
          </Form.Item>
          <Row gutter={16}>
            {values.kind === 'amount_off' && (
              <Col span={12}>
                <Form.Item name="amountOffYuan" label="减免金额" htmlFor="coupon-amount" required>
                  <InputNumber id="coupon-amount" {...LIMITS.amountOffYuan} precision={2} prefix="¥" style={{ width: '100%' }} disabled={lock('amountOffYuan')} />
                </Form.Item>
              </Col>
            )}
            {values.kind === 'percent_off' && (
              <>
                <Col span={12}>
                  <Form.Item name="discountZhe" label="折扣" htmlFor="coupon-discount" required extra="如 8.5 折即减免 15%">
                    <InputNumber id="coupon-discount" {...LIMITS.discountZhe} step={0.5} precision={1} suffix="折" style={{ width: '100%' }} disabled={lock('discountZhe')} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="maxDiscountYuan" label="最高优惠" htmlFor="coupon-max-discount" extra="留空为不封顶">
                    <InputNumber id="coupon-max-discount" {...LIMITS.maxDiscountYuan} precision={2} prefix="¥" placeholder="不封顶" style={{ width: '100%' }} disabled={lock('maxDiscountYuan')} />
                  </Form.Item>
                </Col>
              </>
            )}
            {values.kind === 'gift' && (
              <Col span={24}>
                <Form.Item name="giftSku" label="赠品" htmlFor="coupon-gift-sku" required extra="会员凭券到店领取该商品">
                  <SkuPicker id="coupon-gift-sku" disabled={lock('giftSku')} />
                </Form.Item>
              </Col>
            )}
            {values.kind === 'service' && (
              <Col span={24}>
                <Form.Item name="serviceCode" label="可兑换的服务" htmlFor="coupon-service-code" required extra="会员预约该服务时使用">
                  <Select
                    id="coupon-service-code"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={serviceOptions}
                    loading={services.isFetching}
                    placeholder="选择预约服务"
                    notFoundContent={services.error ? `服务加载失败：${services.error.message}` : '暂无服务'}
                    disabled={lock('serviceCode')}
                  />
                </Form.Item>
              </Col>
            )}
            {values.kind !== 'service' && (
              <Col span={12}>
                <Form.Item name="minSpendYuan" label="使用门槛（满）" htmlFor="coupon-min-spend" required extra="适用商品满该金额可用，0 为无门槛">
                  <InputNumber id="coupon-min-spend" {...LIMITS.minSpendYuan} precision={2} prefix="¥" style={{ width: '100%' }} disabled={lock('minSpendYuan')} />
                </Form.Item>
              </Col>
            )}
          </Row>

          <Typography.Title level={5}>适用范围</Typography.Title>
          <Form.Item name="scopeKind" label="适用商品" htmlFor="coupon-scope" required>
            <Radio.Group id="coupon-scope" optionType="button" options={SCOPE_OPTIONS} disabled={lock('scopeKind')} />
          </Form.Item>
          {values.scopeKind === 'categories' && (
            <Form.Item name="scopeCategories" label="适用品类" htmlFor="coupon-scope-categories" required>
              <CheckboxGroupField id="coupon-scope-categories" options={CATEGORY_OPTIONS} disabled={lock('scopeCategories')} />
            </Form.Item>
          )}
          {values.scopeKind === 'skus' && (
            <Form.Item name="scopeSkus" label="适用商品" htmlFor="coupon-scope-skus" required>
              <SkuListPicker id="coupon-scope-skus" disabled={lock('scopeSkus')} />
            </Form.Item>
          )}
          <Form.Item name="excludeSkus" label="排除商品" htmlFor="coupon-exclude-skus" extra="这些商品无论范围如何都不参与优惠">
            <SkuListPicker id="coupon-exclude-skus" disabled={lock('excludeSkus')} placeholder="不排除" />
          </Form.Item>

          <Typography.Title level={5}>有效期</Typography.Title>
          <Form.Item name="validityKind" label="有效期类型" htmlFor="coupon-validity-kind" required>
            <Radio.Group id="coupon-validity-kind" optionType="button" options={VALIDITY_OPTIONS} disabled={lock('validityKind')} />
          </Form.Item>
          {values.validityKind === 'fixed' ? (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="validFrom" label="开始时间" htmlFor="coupon-valid-from" required>
                  <DateTimeField id="coupon-valid-from" placeholder="开始时间" disabled={lock('validFrom')} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="validUntil" label="结束时间" htmlFor="coupon-valid-until" required extra={live && !readOnly ? '已发布的券只能延后结束时间' : undefined}>
                  <DateTimeField id="coupon-valid-until" placeholder="结束时间" disabled={lock('validUntil')} />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Form.Item name="validDays" label="有效天数" htmlFor="coupon-valid-days" required extra="从会员收到券当天算起，到第 N 天 23:59 为止">
              <InputNumber id="coupon-valid-days" {...LIMITS.validDays} precision={0} suffix="天" style={{ width: 200 }} disabled={lock('validDays')} />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item name="weekdays" label="可用星期" htmlFor="coupon-weekdays" extra="不选为每天可用">
                <CheckboxGroupField id="coupon-weekdays" options={WEEKDAY_OPTIONS} disabled={lock('weekdays')} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="hours" label="可用时段" htmlFor="coupon-hours" extra="留空为全天可用（北京时间）">
                <TimeRangeField id="coupon-hours" allowClear disabled={lock('hours')} />
              </Form.Item>
            </Col>
          </Row>

          <Typography.Title level={5}>发放与领取</Typography.Title>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="claimable" label="领券中心可领" htmlFor="coupon-claimable" valuePropName="checked" extra={values.claimable ? '会员可在领券中心领取' : '仅通过活动、权益、积分兑换或补偿发放'}>
                <Switch id="coupon-claimable" checkedChildren="可领" unCheckedChildren="仅发放" disabled={lock('claimable')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="totalStock"
                label="发放总量"
                htmlFor="coupon-stock"
                required={values.claimable}
                extra={live ? `已发放 ${issued.toLocaleString('zh-CN')} 张，不能少于该数` : values.claimable ? '可领取的券须设置发放总量' : '留空为不限量'}
              >
                <InputNumber id="coupon-stock" {...LIMITS.totalStock} precision={0} suffix="张" placeholder="不限" style={{ width: '100%' }} disabled={lock('totalStock')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="perMemberLimit" label="每人限领" htmlFor="coupon-per-member" required>
                <InputNumber id="coupon-per-member" {...LIMITS.perMemberLimit} precision={0} suffix="张" style={{ width: '100%' }} disabled={lock('perMemberLimit')} />
              </Form.Item>
            </Col>
          </Row>

          <Typography.Title level={5}>叠加与成本</Typography.Title>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="stacking" label="叠加规则" htmlFor="coupon-stacking" required>
                <Radio.Group id="coupon-stacking" optionType="button" options={STACKING_OPTIONS} disabled={lock('stacking')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              {values.stacking === 'stackable' && (
                <Form.Item name="stackGroup" label="叠加分组" htmlFor="coupon-stack-group" extra="同组的券不能同时使用；留空为不分组">
                  <Input id="coupon-stack-group" maxLength={LIMITS.stackGroupLength} placeholder="如 品牌券" disabled={lock('stackGroup')} />
                </Form.Item>
              )}
            </Col>
            <Col span={8}>
              <Form.Item name="costYuan" label="单张核销成本" htmlFor="coupon-cost" required extra="品牌为每张核销承担的成本，用于核算投入产出">
                <InputNumber id="coupon-cost" {...LIMITS.costYuan} precision={2} prefix="¥" style={{ width: '100%' }} disabled={lock('costYuan')} />
              </Form.Item>
            </Col>
          </Row>

          {!readOnly && (
            <Flex gap={8}>
              <Button id="coupon-save" type="primary" htmlType="submit" loading={save.isPending}>
                {template ? '保存' : '保存为草稿'}
              </Button>
              <Button onClick={onDone}>取消</Button>
            </Flex>
          )}
        </Form>
      </Col>
      <Col flex="0 0 380px">
        <PreviewPanel
          face={face}
          name={values.name?.trim() || '未命名优惠券'}
          description={values.description?.trim() ?? ''}
          loading={!readOnly && (preview.isFetching || settledText !== bodyText)}
          problems={previewProblems}
        />
        {!readOnly && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            预览由系统按当前设置生成，与会员在小程序中看到的一致。
          </Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}
