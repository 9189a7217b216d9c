import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERRORS, ErrorCode, type ErrorResponse } from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { AppException } from './app.exception';
import { ValidationFailedException } from './validation-failed.exception';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
};

/** Maps every error to `{ code, message }`; only our own faults become a 5xx. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorResponse } {
    if (exception instanceof ValidationFailedException) {
      return { status: 400, body: { code: ErrorCode.ValidationFailed, message: ERRORS.VALIDATION_FAILED.message, details: exception.details } };
    }
    if (exception instanceof AppException) {
      const { status, message } = ERRORS[exception.code];
      const body: ErrorResponse = { ...exception.extra.body, code: exception.code, message: exception.extra.message ?? message };
      if (exception.extra.details) body.details = exception.extra.details;
      return { status, body };
    }
    if (exception instanceof ThrottlerException) return this.byCode(ErrorCode.TooManyRequests);
    if (exception instanceof HttpException) {
      const code = HTTP_STATUS_CODES[exception.getStatus()];
      if (code) return this.byCode(code);
      if (exception.getStatus() < 500) return { status: exception.getStatus(), body: { code: ErrorCode.BadRequest, message: ERRORS.BAD_REQUEST.message } };
    }
    // Fastify's own client errors (bad JSON, body too large, wrong content type) carry a statusCode < 500.
    const statusCode = typeof exception === 'object' && exception !== null && 'statusCode' in exception ? Number((exception as { statusCode: unknown }).statusCode) : NaN;
    if (statusCode >= 400 && statusCode < 500) {
      const code = HTTP_STATUS_CODES[statusCode] ?? ErrorCode.BadRequest;
      return { status: ERRORS[code].status, body: { code, message: ERRORS[code].message } };
    }
    return this.byCode(ErrorCode.Internal);
  }

  private byCode(code: ErrorCode): { status: number; body: ErrorResponse } {
    return { status: ERRORS[code].status, body: { code, message: ERRORS[code].message } };
  }
}
