import type { FastifyInstance } from 'fastify';
import {
  buildSandbox,
  classicToken,
  JPEG_BYTES,
  multipartFile,
  PNG_BYTES,
  RID,
  uploadImage,
  type FakeClock,
  type Json,
} from '../testing/sandbox.fixture';
import { MAX_IMAGE_BYTES, MEDIA_GET_PATH, MEDIA_UPLOAD_PATH } from './media.routes';

const DAY = 24 * 3600;

/** A PNG header followed by filler: only the magic bytes decide the type. */
function pngOfSize(bytes: number): Buffer {
  return Buffer.concat([PNG_BYTES.subarray(0, 8), Buffer.alloc(bytes - 8, 0x61)]);
}

describe(`POST ${MEDIA_UPLOAD_PATH}`, () => {
  let sut: FastifyInstance;
  let clock: FakeClock;
  let token: string;

  async function upload(query: string, file = multipartFile('media', 'photo.png', PNG_BYTES)): Promise<Json> {
    const response = await sut.inject({ method: 'POST', url: `${MEDIA_UPLOAD_PATH}?${query}`, payload: file.payload, headers: file.headers });
    return response.json<Json>();
  }

  beforeEach(async () => {
    ({ sut, clock } = buildSandbox({ tokenTtlSeconds: 30 * DAY }));
    token = await classicToken(sut);
  });

  it('stores a PNG and answers its media_id and creation time in seconds', async () => {
    const body = await uploadImage(sut, token);

    expect(body).toEqual({ type: 'image', media_id: expect.stringMatching(/^[\w-]{32,}$/), created_at: Math.floor(clock.ms / 1000) });
  });

  it('keeps the bytes: the control API and media/get give them back', async () => {
    const { media_id: mediaId } = await uploadImage(sut, token, JPEG_BYTES);

    const control = await sut.inject({ method: 'GET', url: `/__control/media/${String(mediaId)}` });
    const get = await sut.inject({ method: 'GET', url: `${MEDIA_GET_PATH}?access_token=${token}&media_id=${String(mediaId)}` });

    expect(control.statusCode).toBe(200);
    expect(control.headers['content-type']).toBe('image/jpeg');
    expect(control.rawPayload.equals(JPEG_BYTES)).toBe(true);
    expect(get.headers['content-type']).toBe('image/jpeg');
    expect(get.headers['content-disposition']).toBe(`attachment; filename="${String(mediaId)}.jpg"`);
    expect(get.rawPayload.equals(JPEG_BYTES)).toBe(true);
  });

  it('accepts an image of exactly 2 MB and refuses one byte more with 40006', async () => {
    expect(await uploadImage(sut, token, pngOfSize(MAX_IMAGE_BYTES))).toMatchObject({ type: 'image' });
    expect(await uploadImage(sut, token, pngOfSize(MAX_IMAGE_BYTES + 1))).toEqual({ errcode: 40006, errmsg: expect.stringMatching(RID) });
  });

  it.each([
    { problem: 'a GIF', bytes: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') },
    { problem: 'text named .png', bytes: Buffer.from('not an image at all') },
  ])('answers 40005 for $problem', async ({ bytes }) => {
    expect(await uploadImage(sut, token, bytes)).toMatchObject({ errcode: 40005 });
  });

  it('answers 41005 when the file is in another field than media', async () => {
    expect(await uploadImage(sut, token, PNG_BYTES, 'file')).toMatchObject({ errcode: 41005 });
  });

  it('answers 41005 for an empty file', async () => {
    expect(await uploadImage(sut, token, Buffer.alloc(0))).toMatchObject({ errcode: 41005 });
  });

  it('answers 41005 for a body that is not multipart', async () => {
    const response = await sut.inject({
      method: 'POST',
      url: `${MEDIA_UPLOAD_PATH}?access_token=${token}&type=image`,
      payload: { media: PNG_BYTES.toString('base64') },
    });

    expect(response.json()).toMatchObject({ errcode: 41005 });
  });

  it.each([
    { problem: 'no type', query: () => `access_token=${token}`, errcode: 40004 },
    { problem: 'type voice, which the sandbox does not take', query: () => `access_token=${token}&type=voice`, errcode: 40004 },
    { problem: 'no token', query: () => 'type=image', errcode: 41001 },
    { problem: 'a malformed token', query: () => 'access_token=bad&type=image', errcode: 40014 },
  ])('answers $errcode for $problem', async ({ query, errcode }) => {
    expect(await upload(query())).toMatchObject({ errcode });
  });

  it('still works for the JSON endpoints: multipart parsing is confined to the upload route', async () => {
    const file = multipartFile('media', 'photo.png', PNG_BYTES);
    const response = await sut.inject({ method: 'POST', url: `/cgi-bin/message/custom/send?access_token=${token}`, payload: file.payload, headers: file.headers });

    expect(response.json()).toMatchObject({ errcode: 47001 });
  });

  describe(`GET ${MEDIA_GET_PATH}`, () => {
    it('answers 40007 for an unknown media_id, and once the media is 3 days old', async () => {
      const { media_id: mediaId } = await uploadImage(sut, token);

      expect((await sut.inject({ method: 'GET', url: `${MEDIA_GET_PATH}?access_token=${token}&media_id=nope` })).json()).toMatchObject({ errcode: 40007 });
      clock.advance(3 * DAY);
      expect((await sut.inject({ method: 'GET', url: `${MEDIA_GET_PATH}?access_token=${token}&media_id=${String(mediaId)}` })).json()).toMatchObject({
        errcode: 40007,
      });
    });

    it('answers 404 from the control API for an unknown media id', async () => {
      const response = await sut.inject({ method: 'GET', url: '/__control/media/nope' });

      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: expect.any(String) });
    });
  });
});
