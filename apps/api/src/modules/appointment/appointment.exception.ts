import { AppException } from '../../platform/errors/app.exception';

/** Errors the appointment module raises; codes and messages live in `@glow/contracts`. */
export class AppointmentException extends AppException {}
