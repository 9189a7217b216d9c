import { IsString, Length, Matches } from 'class-validator';

export class StaffLoginDto {
  @IsString()
  @Length(2, 64)
  @Matches(/^[A-Za-z0-9_.-]+$/)
  username!: string;

  @IsString()
  @Length(6, 128)
  password!: string;
}
