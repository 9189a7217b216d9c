/** A WeChat API answered with a non-zero errcode (or could not be reached: errcode -1). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path} failed: ${errcode} ${errmsg}`);
    this.name = 'WechatApiError';
  }
}
