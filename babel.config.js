// babel-preset-taro compiles the client for Taro and, under jest, TypeScript tests of core, stores and server.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: process.env.TARO_ENV === 'h5' ? 'usage' : false }]],
}
