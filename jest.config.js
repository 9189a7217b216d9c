// Unit tests of every project in one run (`npm test` runs this, then the end-to-end suites under test/).
module.exports = {
  projects: [
    '<rootDir>/libs/domain/jest.config.js',
    '<rootDir>/libs/contracts/jest.config.js',
    '<rootDir>/apps/api/jest.config.js',
    '<rootDir>/apps/wechat-sandbox/jest.config.js',
    '<rootDir>/apps/miniprogram/jest.config.js',
    '<rootDir>/apps/console/jest.config.js',
  ],
};
