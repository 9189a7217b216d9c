import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildSandbox, classicToken } from '../testing/sandbox.fixture';
import { renderWxacode } from './wxacode.renderer';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width from the PNG IHDR chunk, which always follows the 8-byte signature. */
function pngWidth(png: Buffer): number {
  return png.readUInt32BE(16);
}

describe('POST /wxa/getwxacodeunlimit', () => {
  let sut: FastifyInstance;
  let token: string;

  function request(body: unknown): Promise<LightMyRequestResponse> {
    return sut.inject({
      method: 'POST',
      url: `/wxa/getwxacodeunlimit?access_token=${token}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  }

  beforeEach(async () => {
    ({ sut } = buildSandbox());
    token = await classicToken(sut);
  });

  it('answers raw PNG bytes, 430 px wide by default', async () => {
    const response = await request({ scene: 's=SH01&a=A003', page: 'pages/join/index' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.rawPayload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngWidth(response.rawPayload)).toBe(430);
  });

  it('draws a QR code of glow-wxacode://<page>?scene=<url-encoded scene>', async () => {
    const response = await request({ scene: 's=SH01&a=A003', page: 'pages/join/index', width: 280 });
    const expected = await renderWxacode('glow-wxacode://pages/join/index?scene=s%3DSH01%26a%3DA003', {
      width: 280,
      darkColor: '#000000',
      lightColor: '#ffffffff',
    });

    expect(response.rawPayload.equals(expected)).toBe(true);
  });

  it('draws at the requested width and keeps widths within 280-1280', async () => {
    expect(pngWidth((await request({ scene: 'r=K7P2M9', width: 640 })).rawPayload)).toBe(640);
    expect(pngWidth((await request({ scene: 'r=K7P2M9', width: 100 })).rawPayload)).toBe(280);
    expect(pngWidth((await request({ scene: 'r=K7P2M9', width: 5000 })).rawPayload)).toBe(1280);
  });

  it.each([
    { problem: 'a 33-character scene', scene: 'a'.repeat(33) },
    { problem: 'a url-encoded scene', scene: 's=%E4%B8%8A' },
    { problem: 'a CJK scene', scene: 's=上海' },
    { problem: 'a scene with a space', scene: 's=SH 01' },
    { problem: 'an empty scene', scene: '' },
    { problem: 'no scene', scene: undefined },
  ])('refuses $problem with 40169', async ({ scene }) => {
    const response = await request({ scene, page: 'pages/index/index' });

    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ errcode: 40169, errmsg: expect.stringMatching(/^invalid length for scene/) });
  });

  it('accepts a 32-character scene using every allowed punctuation mark', async () => {
    const scene = "!#$&'()*+,/:;=?@-._~aZ09bcdefghi";
    expect(scene).toHaveLength(32);

    expect((await request({ scene })).headers['content-type']).toBe('image/png');
  });

  it.each([
    { problem: 'a leading slash', page: '/pages/index/index', check_path: false },
    { problem: 'a query string', page: 'pages/index/index?x=1', check_path: false },
    { problem: 'an unreleased page while check_path is on', page: 'pages/secret/index', check_path: true },
  ])('refuses a page with $problem with 41030', async ({ page, check_path }) => {
    expect((await request({ scene: 'a=1', page, check_path })).json()).toMatchObject({ errcode: 41030 });
  });

  it('draws any page when check_path is false', async () => {
    expect((await request({ scene: 'a=1', page: 'pages/secret/index', check_path: false })).headers['content-type']).toBe('image/png');
  });

  it('knows the pages it was configured with', async () => {
    ({ sut } = buildSandbox({ pages: ['pages/home/index', 'pages/store/index'] }));
    token = await classicToken(sut);

    expect((await request({ scene: 'a=1', page: 'pages/store/index' })).headers['content-type']).toBe('image/png');
    expect((await request({ scene: 'a=1', page: 'pages/join/index' })).json()).toMatchObject({ errcode: 41030 });
  });

  it('accepts the three env_version values only', async () => {
    for (const env_version of ['release', 'trial', 'develop']) {
      expect((await request({ scene: 'a=1', env_version })).headers['content-type']).toBe('image/png');
    }
    expect((await request({ scene: 'a=1', env_version: 'beta' })).json()).toMatchObject({ errcode: 40097 });
  });

  it('refuses a form post with 47001', async () => {
    const response = await sut.inject({
      method: 'POST',
      url: `/wxa/getwxacodeunlimit?access_token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'scene=a%3D1&page=pages%2Findex%2Findex',
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ errcode: 47001, errmsg: expect.stringMatching(/^data format error/) });
  });
});
