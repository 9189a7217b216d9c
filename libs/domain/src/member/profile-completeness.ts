export type ProfileField = 'nickname' | 'avatar' | 'gender' | 'birthday' | 'city' | 'skinProfile';

export interface ProfileCompletenessInput {
  nickname: string | null;
  avatarUrl: string | null;
  gender: 'female' | 'male' | 'unknown';
  birthday: string | null;
  city: string | null;
  hasSkinProfile: boolean;
}

export interface ProfileCompleteness {
  /** 0–100; 100 only when nothing is missing. */
  percent: number;
  /** What is missing, most valuable first. */
  missing: { field: ProfileField; label: string }[];
  /** A Chinese prompt toward the most valuable missing item; null when the profile is complete. */
  nudge: string | null;
}

/**
 * Fields in the order we ask for them, with their weight: the skin profile drives recommendations (30),
 * the birthday drives birthday benefits (20), and the other four share the remaining 50 equally.
 */
const FIELDS: readonly { field: ProfileField; label: string; weight: number; nudge: string }[] = [
  { field: 'skinProfile', label: '肌肤测试', weight: 30, nudge: '完成肌肤测试，获取专属护肤推荐' },
  { field: 'birthday', label: '生日', weight: 20, nudge: '填写生日，我们会在你生日时送上祝福' },
  { field: 'nickname', label: '昵称', weight: 12.5, nudge: '设置昵称，让专属顾问知道怎么称呼你' },
  { field: 'avatar', label: '头像', weight: 12.5, nudge: '上传头像，让你的会员卡更有个性' },
  { field: 'gender', label: '性别', weight: 12.5, nudge: '完善性别信息，获得更贴合你的推荐' },
  { field: 'city', label: '所在城市', weight: 12.5, nudge: '填写所在城市，及时了解附近门店的活动' },
];

/**
 * How complete a member's profile is and what to ask for next. Blank strings count as missing, as does
 * gender `unknown` (WeChat no longer shares it, so it means "not told"). The percentage is rounded down so
 * that 100 means complete.
 */
export function profileCompleteness(p: ProfileCompletenessInput): ProfileCompleteness {
  const present: Record<ProfileField, boolean> = {
    skinProfile: p.hasSkinProfile,
    birthday: filled(p.birthday),
    nickname: filled(p.nickname),
    avatar: filled(p.avatarUrl),
    gender: p.gender === 'female' || p.gender === 'male',
    city: filled(p.city),
  };
  const done = FIELDS.filter((f) => present[f.field]).reduce((sum, f) => sum + f.weight, 0);
  const absent = FIELDS.filter((f) => !present[f.field]);
  return {
    percent: Math.floor(done),
    missing: absent.map(({ field, label }) => ({ field, label })),
    nudge: absent.length > 0 ? absent[0].nudge : null,
  };
}

function filled(value: string | null): boolean {
  return value !== null && value.trim() !== '';
}
