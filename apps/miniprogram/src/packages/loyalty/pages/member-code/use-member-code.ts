import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { errorMessage, isApiError } from '../../../../services/http';
import { getMemberCode } from '../../../../services/loyalty.service';
import {
  INITIAL_MEMBER_CODE_STATE,
  type MemberCodeState,
  memberCodeView,
  nextRefreshDelay,
  receiveMemberCode,
  refreshFailed,
} from '../../../../utils/member-code-timer';
import { brightenScreen, type RestoreScreen } from '../../../../utils/screen-brightness';

/**
 * The member code while the page is shown: fetched on show and again whenever the timing rules say (see
 * utils/member-code-timer.ts), ticking once a second for the countdown, with the screen brightened for the scanner.
 * Everything stops when the page is hidden, so a code is never refreshed in the background.
 */
export function useMemberCode() {
  const [state, setState] = useState<MemberCodeState>(INITIAL_MEMBER_CODE_STATE);
  const [now, setNow] = useState(() => Date.now());
  const stateRef = useRef(state);
  const visible = useRef(false);
  const inFlight = useRef(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tickTimer = useRef<ReturnType<typeof setInterval> | null>(null);
  const screen = useRef<Promise<RestoreScreen> | null>(null);

  const clearRefreshTimer = () => {
    if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
    refreshTimer.current = null;
  };

  const refresh = useCallback(async () => {
    if (inFlight.current || !visible.current) return;
    inFlight.current = true;
    clearRefreshTimer();
    let next: MemberCodeState;
    try {
      next = receiveMemberCode(await getMemberCode(), Date.now());
    } catch (error) {
      const offline = isApiError(error) && error.code === 'NETWORK_ERROR';
      next = refreshFailed(stateRef.current, offline ? 'network' : 'server', errorMessage(error));
    } finally {
      inFlight.current = false;
    }
    // Hidden meanwhile: the next show asks again. (Shown again meanwhile: that show's refresh was skipped for this one.)
    if (!visible.current) return;
    stateRef.current = next;
    setState(next);
    setNow(Date.now());
    refreshTimer.current = setTimeout(() => void refresh(), nextRefreshDelay(next, Date.now()));
  }, []);

  const stop = useCallback(() => {
    visible.current = false;
    clearRefreshTimer();
    if (tickTimer.current !== null) clearInterval(tickTimer.current);
    tickTimer.current = null;
    const restoring = screen.current;
    screen.current = null;
    void restoring?.then((restore) => restore());
  }, []);

  useDidShow(() => {
    stop();
    visible.current = true;
    setNow(Date.now());
    tickTimer.current = setInterval(() => setNow(Date.now()), 1000);
    screen.current = brightenScreen();
    void refresh();
  });
  useDidHide(stop);
  // Leaving the page unmounts it; put the screen back and stop the timers then too.
  useEffect(() => stop, [stop]);

  return {
    view: memberCodeView(state, now),
    /** Asks for a fresh code at once (the member tapped 刷新). */
    refresh: () => void refresh(),
  };
}
