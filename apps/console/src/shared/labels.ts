import type { BookingStatusValue, Gender, MemberDetailResponse, QuestionnaireVersionStatus, ServiceKind, StaffRole } from '@glow/contracts';
import type { BaseSkinType, QuestionKind } from '@glow/domain';

export const ROLE_LABELS: Record<StaffRole, string> = {
  advisor: '导购',
  store_manager: '店长',
  marketer: '市场',
  admin: '管理员',
};

export const GENDER_LABELS: Record<Gender, string> = {
  female: '女',
  male: '男',
  unknown: '未知',
};

export const CHANNEL_LABELS: Record<MemberDetailResponse['channel'], string> = {
  wechat: '微信小程序',
  store: '门店',
};

const CONSENT_KIND_LABELS: Record<string, string> = {
  privacy: '隐私政策',
  privacy_policy: '隐私政策',
  marketing: '营销消息',
  skin: '肤质数据授权',
  skin_data: '肤质数据授权',
};

const ACCESS_ACTION_LABELS: Record<string, string> = {
  view: '查看会员详情',
  read: '查看会员详情',
  view_member: '查看会员详情',
  'member.view': '查看会员详情',
  'member.read': '查看会员详情',
  export: '导出会员数据',
  update: '修改会员资料',
  'member.portrait': '查看会员画像（含肤质档案）',
};

/** Kinds and actions are open-ended strings on the API; unknown ones are shown as they come. */
export function consentKindLabel(kind: string): string {
  return CONSENT_KIND_LABELS[kind] ?? kind;
}

export function accessActionLabel(action: string): string {
  return ACCESS_ACTION_LABELS[action] ?? action;
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  scale: '量表',
  text: '填空',
};

export const QUESTIONNAIRE_STATUS_LABELS: Record<QuestionnaireVersionStatus, string> = {
  draft: '草稿',
  published: '已发布',
  retired: '已停用',
};

/** Short skin-type names for dense places (score editors, chart axes); the domain's labels read 干性肌肤 etc. */
export const BASE_SKIN_TYPE_SHORT_LABELS: Record<BaseSkinType, string> = {
  dry: '干性',
  oily: '油性',
  combination: '混合性',
  normal: '中性',
};

/**
 * Titles of the portrait's sections. Each module fills its own section; one the console does not know yet is shown
 * under its key, so a new module appears without a console release.
 */
const PORTRAIT_SECTION_LABELS: Record<string, string> = {
  loyalty: '会员积分',
  points: '积分',
  tier: '会员等级',
  purchases: '消费记录',
  orders: '订单',
  coupons: '优惠券',
  appointments: '预约',
};

export function portraitSectionLabel(key: string): string {
  return PORTRAIT_SECTION_LABELS[key] ?? key;
}

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  try_on: '试妆',
  makeup: '彩妆',
  skin_test: '肤质检测',
  facial: '护理',
  class: '课程',
};

export const BOOKING_STATUS_LABELS: Record<BookingStatusValue, string> = {
  booked: '已预约',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到店',
};

/** antd Tag colours of each booking status. */
export const BOOKING_STATUS_COLORS: Record<BookingStatusValue, string> = {
  booked: 'blue',
  checked_in: 'orange',
  completed: 'green',
  cancelled: 'default',
  no_show: 'red',
};

/** Weekday 1 (Monday) … 7 (Sunday), as the API numbers them. */
export const WEEKDAY_LABELS: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };
