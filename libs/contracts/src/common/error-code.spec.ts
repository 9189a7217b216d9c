import { ERRORS, ErrorCode } from './error-code';

describe('ERRORS', () => {
  it.each(Object.values(ErrorCode))('%s has a Chinese message and an error status', (code) => {
    const sut = ERRORS[code];
    expect(sut.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(sut.status).toBeGreaterThanOrEqual(400);
  });

  it('only our own faults and WeChat outages are 5xx: nothing a client sends maps to one', () => {
    const serverSide = Object.entries(ERRORS).filter(([, e]) => e.status >= 500).map(([code]) => code);
    expect(serverSide.sort()).toEqual(['INTERNAL_ERROR', 'WECHAT_UNAVAILABLE']);
  });
});
