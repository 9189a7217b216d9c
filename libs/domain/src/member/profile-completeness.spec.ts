import { type ProfileCompletenessInput, profileCompleteness } from './profile-completeness';

const complete: ProfileCompletenessInput = { nickname: '小雨', avatarUrl: 'https://img.example.com/a.png', gender: 'female', birthday: '1995-04-12', city: '上海', hasSkinProfile: true };
const empty: ProfileCompletenessInput = { nickname: null, avatarUrl: null, gender: 'unknown', birthday: null, city: null, hasSkinProfile: false };

describe(profileCompleteness.name, () => {
  it('is 100 with no nudge when everything is there', () => {
    expect(profileCompleteness(complete)).toEqual({ percent: 100, missing: [], nudge: null });
  });

  it('is 0 for a fresh member and asks for the skin test first', () => {
    const sut = profileCompleteness(empty);
    expect(sut.percent).toBe(0);
    expect(sut.missing.map((m) => m.field)).toEqual(['skinProfile', 'birthday', 'nickname', 'avatar', 'gender', 'city']);
    expect(sut.missing.map((m) => m.label)).toEqual(['肌肤测试', '生日', '昵称', '头像', '性别', '所在城市']);
    expect(sut.nudge).toContain('肌肤测试');
  });

  it.each([
    ['skin profile', { hasSkinProfile: false }, 70, 'skinProfile'],
    ['birthday', { birthday: null }, 80, 'birthday'],
    ['nickname', { nickname: null }, 87, 'nickname'],
    ['blank nickname', { nickname: '  ' }, 87, 'nickname'],
    ['avatar', { avatarUrl: null }, 87, 'avatar'],
    ['gender', { gender: 'unknown' }, 87, 'gender'],
    ['city', { city: '' }, 87, 'city'],
    ['birthday and city', { birthday: null, city: null }, 67, 'birthday'],
    ['everything but the skin profile', { ...empty, hasSkinProfile: true }, 30, 'birthday'],
    ['everything but the birthday', { ...empty, birthday: '2000-01-01' }, 20, 'skinProfile'],
    ['everything but the nickname', { ...empty, nickname: '小雨' }, 12, 'skinProfile'],
  ] as const)('without %s it is %i%% and nudges toward %s', (_, change, percent, first) => {
    const sut = profileCompleteness({ ...complete, ...change });
    expect(sut.percent).toBe(percent);
    expect(sut.missing[0].field).toBe(first);
    expect(sut.nudge).toMatch(/[\u4e00-\u9fff]/);
  });

  it('weighs the skin profile 30, the birthday 20 and the other four equally', () => {
    const only = (change: Partial<ProfileCompletenessInput>) => profileCompleteness({ ...empty, ...change }).percent;
    expect(only({ hasSkinProfile: true })).toBe(30);
    expect(only({ birthday: '1990-01-01' })).toBe(20);
    expect(only({ nickname: 'a', avatarUrl: 'b' })).toBe(25);
    expect(only({ gender: 'male', city: '广州' })).toBe(25);
  });

  it('stays an integer within 0..100 for every combination, reaching 100 only when complete', () => {
    const keys = ['nickname', 'avatarUrl', 'gender', 'birthday', 'city', 'hasSkinProfile'] as const;
    for (let mask = 0; mask < 1 << keys.length; mask++) {
      const input = { ...empty };
      keys.forEach((k, i) => {
        if (mask & (1 << i)) Object.assign(input, { [k]: complete[k] });
      });
      const sut = profileCompleteness(input);
      expect(Number.isInteger(sut.percent)).toBe(true);
      expect(sut.percent).toBeGreaterThanOrEqual(0);
      expect(sut.percent === 100).toBe(sut.missing.length === 0);
      expect(sut.nudge === null).toBe(sut.missing.length === 0);
    }
  });
});
