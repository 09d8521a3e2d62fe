import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { Compiler } from 'webpack'
import { PrecompressedAssets } from './precompress'
import { weappBuildEnv, WeappEnvError } from './weapp-env'

/**
 * Writes sw-assets.json: every script and stylesheet of the H5 build, so the service worker
 * (src/services/offline-worker.js) keeps all of them at install, not only those already fetched.
 */
class OfflineAssetList {
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap('OfflineAssetList', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'OfflineAssetList', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const files = Object.keys(assets)
          .filter((name) => /\.(js|css)$/.test(name) && name !== 'sw.js')
          .map((name) => '/' + name)
        compilation.emitAsset('sw-assets.json', new compiler.webpack.sources.RawSource(JSON.stringify(files)))
      })
    })
  }
}

/**
 * Taro build configuration for both targets: `--type weapp` (WeChat mini-program, dist/weapp) and
 * `--type h5` (mobile web client, dist/h5, served by the backend at /).
 * API_BASE is baked into the build: the mini-program needs an absolute https URL on a registered
 * domain and its real appid (./weapp-env.ts checks both, except in watch mode: `npm run dev:weapp`,
 * for the simulator only); the H5 client talks to the server that serves it, so '' (same origin).
 */
export default defineConfig(async (_merge, { command: _command, mode }) => {
  const platform = process.env.TARO_ENV ?? 'h5'
  let apiBase = process.env.TARO_APP_API_BASE ?? ''
  // The H5 client's browsers (package.json browserslist "h5"): phones' browsers from 2019 on (iOS 12.2,
  // Chrome 70: ES2019, a stable sort) and current ones; not IE, Opera Mini or KaiOS, which "last 3
  // versions" drew in, nor iOS 10 and Chrome 53, which cost 29 KB of compressed polyfills. The
  // mini-program keeps the "defaults" list, compiled to ES5.
  if (platform === 'h5') process.env.BROWSERSLIST_ENV ??= 'h5'
  if (platform === 'weapp') {
    try {
      const weapp = weappBuildEnv(process.env, mode)
      apiBase = weapp.apiBase
      // Taro writes dist/weapp/project.config.json with this appid (the committed file keeps the placeholder).
      process.env.TARO_APP_ID = weapp.appid
      if (weapp.simulatorOnly) {
        console.warn(
          `\n[dev:weapp] For WeChat DevTools' simulator only: API ${apiBase}, appid ${weapp.appid}. ` +
            'Turn off 不校验合法域名 only here; a phone needs `npm run build:weapp` (docs/deploy-weapp.md).\n',
        )
      }
    } catch (error) {
      if (error instanceof WeappEnvError) {
        console.error(`\nbuild:weapp: ${error.message}\n`)
        process.exit(1)
      }
      throw error
    }
  }
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'union-bulletin',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      NEW_ISSUE_TEMPLATE_ID: JSON.stringify(process.env.WECHAT_TEMPLATE_NEW_ISSUE ?? ''),
    },
    alias: {
      '@/core': path.resolve(__dirname, '..', 'src/core'),
    },
    // The H5 service worker (offline app shell) lives at the site root; the mini-program has its own package.
    copy: { patterns: platform === 'h5' ? [{ from: 'src/services/offline-worker.js', to: 'dist/h5/sw.js' }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Taro leaves node_modules untranspiled, so zustand's ES2015+ syntax reached vendors.js while
      // project.config.json says es6: false and browserslist reaches old WebViews: compile it too.
      compile: { include: [(file: string) => /node_modules[\\/]zustand[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        url: { enable: true, config: { limit: 1024 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      // Content hashes: the service worker may keep these files forever without serving stale code.
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'chunk/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      staticDirectory: 'static',
      // Path URLs a chat app can preview and the server can answer with the page itself
      // (src/server/http/page-html.ts). The `:id` is a route parameter: Taro hands it to the page as
      // router.params.id, as `?id=` did. Old `#/pages/…` links are moved over by src/index.html.
      router: {
        mode: 'browser',
        customRoutes: {
          '/pages/index/index': '/',
          '/pages/issue/index': '/issues/:id',
          '/pages/article/index': '/articles/:id',
          '/pages/search/index': '/search',
          '/pages/favourites/index': '/favourites',
          '/pages/settings/index': '/settings',
        },
      },
      esnextModules: [],
      // Taro's React-implemented H5 components (@tarojs/components-react, `true`) replace all of them
      // and change the pages: pull-down refresh, the search box's markup, the scroll views' roles and
      // the mini player's layout break the browser tests. Kept off: src/components/ui.h5.tsx draws
      // View, Text and Button (nearly every element) as plain HTML instead, and leaves the rest Taro's.
      useHtmlComponents: false,
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of the
      // H5 components (~240 KB each). Split async chunks too: shared code loads once. Taro also
      // splits at any size (minSize 0): home then asked for 11 chunks, some under 1 KB, each a
      // request (on a 150 ms network, another round trip past six) and a script to start; shared
      // code under 20 KB now stays in the pages that use it.
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 20000 })
        chain.plugin('offline-asset-list').use(OfflineAssetList)
        chain.plugin('precompressed-assets').use(PrecompressedAssets)
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return config
})
