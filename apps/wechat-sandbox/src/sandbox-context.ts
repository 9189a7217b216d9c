import type { SandboxState } from './state/sandbox-state';

/** What every route needs: the emulated mini program's identity and the in-memory platform state. */
export type SandboxContext = {
  appId: string;
  secret: string;
  pages: readonly string[];
  state: SandboxState;
};
