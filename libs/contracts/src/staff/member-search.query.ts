import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

/** Staff search: a full phone number matches through the blind index, anything else searches names. */
export class MemberSearchQuery {
  @IsOptional()
  @IsString()
  @Length(1, 40)
  q?: string;

  @IsOptional()
  @IsUUID()
  storeId?: string;

  /** Only members carrying this tag (tag id). */
  @IsOptional()
  @IsUUID()
  tagId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
