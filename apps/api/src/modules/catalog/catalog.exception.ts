import { AppException } from '../../platform/errors/app.exception';

/** Errors the catalog module raises; codes and messages live in `@glow/contracts`. */
export class CatalogException extends AppException {}
