const path = require('path');

process.env.TZ = 'UTC';
const libs = path.resolve(__dirname, '../../libs');
// socket.io-client's CommonJS entry replaces module.exports and drops the engine.io transport classes the chat
// transport extends; the ES module entry (what webpack bundles) keeps them.
const socketIoClientEsm = path.join(path.dirname(require.resolve('socket.io-client/package.json')), 'build/esm/index.js');

module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/test/setup-globals.js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.test.tsx'],
  // `m?` because swiper (pulled in by @tarojs/components) ships .mjs files.
  transform: { '^.+\\.m?[jt]sx?$': ['babel-jest', { configFile: require.resolve('./babel.config.js') }] },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@nutui|@stencil|\\.pnpm|tslib|swiper|ssr-window|dom7|hls\\.js|socket\\.io-client)/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/__mocks__/taro.js',
    '^@tarojs/components$': '<rootDir>/test/__mocks__/components.js',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/__mocks__/nutui.js',
    '^@nutui/.+/style/css$': 'identity-obj-proxy',
    '^socket\\.io-client$': socketIoClientEsm,
    '^@glow/domain$': path.join(libs, 'domain/src/index.ts'),
    '^@glow/contracts$': path.join(libs, 'contracts/src/index.ts'),
    '\\.(css|less|scss|sass)$': 'identity-obj-proxy',
  },
};
