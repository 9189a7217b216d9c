import { useCallback, useState } from 'react';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { MemberHomeResponse } from '@glow/contracts';
import { errorMessage, isApiError } from '../../services/http';
import { rememberJoinSource } from '../../services/launch-context';
import { getMemberHome } from '../../services/member.service';
import { memberSession } from '../../services/member-session';

export type HomeState =
  | { status: 'loading' }
  | { status: 'visitor' }
  | { status: 'member'; home: MemberHomeResponse }
  | { status: 'error'; message: string };

/** Signs in on arrival and shows either the member card or the invitation to join. */
export function useHome() {
  const [state, setState] = useState<HomeState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const session = await memberSession.start();
      if (session.kind === 'pre_member') {
        setState({ status: 'visitor' });
        return;
      }
      setState({ status: 'member', home: await getMemberHome() });
    } catch (error) {
      if (isApiError(error) && error.code === 'MEMBER_NOT_JOINED') setState({ status: 'visitor' });
      else setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // QR codes and shared links may open this page directly with `scene` / `ref` in its query.
  useLoad((params: Record<string, string | undefined>) => rememberJoinSource(params));
  // Also runs when coming back from joining or editing the profile.
  useDidShow(() => {
    void load();
  });

  const retry = () => {
    setState({ status: 'loading' });
    void load();
  };

  return {
    state,
    retry,
    goJoin: () => Taro.navigateTo({ url: '/pages/join/index' }),
    goProfile: () => Taro.navigateTo({ url: '/pages/profile/index' }),
  };
}
