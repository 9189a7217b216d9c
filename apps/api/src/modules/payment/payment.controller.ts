import { Controller, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../platform/auth/auth.decorators';
import { PaymentService } from './payment.service';

/**
 * WeChat Pay calls these with signed, encrypted notifications. The answer tells WeChat whether to retry: 204 when
 * handled (or already handled), 401 with `{code:'FAIL'}` when the signature does not verify (WeChat's probes too).
 */
@ApiTags('payments')
@Controller('payments/wechat')
export class PaymentController {
  private readonly log = new Logger(PaymentController.name);

  constructor(private readonly payments: PaymentService) {}

  @Public()
  @Post('notify')
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async notify(@Req() req: FastifyRequest & { rawBody?: Buffer }, @Res({ passthrough: true }) res: FastifyReply): Promise<void | { code: string; message: string }> {
    return this.handle(req, res, 'payment');
  }

  @Public()
  @Post('refund-notify')
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async refundNotify(@Req() req: FastifyRequest & { rawBody?: Buffer }, @Res({ passthrough: true }) res: FastifyReply): Promise<void | { code: string; message: string }> {
    return this.handle(req, res, 'refund');
  }

  private async handle(req: FastifyRequest & { rawBody?: Buffer }, res: FastifyReply, kind: 'payment' | 'refund'): Promise<void | { code: string; message: string }> {
    const outcome = await this.payments.receive(req.headers, req.rawBody?.toString('utf8') ?? '', kind);
    if (outcome === 'rejected') {
      res.status(401);
      return { code: 'FAIL', message: '验签失败' };
    }
    if (outcome === 'retry') {
      res.status(500);
      return { code: 'FAIL', message: '稍后重试' };
    }
  }
}
