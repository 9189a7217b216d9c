import { AppException } from '../../platform/errors/app.exception';

/** Errors the campaign module raises; codes and messages live in `@glow/contracts`. */
export class CampaignException extends AppException {}
