import { buildScene, parseScene } from './parse-scene';

describe(parseScene.name, () => {
  it.each([
    ['s=SH01', { storeCode: 'SH01', advisorCode: null, referralCode: null }],
    ['s=SH01&a=A003', { storeCode: 'SH01', advisorCode: 'A003', referralCode: null }],
    ['r=k7p2m9', { storeCode: null, advisorCode: null, referralCode: 'K7P2M9' }],
  ])('binds store, advisor and referrer from %s', (scene, binding) => {
    expect(parseScene(scene)).toEqual({ ok: true, binding });
  });

  it.each([
    ['s=SH01&a=A003&r=ABCDEFGH&x=1234567', 'too-long'],
    ['s=上海', 'bad-characters'],
    ['s=SH%01', 'bad-characters'],
    ['q=SH01', 'malformed'],
    ['s=', 'malformed'],
    ['s=SH01=2', 'malformed'],
  ])('rejects %s as %s', (scene, reason) => {
    expect(parseScene(scene)).toEqual({ ok: false, reason });
  });

  it('round-trips what buildScene writes, within 32 characters', () => {
    const sut = buildScene({ storeCode: 'GZ02', advisorCode: 'A017' });
    expect(sut.length).toBeLessThanOrEqual(32);
    expect(parseScene(sut)).toEqual({ ok: true, binding: { storeCode: 'GZ02', advisorCode: 'A017', referralCode: null } });
  });
});
