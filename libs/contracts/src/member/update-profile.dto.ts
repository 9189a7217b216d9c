import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { GENDERS, type Gender } from './join.dto';

export class UpdateProfileDto {
  @IsOptional()
  @IsString()
  @Length(1, 20)
  nickname?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  birthday?: string;

  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  city?: string;
}
