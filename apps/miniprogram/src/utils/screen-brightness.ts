import Taro from '@tarojs/taro';

/** Puts the screen back as it was. */
export type RestoreScreen = () => void;

const nothingToRestore: RestoreScreen = () => undefined;

/**
 * Full brightness and no screen lock while a code is shown for a till scanner to read; resolves to what puts the
 * screen back. WeChat only: the browser has no such API (Taro's H5 build only reports it as unsupported), and the
 * check on TARO_ENV, replaced at build time, drops the calls from the H5 bundle. A device that refuses is left as it
 * is: a dimmer screen still shows the code.
 */
export async function brightenScreen(): Promise<RestoreScreen> {
  if (process.env.TARO_ENV !== 'weapp') return nothingToRestore;
  let previous: number;
  try {
    previous = (await Taro.getScreenBrightness()).value;
    await Taro.setScreenBrightness({ value: 1 });
  } catch {
    return nothingToRestore;
  }
  void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  return () => {
    void Taro.setScreenBrightness({ value: previous }).catch(() => undefined);
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  };
}
