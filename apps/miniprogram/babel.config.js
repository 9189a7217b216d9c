// One Babel config for both Taro builds and jest (babel-jest sets NODE_ENV=test).
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };
};
