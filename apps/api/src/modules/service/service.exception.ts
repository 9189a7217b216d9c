import { AppException } from '../../platform/errors/app.exception';

/** Errors the advisor-service module raises; codes and messages live in `@glow/contracts`. */
export class ServiceException extends AppException {}
