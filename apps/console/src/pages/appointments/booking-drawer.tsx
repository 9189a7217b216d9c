import type { BookingView, CompleteBookingDto } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Rate, Select, Tag, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import { listProducts, productKeys, type ProductSearch } from '../../api/product.service';
import { errorProblems } from '../../shared/error-details';
import { EMPTY, formatDateTime, orEmpty } from '../../shared/format';
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, SERVICE_KIND_LABELS } from '../../shared/labels';
import { bookingActions, memberLabel } from './booking-rules';
import { formatBookingTime } from './business-time';
import type { BookingActionsApi } from './use-booking-actions';

/** The API caps what one visit records. */
const MAX_PRODUCTS_TRIED = 20;
const MAX_OBSERVATIONS = 500;
/** Every active product, for the "tried" picker (the API's largest page). */
const ACTIVE_PRODUCTS: ProductSearch = { active: 'true', page: 1, pageSize: 200 };

export interface BookingDrawerProps {
  booking: BookingView | null;
  canOperate: boolean;
  now: Date;
  actions: BookingActionsApi;
  /** Open with the completion form showing (from the list's 完成服务). */
  completing: boolean;
  onCompletingChange: (completing: boolean) => void;
  onClose: () => void;
}

function names(items: { id: string; name: string }[]) {
  return items.length > 0 ? items.map((item) => <Tag key={item.id}>{item.name}</Tag>) : EMPTY;
}

function detailItems(booking: BookingView): DescriptionsProps['items'] {
  const member = booking.member;
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: '状态', children: <Tag color={BOOKING_STATUS_COLORS[booking.status]}>{BOOKING_STATUS_LABELS[booking.status]}</Tag> },
    { key: 'time', label: '时间', children: formatBookingTime(booking) },
    {
      key: 'member',
      label: '会员',
      children: member ? (
        <Flex vertical>
          <Link to={`/members/${member.id}`}>{memberLabel(member)}</Link>
          <Typography.Text type="secondary">
            {[member.nickname && member.nickname !== memberLabel(member) ? `昵称 ${member.nickname}` : null, `会员号 ${member.memberNo}`].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ) : (
        memberLabel(null)
      ),
    },
    {
      key: 'service',
      label: '服务项目',
      children: `${booking.service.name}（${SERVICE_KIND_LABELS[booking.service.kind]} · ${booking.service.durationMin} 分钟）`,
    },
    { key: 'advisor', label: '美容顾问', children: booking.advisor.name },
    { key: 'store', label: '门店', children: booking.store.name },
    { key: 'products', label: '想试用的产品', children: names(booking.products) },
    { key: 'note', label: '备注', children: orEmpty(booking.note) },
    // The code proves the member is at the counter, so staff never read it here: the member shows it.
    { key: 'code', label: '签到码', children: <Typography.Text type="secondary">已隐藏，请会员出示</Typography.Text> },
    { key: 'createdAt', label: '预约于', children: formatDateTime(booking.createdAt) },
  ];
  if (booking.status === 'completed') {
    items.push(
      { key: 'tried', label: '已试用产品', children: names(booking.productsTried) },
      { key: 'observations', label: '肤质观察', children: orEmpty(booking.skinObservations) },
      {
        key: 'feedback',
        label: '会员评价',
        children: booking.feedback ? (
          <Flex vertical>
            <Rate disabled value={booking.feedback.rating} />
            <span>{orEmpty(booking.feedback.comment)}</span>
          </Flex>
        ) : (
          <Typography.Text type="secondary">尚未评价</Typography.Text>
        ),
      },
    );
  }
  return items;
}

interface CompleteFormValues {
  productsTried: string[];
  skinObservations?: string;
}

export function toCompleteBody(values: CompleteFormValues): CompleteBookingDto {
  const observations = values.skinObservations?.trim() ?? '';
  return { productsTried: values.productsTried, ...(observations ? { skinObservations: observations } : {}) };
}

function CompleteForm({ booking, actions, onCancel }: { booking: BookingView; actions: BookingActionsApi; onCancel: () => void }) {
  const [form] = Form.useForm<CompleteFormValues>();
  const { data: products, isFetching, error: productsError } = useQuery({
    queryKey: productKeys.list(ACTIVE_PRODUCTS),
    queryFn: ({ signal }) => listProducts(ACTIVE_PRODUCTS, signal),
  });
  // The products the member asked to try are the likely ones; staff adjust.
  const options = [
    ...(products?.items ?? []).map((product) => ({ value: product.id, label: `${product.name}（${product.sku}）` })),
    ...booking.products.filter((wanted) => !products?.items.some((product) => product.id === wanted.id)).map((wanted) => ({ value: wanted.id, label: wanted.name })),
  ];
  const complete = actions.complete;
  const failed = complete.isError && complete.variables?.booking.id === booking.id ? complete.error : null;
  const problems = errorProblems(failed);

  return (
    <Form<CompleteFormValues>
      form={form}
      id="booking-complete-form"
      name="complete"
      layout="vertical"
      initialValues={{ productsTried: booking.products.map((product) => product.id), skinObservations: '' }}
      onFinish={(values) => complete.mutate({ booking, body: toCompleteBody(values) }, { onSuccess: onCancel })}
      style={{ marginTop: 16, padding: 16, background: '#fafafa', borderRadius: 8 }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        完成服务
      </Typography.Title>
      {productsError && <Alert type="warning" showIcon title={`商品列表加载失败：${productsError.message}`} style={{ marginBottom: 12 }} />}
      {failed && (
        <Alert
          id="booking-complete-error"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={failed.message}
          description={problems.length > 0 ? problems.map((p) => `${p.field}：${p.problem}`).join('；') : undefined}
        />
      )}
      <Form.Item
        name="productsTried"
        label="已试用产品"
        rules={[{ type: 'array', max: MAX_PRODUCTS_TRIED, message: `最多选择 ${MAX_PRODUCTS_TRIED} 个产品` }]}
      >
        <Select mode="multiple" allowClear loading={isFetching} options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="选择本次试用的产品" />
      </Form.Item>
      <Form.Item name="skinObservations" label="肤质观察" extra="将记入会员画像，供后续推荐与回访参考">
        <Input.TextArea rows={4} maxLength={MAX_OBSERVATIONS} showCount placeholder="如：T 区出油，两颊干燥泛红，建议加强保湿" />
      </Form.Item>
      <Flex gap={8}>
        <Button id="booking-complete-submit" type="primary" htmlType="submit" loading={complete.isPending}>
          确认完成
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Flex>
    </Form>
  );
}

/** One booking's details, and what staff can do with it now. */
export function BookingDrawer({ booking, canOperate, now, actions, completing, onCompletingChange, onClose }: BookingDrawerProps) {
  const allowed = booking ? bookingActions(booking, canOperate, now) : null;
  const busy = booking !== null && actions.pendingId === booking.id;

  return (
    <Drawer id="booking-drawer" open={booking !== null} onClose={onClose} size={520} destroyOnHidden title="预约详情">
      {booking && allowed && (
        <>
          <Descriptions bordered size="small" column={1} items={detailItems(booking)} />
          {(allowed.checkIn || allowed.complete || allowed.noShow || allowed.cancel) && !completing && (
            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              {allowed.checkIn && (
                <Button id="booking-check-in" type="primary" loading={busy && actions.checkIn.isPending} onClick={() => actions.checkIn.mutate(booking)}>
                  签到
                </Button>
              )}
              {allowed.complete && (
                <Button id="booking-complete" type="primary" onClick={() => onCompletingChange(true)}>
                  完成服务
                </Button>
              )}
              {allowed.noShow && (
                <Button id="booking-no-show" danger loading={busy && actions.noShow.isPending} onClick={() => actions.confirmNoShow(booking)}>
                  标记未到店
                </Button>
              )}
              {allowed.cancel && (
                <Button id="booking-cancel" danger loading={busy && actions.cancel.isPending} onClick={() => actions.confirmCancel(booking)}>
                  取消预约
                </Button>
              )}
            </Flex>
          )}
          {allowed.complete && completing && <CompleteForm key={booking.id} booking={booking} actions={actions} onCancel={() => onCompletingChange(false)} />}
        </>
      )}
    </Drawer>
  );
}
