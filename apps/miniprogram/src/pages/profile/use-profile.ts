import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { MemberHomeResponse, MemberProfile, UpdateProfileDto } from '@glow/contracts';
import { EMPTY_PROFILE, type ProfileDraft } from '../../components/profile-fields';
import { errorMessage, isApiError } from '../../services/http';
import { getMemberHome, updateProfile, uploadAvatar } from '../../services/member.service';
import { assetUrl } from '../../utils/asset-url';
import { SERVICE_PAGES } from '../../utils/navigation';

export type ProfileLoad = 'loading' | 'ready' | 'not-member' | 'failed';

export function useProfile() {
  const [load, setLoad] = useState<ProfileLoad>('loading');
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [avatar, setAvatar] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback((home: MemberHomeResponse) => {
    setDraft(toDraft(home.profile));
    setAvatar(assetUrl(home.profile.avatarUrl));
    setLoad('ready');
  }, []);

  const fetchProfile = useCallback(async () => {
    setLoad('loading');
    setError(null);
    try {
      show(await getMemberHome());
    } catch (failure) {
      setLoad(isApiError(failure) && failure.code === 'MEMBER_NOT_JOINED' ? 'not-member' : 'failed');
      setError(errorMessage(failure));
    }
  }, [show]);

  useEffect(() => {
    void fetchProfile();
  }, [fetchProfile]);

  const edit = (next: ProfileDraft) => {
    setDraft(next);
    setSaved(false);
  };

  /** Avatars are saved at once: the upload is its own request, not part of PATCH /me. */
  const changeAvatar = async (filePath: string) => {
    setUploading(true);
    setError(null);
    try {
      const { avatarUrl } = await uploadAvatar(filePath);
      setAvatar(assetUrl(avatarUrl));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      show(await updateProfile(toUpdate(draft)));
      setSaved(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return {
    load,
    retry: fetchProfile,
    draft,
    edit,
    avatar,
    uploading,
    changeAvatar,
    saving,
    saved,
    save,
    error,
    goJoin: () => Taro.redirectTo({ url: '/pages/join/index' }),
    goBookings: () => Taro.navigateTo({ url: '/pages/bookings/index' }),
    goSubscriptions: () => Taro.navigateTo({ url: '/pages/subscriptions/index' }),
    goChat: () => Taro.navigateTo({ url: SERVICE_PAGES.chat }),
    goTickets: () => Taro.navigateTo({ url: SERVICE_PAGES.tickets }),
  };
}

function toDraft(profile: MemberProfile): ProfileDraft {
  return {
    nickname: profile.nickname ?? '',
    birthday: profile.birthday,
    gender: profile.gender,
    city: profile.city ?? '',
  };
}

/** Blank text fields are left as they are: the API accepts 1–20 characters, not an empty value. */
function toUpdate(draft: ProfileDraft): UpdateProfileDto {
  const nickname = draft.nickname.trim();
  const city = draft.city.trim();
  return {
    gender: draft.gender,
    ...(nickname ? { nickname } : {}),
    ...(draft.birthday ? { birthday: draft.birthday } : {}),
    ...(city ? { city } : {}),
  };
}
