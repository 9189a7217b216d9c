/**
 * The keyword types of subscribe-message templates. A field's key is its type followed by a number (`thing1`,
 * `character_string3`), and WeChat checks each value by that type prefix.
 */
export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
  'enum',
] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

export type SubscribeField = {
  /** `<type><n>`, e.g. `thing1`. */
  key: string;
  /** The label printed on the card, e.g. 服务项目. */
  name: string;
  /** The allowed values of an `enum` field; absent for every other type. */
  values?: readonly string[];
};

export type SubscribeTemplate = { id: string; title: string; fields: readonly SubscribeField[] };

const KEY_PATTERN = /^([a-z_]+?)([1-9]\d{0,2})$/;

function isKeywordType(value: string): value is KeywordType {
  return KEYWORD_TYPES.some((type) => type === value);
}

/** The type a keyword key names, or null when the key is not `<known type><number>`. */
export function keywordType(key: string): KeywordType | null {
  const match = KEY_PATTERN.exec(key);
  const prefix = match?.[1];
  return prefix !== undefined && isKeywordType(prefix) ? prefix : null;
}

/**
 * Ids of the templates Glow uses. The API defaults its template settings (WECHAT_TEMPLATE_BOOKING_REMINDER …) to
 * these and hands them to the mini-program in its client config, so development and the demo work without
 * configuration; real ids from the WeChat console are 43 url-safe characters and are set through the environment in
 * production.
 */
export const GLOW_SUBSCRIBE_TEMPLATE_IDS = {
  bookingReminder: 'glow-booking-reminder',
  couponArrival: 'glow-coupon-arrival',
  couponExpiring: 'glow-coupon-expiring',
  pointsExpiring: 'glow-points-expiring',
  tierChange: 'glow-tier-change',
} as const;

/** The templates a Glow mini program would pick from WeChat's public library; what the sandbox knows by default. */
export const DEFAULT_SUBSCRIBE_TEMPLATES: readonly SubscribeTemplate[] = [
  {
    id: GLOW_SUBSCRIBE_TEMPLATE_IDS.bookingReminder,
    title: '预约提醒',
    fields: [
      { key: 'thing1', name: '服务项目' },
      { key: 'time2', name: '预约时间' },
      { key: 'thing3', name: '门店' },
      { key: 'thing4', name: '温馨提示' },
    ],
  },
  {
    id: GLOW_SUBSCRIBE_TEMPLATE_IDS.couponArrival,
    title: '优惠券到账通知',
    fields: [
      { key: 'thing1', name: '优惠券名称' },
      { key: 'thing2', name: '优惠内容' },
      { key: 'date3', name: '有效期' },
      { key: 'thing4', name: '温馨提示' },
    ],
  },
  {
    id: GLOW_SUBSCRIBE_TEMPLATE_IDS.couponExpiring,
    title: '优惠券过期提醒',
    fields: [
      { key: 'thing1', name: '优惠券名称' },
      { key: 'date2', name: '到期时间' },
      { key: 'thing3', name: '温馨提示' },
    ],
  },
  {
    id: GLOW_SUBSCRIBE_TEMPLATE_IDS.pointsExpiring,
    title: '积分过期提醒',
    fields: [
      { key: 'number1', name: '即将过期积分' },
      { key: 'date2', name: '过期时间' },
      { key: 'number3', name: '当前积分' },
      { key: 'thing4', name: '温馨提示' },
    ],
  },
  {
    id: GLOW_SUBSCRIBE_TEMPLATE_IDS.tierChange,
    title: '会员等级变更通知',
    fields: [
      { key: 'phrase1', name: '变更类型' },
      { key: 'thing2', name: '当前等级' },
      { key: 'date3', name: '生效日期' },
      { key: 'thing4', name: '温馨提示' },
    ],
  },
];
