// babel-preset-taro compiles the client for Taro and, under jest, TypeScript tests of core, stores and server.
// No polyfills are injected on either platform: the mini-program never took any, and the H5 client's
// browsers (package.json browserslist "h5") have every built-in the code calls. The preset's 'usage'
// swapped each call for core-js's own copy, about 20 KB of the first view's compressed script.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
}
