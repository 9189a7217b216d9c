import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import type { MediaContentType } from '../state/media-store';
import { wechatError } from '../wechat-error';
import { accessTokenError, queryValue, type QueryRecord } from '../wechat-request';

export const MEDIA_UPLOAD_PATH = '/cgi-bin/media/upload';
export const MEDIA_GET_PATH = '/cgi-bin/media/get';

/** The form field of the file. UNVERIFIED: the reference could not confirm the name WeChat expects (§6f, §11.8). */
export const MEDIA_FIELD = 'media';
/** Customer-service images may be up to 2 MB, JPG or PNG. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** WeChat trusts the bytes, not the file name or the part's Content-Type. */
export function imageTypeOf(bytes: Buffer): MediaContentType | null {
  if (bytes.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'image/png';
  return null;
}

type Upload = { ok: true; bytes: Buffer } | { ok: false; errcode: 40006 | 41005 };

/** Reads every part, keeping the first file in the `media` field; a file over the limit is 40006. */
async function readUpload(request: FastifyRequest, tooLarge: FastifyInstance['multipartErrors']['RequestFileTooLargeError']): Promise<Upload> {
  let bytes: Buffer | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname === MEDIA_FIELD && bytes === null) bytes = await part.toBuffer();
      else part.file.resume();
    }
  } catch (error) {
    if (error instanceof tooLarge) return { ok: false, errcode: 40006 };
    // A body that breaks off or is not really multipart carries no media WeChat could read.
    return { ok: false, errcode: 41005 };
  }
  return bytes === null || bytes.length === 0 ? { ok: false, errcode: 41005 } : { ok: true, bytes };
}

/**
 * Temporary media for customer-service messages: image only (what mini-program customer service sends), kept in
 * memory for 3 days of the sandbox's clock.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // The multipart parser lives in its own scope: every other endpoint reads its body as JSON text whatever the type.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES } });

    scope.post<{ Querystring: QueryRecord }>(MEDIA_UPLOAD_PATH, async (request) => {
      const tokenError = accessTokenError(ctx, request.query);
      if (tokenError !== null) return wechatError(tokenError);
      if (queryValue(request.query, 'type') !== 'image') return wechatError(40004);
      if (!request.isMultipart()) return wechatError(41005);
      const upload = await readUpload(request, scope.multipartErrors.RequestFileTooLargeError);
      if (!upload.ok) return wechatError(upload.errcode);
      const contentType = imageTypeOf(upload.bytes);
      if (contentType === null) return wechatError(40005);

      const stored = ctx.state.media.put(upload.bytes, contentType);
      return { type: stored.type, media_id: stored.mediaId, created_at: Math.floor(stored.createdAt / 1000) };
    });
  });

  // Success is the file itself; errors are JSON like every other endpoint.
  app.get<{ Querystring: QueryRecord }>(MEDIA_GET_PATH, async (request, reply) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const stored = ctx.state.media.usable(queryValue(request.query, 'media_id') ?? '');
    if (!stored) return wechatError(40007);
    const extension = stored.contentType === 'image/png' ? 'png' : 'jpg';
    return reply
      .type(stored.contentType)
      .header('content-disposition', `attachment; filename="${stored.mediaId}.${extension}"`)
      .send(stored.bytes);
  });
}
