export { createSandbox, DEFAULT_PAGES, type SandboxOptions } from './sandbox';
