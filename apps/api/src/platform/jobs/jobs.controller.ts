import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@glow/contracts';
import { Roles } from '../auth/auth.decorators';
import { AppException } from '../errors/app.exception';
import { type JobOutcome, JobRunner } from './job-runner';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/jobs')
export class JobsController {
  constructor(private readonly jobs: JobRunner) {}

  @Roles('admin')
  @Post(':name/run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a scheduled job now (admins); it still runs once across instances' })
  run(@Param('name') name: string): Promise<JobOutcome> {
    if (!this.jobs.has(name)) throw new AppException(ErrorCode.JobUnknown);
    return this.jobs.run(name);
  }
}
