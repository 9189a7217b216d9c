import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaskOutcomeDto, TaskQuery, type TaskView } from '@glow/contracts';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { FollowUpTaskService } from './follow-up-task.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/tasks')
export class FollowUpTaskController {
  constructor(private readonly tasks: FollowUpTaskService) {}

  @Roles('advisor', 'store_manager', 'admin', 'marketer')
  @Get()
  @ApiOperation({ summary: 'Follow-up tasks: open ones due by a day (default today) or on one day; or done/skipped ones' })
  list(@CurrentPrincipal() who: StaffPrincipal, @Query() q: TaskQuery): Promise<TaskView[]> {
    return this.tasks.list(who, q);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a task as done or skipped, with what happened (once)' })
  complete(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TaskOutcomeDto): Promise<TaskView> {
    return this.tasks.complete(who, id, dto);
  }
}
