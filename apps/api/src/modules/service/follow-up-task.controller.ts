import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type FollowUpTaskView } from '@glow/contracts';
import { businessDate } from '@glow/domain';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AppException } from '../../platform/errors/app.exception';
import { FollowUpTaskService } from './follow-up-task.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/tasks')
export class FollowUpTaskController {
  constructor(private readonly tasks: FollowUpTaskService) {}

  @Roles('advisor', 'store_manager', 'admin', 'marketer')
  @Get()
  @ApiOperation({ summary: 'Open follow-up tasks due by a day (default today): mine, my store’s, or all' })
  @ApiQuery({ name: 'dueBy', required: false, example: '2026-11-23' })
  open(@CurrentPrincipal() who: StaffPrincipal, @Query('dueBy') dueBy?: string): Promise<FollowUpTaskView[]> {
    if (dueBy !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(dueBy) || Number.isNaN(Date.parse(dueBy)))) throw new AppException(ErrorCode.ValidationFailed);
    return this.tasks.open(who, dueBy ?? businessDate(new Date()));
  }
}
