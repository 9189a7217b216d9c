import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { rememberJoinSource } from './services/launch-context';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  // A store/advisor QR code opens the app with `scene`; a shared link carries `ref`.
  useLaunch((options) => rememberJoinSource(options?.query));
  return children;
}
