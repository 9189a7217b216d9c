import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// The compiled API keeps the repository layout under dist/apps/api, libraries included; point the
// workspace aliases at their compiled entry files. This file sits at dist/apps/api/apps/api/src.
register({
  baseUrl: join(__dirname, '..', '..', '..'),
  paths: { '@glow/domain': ['libs/domain/src/index'], '@glow/contracts': ['libs/contracts/src/index'] },
  addMatchAll: false,
});
