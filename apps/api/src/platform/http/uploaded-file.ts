import { ErrorCode } from '@glow/contracts';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../errors/app.exception';

/**
 * The multipart field `file` of an Excel upload: its name and bytes. A file over the limit is a 413, anything
 * malformed a 400 IMPORT_FILE_INVALID.
 */
export async function uploadedFile(req: FastifyRequest, limitBytes = 5 * 1024 * 1024): Promise<{ fileName: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppException(ErrorCode.ImportFileInvalid, 'not multipart');
  try {
    const file = await req.file({ limits: { fileSize: limitBytes, files: 1 } });
    if (!file || file.fieldname !== 'file') throw new AppException(ErrorCode.ImportFileInvalid, 'no file field');
    return { fileName: file.filename || 'upload.xlsx', bytes: await file.toBuffer() };
  } catch (e) {
    if (e instanceof AppException) throw e;
    if (e instanceof req.server.multipartErrors.RequestFileTooLargeError) {
      throw new AppException(ErrorCode.PayloadTooLarge, 'file too large', { message: `文件不能超过 ${Math.round(limitBytes / 1024 / 1024)} MB` });
    }
    throw new AppException(ErrorCode.ImportFileInvalid, e instanceof Error ? e.message : String(e));
  }
}
