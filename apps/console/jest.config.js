process.env.TZ = 'UTC';
const path = require('path');

const root = path.join(__dirname, '../..');
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

const swcJs = { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } };

module.exports = {
  displayName: require('./project.json').name,
  rootDir: __dirname,
  testEnvironment: path.join(__dirname, 'jest.environment.js'),
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', swc], '^.+\\.m?js$': ['@swc/jest', swcJs] },
  // Some dependencies ship ES modules only (antd's colour helpers; echarts/core and its zrender, which the overview
  // page registers its chart types on): compile them to CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@ant-design/colors|@ant-design/fast-color|echarts|zrender)/)'],
  moduleNameMapper: {
    '^@glow/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@glow/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '\\.css$': 'identity-obj-proxy',
  },
  setupFiles: ['<rootDir>/src/test/setup-dom.ts'],
};
