import type { Gender, MemberDetailResponse, StaffRole } from '@glow/contracts';

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
};

const ACCESS_ACTION_LABELS: Record<string, string> = {
  view: '查看会员详情',
  read: '查看会员详情',
  view_member: '查看会员详情',
  'member.view': '查看会员详情',
  'member.read': '查看会员详情',
  export: '导出会员数据',
  update: '修改会员资料',
};

/** Kinds and actions are open-ended strings on the API; unknown ones are shown as they come. */
export function consentKindLabel(kind: string): string {
  return CONSENT_KIND_LABELS[kind] ?? kind;
}

export function accessActionLabel(action: string): string {
  return ACCESS_ACTION_LABELS[action] ?? action;
}
