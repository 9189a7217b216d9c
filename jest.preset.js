// Shared jest settings for the TypeScript projects (API, libs, sandbox, cross-app tests).
// Nest 12 ships ESM only; @swc/jest also transpiles those node_modules so jest can require them on Node 20.
const path = require('path');
const swcTs = { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'commonjs' } };
const swcJs = { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } };
const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcTs], '^.+\\.m?js$': ['@swc/jest', swcJs] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@standard-schema|ansis|tinyglobby|fdir|toad-cache|non-error|serialize-error|load-esm|cookie|content-disposition|@faker-js|pg-boss|rrule-temporal)/)',
  ],
  moduleNameMapper: {
    '^@glow/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@glow/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
  },
};
