import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Gender } from '@glow/contracts';
import { fromIsoDate, toIsoDate } from '../../utils/date';
import { Cell, CellGroup, DatePicker, Input, Radio, RadioGroup } from '../ui';
import styles from './index.module.scss';

/** The optional profile a member fills in when joining and edits later; empty strings mean "not given". */
export interface ProfileDraft {
  nickname: string;
  birthday: string | null;
  gender: Gender;
  city: string;
}

export const EMPTY_PROFILE: ProfileDraft = { nickname: '', birthday: null, gender: 'unknown', city: '' };

const GENDER_OPTIONS: readonly { value: Gender; label: string }[] = [
  { value: 'female', label: '女' },
  { value: 'male', label: '男' },
  { value: 'unknown', label: '保密' },
];

const EARLIEST_BIRTHDAY = new Date(1920, 0, 1);

export interface ProfileFieldIds {
  nickname: string;
  birthday: string;
  gender: string;
  city: string;
}

export interface ProfileFieldsProps {
  ids: ProfileFieldIds;
  value: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
}

export function ProfileFields({ ids, value, onChange }: ProfileFieldsProps) {
  const [pickingBirthday, setPickingBirthday] = useState(false);
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...value, ...patch });
  const birthday = fromIsoDate(value.birthday);

  return (
    <CellGroup className={styles.group}>
      <Cell className={styles.field} align='center'>
        <Text className={styles.label}>昵称</Text>
        <Input
          id={ids.nickname}
          className={styles.input}
          type='nickname'
          placeholder='请输入昵称'
          maxLength={20}
          value={value.nickname}
          onChange={(nickname) => set({ nickname })}
          // WeChat's nickname keyboard fills the field without an input event; the value arrives on blur.
          onBlur={(nickname) => set({ nickname })}
        />
      </Cell>
      <Cell className={styles.field} align='center'>
        <Text className={styles.label}>生日</Text>
        <View id={ids.birthday} className={styles.trigger} onClick={() => setPickingBirthday(true)}>
          <Text className={value.birthday ? styles.value : styles.placeholder}>{value.birthday ?? '请选择生日'}</Text>
        </View>
      </Cell>
      <Cell className={styles.field} align='center'>
        <Text className={styles.label}>性别</Text>
        <RadioGroup
          id={ids.gender}
          className={styles.radios}
          direction='horizontal'
          value={value.gender}
          onChange={(picked) => {
            const option = GENDER_OPTIONS.find((candidate) => candidate.value === picked);
            if (option) set({ gender: option.value });
          }}
        >
          {GENDER_OPTIONS.map((option) => (
            <Radio key={option.value} value={option.value}>
              {option.label}
            </Radio>
          ))}
        </RadioGroup>
      </Cell>
      <Cell className={styles.field} align='center'>
        <Text className={styles.label}>城市</Text>
        <Input
          id={ids.city}
          className={styles.input}
          placeholder='请输入所在城市'
          maxLength={20}
          value={value.city}
          onChange={(city) => set({ city })}
        />
      </Cell>
      <View>
        <DatePicker
          title='选择生日'
          type='date'
          visible={pickingBirthday}
          showChinese
          startDate={EARLIEST_BIRTHDAY}
          endDate={new Date()}
          defaultValue={birthday ?? new Date(1995, 0, 1)}
          onClose={() => setPickingBirthday(false)}
          onConfirm={(_options, [year, month, day]) => {
            set({ birthday: toIsoDate(new Date(Number(year), Number(month) - 1, Number(day))) });
          }}
        />
      </View>
    </CellGroup>
  );
}
