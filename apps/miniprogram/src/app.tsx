import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { preloadClientConfig } from './services/client-config.service';
import { rememberJoinSource } from './services/launch-context';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // A store/advisor QR code opens the app with `scene`; a shared link carries `ref`.
    rememberJoinSource(options?.query);
    // Subscribe prompts must open synchronously in a tap handler, so their template ids have to be here first.
    preloadClientConfig();
  });
  return children;
}
