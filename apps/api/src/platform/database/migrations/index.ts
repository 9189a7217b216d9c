import { Init1795426683162 } from './1795426683162-init';

/** Every migration, in order. The migration generator rewrites this list. */
export const MIGRATIONS = [Init1795426683162];
