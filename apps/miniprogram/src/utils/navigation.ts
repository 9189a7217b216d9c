import Taro from '@tarojs/taro';

export const HOME_PAGE = '/pages/index/index';

/** Back to the previous page, or to the home page when this page was opened directly (a shared link, a QR code). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: HOME_PAGE });
}
