import Taro from '@tarojs/taro';
import { brightenScreen } from './screen-brightness';

describe(brightenScreen.name, () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => jest.clearAllMocks());
  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('raises the brightness in WeChat and restores what it was', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(Taro.getScreenBrightness).mockResolvedValueOnce({ value: 0.35, errMsg: 'getScreenBrightness:ok' } as never);

    const restore = await brightenScreen();
    expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 1 });
    expect(Taro.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: true });

    restore();
    expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.35 });
    expect(Taro.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false });
  });

  it('leaves the screen alone in the browser', async () => {
    process.env.TARO_ENV = 'h5';

    (await brightenScreen())();
    expect(Taro.getScreenBrightness).not.toHaveBeenCalled();
    expect(Taro.setScreenBrightness).not.toHaveBeenCalled();
  });

  it('gives up quietly when the device refuses', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(Taro.getScreenBrightness).mockRejectedValueOnce({ errMsg: 'getScreenBrightness:fail' });

    (await brightenScreen())();
    expect(Taro.setScreenBrightness).not.toHaveBeenCalled();
  });
});
