import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const libsDir = path.resolve(__dirname, '../../../libs');

/** Same origin for the H5 build (served next to the API); the local API for the WeChat devtools. */
function apiBase(): string {
  if (process.env.GLOW_API_BASE !== undefined) return process.env.GLOW_API_BASE;
  return process.env.TARO_ENV === 'weapp' ? 'http://127.0.0.1:3000' : '';
}

const cssModules = {
  enable: true,
  config: { namingPattern: 'module' as const, generateScopedName: '[name]__[local]___[hash:base64:5]' },
};

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'glow-miniprogram',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      GLOW_API_BASE: JSON.stringify(apiBase()),
    },
    alias: {
      // npm nested this package under apps/miniprogram/node_modules, where @tarojs/taro-h5 (hoisted to the
      // root) cannot find it; point webpack at wherever it is installed.
      '@tarojs/plugin-framework-react': path.dirname(require.resolve('@tarojs/plugin-framework-react/package.json')),
      '@glow/domain': path.join(libsDir, 'domain/src/index.ts'),
      '@glow/contracts': path.join(libsDir, 'contracts/src/index.ts'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // The shared libs are TypeScript sources outside src/, so Babel must compile them too.
      compile: { include: [libsDir] },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [libsDir] },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules },
    },
  };
  return config;
});
