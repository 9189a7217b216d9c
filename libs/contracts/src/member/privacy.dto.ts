import { Equals } from 'class-validator';

/** The member types the words to confirm; deletion cannot be undone. */
export const DELETE_CONFIRMATION = '确认注销';

export class DeleteAccountDto {
  @Equals(DELETE_CONFIRMATION)
  confirm!: string;
}

export interface DeleteAccountResponse {
  deletedAt: string;
}

export interface ProfileCompletenessView {
  percent: number;
  missing: { field: string; label: string }[];
  nudge: string | null;
}
