import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { JoinDto, PrivacyPolicyResponse } from '@glow/contracts';
import { maskPhone, normalizePhone } from '@glow/domain';
import { EMPTY_PROFILE, type ProfileDraft } from '../../components/profile-fields';
import { errorMessage, isApiError } from '../../services/http';
import { joinSource } from '../../services/launch-context';
import { join, uploadAvatar } from '../../services/member.service';
import { getPrivacyPolicy } from '../../services/privacy-policy.service';
import { getDemoPhoneCode, isDemoMode } from '../../services/wechat-auth.service';

/** A phone code is single use and lives five minutes; `label` is what we may show of the number. */
export type PhoneGrant = { code: string; label: string } | null;

export function useJoin() {
  const [policy, setPolicy] = useState<PrivacyPolicyResponse | null>(null);
  const [demoMode, setDemoMode] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [showPolicy, setShowPolicy] = useState(false);
  const [phone, setPhone] = useState<PhoneGrant>(null);
  const [demoPhone, setDemoPhone] = useState('');
  const [authorising, setAuthorising] = useState(false);
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [avatarPath, setAvatarPath] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadPolicy = useCallback(async () => {
    try {
      setPolicy(await getPrivacyPolicy());
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    void loadPolicy();
    isDemoMode().then(setDemoMode, (failure: unknown) => setError(errorMessage(failure)));
  }, [loadPolicy]);

  /** `getPhoneNumber` result in the mini-program; no code means the user declined. */
  const onWechatPhone = (code: string | undefined) => {
    if (!code) {
      setError('需要授权手机号才能加入会员');
      return;
    }
    setError(null);
    setPhone({ code, label: '已授权微信手机号' });
  };

  /** H5 demo mode: what WeChat would do after the user shares `demoPhone`. */
  const authoriseDemoPhone = async () => {
    const e164 = normalizePhone(demoPhone);
    if (!e164?.startsWith('+86')) {
      setError('请输入正确的 11 位手机号');
      return;
    }
    setAuthorising(true);
    setError(null);
    try {
      const code = await getDemoPhoneCode(e164.slice(3));
      setPhone({ code, label: `已授权手机号 ${maskPhone(e164)}` });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setAuthorising(false);
    }
  };

  const submit = async () => {
    if (!policy || !agreed) {
      setError('请先阅读并同意隐私政策');
      return;
    }
    if (!phone) {
      setError('请先授权手机号');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await join(toJoinDto(policy.version, phone.code, profile));
    } catch (failure) {
      // The API may already have spent the single-use phone code, so ask for a new one.
      setPhone(null);
      if (isApiError(failure) && failure.code === 'MEMBER_CONSENT_OUTDATED') {
        setAgreed(false);
        void loadPolicy();
      }
      setError(errorMessage(failure));
      setSubmitting(false);
      return;
    }
    if (avatarPath) {
      try {
        await uploadAvatar(avatarPath);
      } catch (failure) {
        // Joining worked; the avatar can be set again on the profile page.
        void Taro.showToast({ title: `头像未保存：${errorMessage(failure)}`, icon: 'none', duration: 2500 });
      }
    }
    await Taro.reLaunch({ url: '/pages/index/index' });
  };

  return {
    policy,
    demoMode,
    agreed,
    setAgreed,
    showPolicy,
    togglePolicy: () => setShowPolicy((shown) => !shown),
    phone,
    demoPhone,
    setDemoPhone,
    authorising,
    onWechatPhone,
    authoriseDemoPhone,
    profile,
    setProfile,
    avatarPath,
    setAvatarPath,
    submitting,
    canSubmit: agreed && policy !== null && !submitting,
    submit,
    error,
  };
}

function toJoinDto(consentVersion: string, phoneCode: string, profile: ProfileDraft): JoinDto {
  const nickname = profile.nickname.trim();
  const city = profile.city.trim();
  return {
    consentVersion,
    phoneCode,
    ...(nickname ? { nickname } : {}),
    ...(profile.birthday ? { birthday: profile.birthday } : {}),
    ...(profile.gender !== 'unknown' ? { gender: profile.gender } : {}),
    ...(city ? { city } : {}),
    ...joinSource(),
  };
}
