// ESLint (flat config) for the whole repository: `npm run lint`, also the first step of `npm test`.
// typescript-eslint's recommended set without type information (a type-checked lint would roughly
// double `npm test` on a 2-core machine; `tsc --noEmit` already runs there), React's hook rules on
// the client, and the layer rules below, which are the reason this file exists.
import path from 'node:path'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { defineConfig } from 'eslint/config'

const ROOT = path.dirname(fileURLToPath(import.meta.url))

// ---------------------------------------------------------------------------------------------
// Layers. Each file under src/ belongs to one layer by its folder; `layers/imports` checks every
// import, export-from, import(), require() and import('…') type of a file in a layer against this
// table. Relative paths and the '@/core/*' alias are resolved to the file they name, so
// '../services/cards' from src/server/routes is the server's own services folder, not the client's
// src/services. console/ is a layer of its own; other folders outside src/ (tests, bench, config,
// types) have no layer and no limits.
// ---------------------------------------------------------------------------------------------
const CLIENT = ['app', 'pages', 'components', 'stores', 'services']

const LAYERS = {
  // Shared by the client and the server: only TypeScript, no platform. Not even an npm package,
  // so that it runs unchanged in the mini-program, the browser, Node and jest.
  core: { layers: ['core'], packages: [], why: 'src/core is pure TypeScript shared by client and server' },
  // Components draw what they are given: data comes through props from a page, which owns stores,
  // services and Taro's APIs (navigation, storage, toasts).
  components: {
    layers: ['components', 'core'],
    // dayjs only formats dates for display (components/format.ts): presentation, not I/O.
    packages: ['react', '@tarojs/components', 'dayjs'],
    why: 'components take data and callbacks as props; the page that uses them wires stores, services and @tarojs/taro',
  },
  // The client's own order, which already holds: services (I/O, platform) know nothing of the
  // stores above them, stores nothing of the UI. No client layer reaches into the server.
  services: { layers: ['services', 'core'], packages: 'any', why: 'src/services sit below the stores and the UI, and the server is not part of the client bundle' },
  stores: { layers: ['stores', 'services', 'core'], packages: 'any', why: 'stores sit below the UI, and the server is not part of the client bundle' },
  pages: { layers: ['pages', 'components', 'stores', 'services', 'core'], packages: 'any', why: 'the server is not part of the client bundle' },
  app: { layers: CLIENT.concat('core'), packages: 'any', why: 'the server is not part of the client bundle' },
  // The server shares src/core with the client and nothing else.
  server: { layers: ['server', 'core'], packages: 'any', why: 'the server shares only src/core with the client' },
  // The editors' console (console/, its own esbuild bundle): plain React, the shapes of src/core, and
  // nothing of the reader's client (Taro) or the server, so neither ends up in the other's bundle.
  console: {
    layers: ['console', 'core'],
    packages: ['react', 'react-dom'],
    why: 'the console is plain React sharing only src/core with the reader and the server',
  },
}

const posix = (file) => path.relative(ROOT, file).split(path.sep).join('/')

/**
 * The layer of a file, by its path from the repository root; null outside src/. Any other file or
 * folder of src/ (app.tsx, app.config.ts, a new folder) is the client's root, 'app', until this
 * table gives it a layer of its own.
 */
function layerOf(file) {
  const rel = posix(file)
  if (rel.startsWith('console/')) return 'console'
  if (!rel.startsWith('src/')) return null
  const m = /^src\/(core|server|components|pages|stores|services)\//.exec(rel)
  return m ? m[1] : 'app'
}

/** How a message names where an import leads: 'src/stores', 'src/app.tsx', 'tests/support'. */
const placeOf = (file) => posix(file).split('/').slice(0, 2).join('/') || '.'

const BUILTINS = new Set(builtinModules)
const ASSET = /\.(css|scss|less|png|jpe?g|gif|svg|webp|woff2?)$/

/** `{ file }` for a path inside the repository, or `{ pkg }` for a package (Node built-ins as 'node:x'). */
function target(spec, fromFile) {
  if (spec.startsWith('.') || spec.startsWith('/')) return { file: path.resolve(path.dirname(fromFile), spec) }
  if (spec.startsWith('@/core/') || spec === '@/core') return { file: path.join(ROOT, 'src/core', spec.slice('@/core'.length)) }
  if (spec.startsWith('node:')) return { pkg: 'node:' + spec.slice(5).split('/')[0] }
  const parts = spec.split('/')
  const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  return { pkg: BUILTINS.has(pkg) ? 'node:' + pkg : pkg }
}

const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], docs: { description: 'imports respect the layers in eslint.config.mjs' } },
      create(context) {
        const file = context.filename
        const layer = layerOf(file)
        if (!layer) return {}
        const rule = LAYERS[layer]
        const check = (node, spec) => {
          if (typeof spec !== 'string') return
          if (layer !== 'core' && ASSET.test(spec)) return
          const t = target(spec, file)
          if (t.file) {
            const to = layerOf(t.file)
            if (to === layer || rule.layers.includes(to)) return
            context.report({ node, message: `${placeOf(file)} may not import ${placeOf(t.file)} ('${spec}'): ${rule.why}.` })
          } else if (rule.packages !== 'any' && !rule.packages.includes(t.pkg)) {
            const allowed = rule.packages.length ? `only ${rule.packages.join(', ')}` : 'no package'
            context.report({ node, message: `${placeOf(file)} imports ${allowed}, not '${spec}': ${rule.why}.` })
          }
        }
        const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined)
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => check(node.source, literal(node.source)),
          TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node, literal(node.moduleReference.expression)),
          TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.source)),
          'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) => check(node, literal(node.arguments[0])),
        }
      },
    },
  },
}

// process.env is read in one place per side, so that every setting is named, typed and checked once.
const serverEnv = {
  object: 'process',
  property: 'env',
  message: 'the server reads the environment only in src/server/config.ts (loadConfig); take the value from Config or as a parameter.',
}
const clientEnv = {
  object: 'process',
  property: 'env',
  message: 'process.env.TARO_ENV is a build-time constant read only in src/services/platform.ts; use isWeapp from there.',
}

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']

export default defineConfig(
  {
    // Build output, installed packages, test output and caches; golden fixtures and samples are data.
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '.swc/**', 'tests/artifacts/**', 'tests/fixtures/**', 'samples/**', '**/*.min.js'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (config/index.ts: _merge).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    rules: {
      // Chinese text uses the ideographic space (U+3000) on purpose, in strings, templates, JSX and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true, skipComments: true }],
    },
  },

  // Where each file runs, for the JavaScript files (TypeScript files are checked by tsc, so
  // typescript-eslint turns no-undef off for them).
  { files: ['src/**'], ignores: ['src/server/**'], languageOptions: { globals: { ...globals.browser, API_BASE: 'readonly', NEW_ISSUE_TEMPLATE_ID: 'readonly' } } },
  { files: ['src/services/offline-worker.js'], languageOptions: { sourceType: 'script', globals: globals.serviceworker } },
  { files: ['src/server/**', 'bench/**', 'config/**', 'tests/**'], languageOptions: { globals: globals.node } },
  { files: ['tests/**'], languageOptions: { globals: globals.jest } },
  { files: ['**/*.js', '**/*.cjs'], ignores: ['src/**'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },

  // The layers (table above).
  { files: ['src/**', 'console/**'], plugins: { layers: layersPlugin }, rules: { 'layers/imports': 'error' } },
  { files: ['console/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['console/**'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'the console runs in a browser: it has no environment.' }],
    },
  },
  {
    // Pure code has no host objects either: tsconfig's lib has DOM and @types/node is global, so tsc would not notice.
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'Buffer',
          'global',
          'require',
          'module',
          '__dirname',
          '__filename',
          'window',
          'document',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'wx',
        ].map((name) => ({
          name,
          message: 'src/core is pure TypeScript shared by client and server; take what it needs as a parameter.',
        })),
      ],
    },
  },
  { files: ['src/server/**'], ignores: ['src/server/config.ts'], rules: { 'no-restricted-properties': ['error', serverEnv] } },
  // The server logs through pino (structured and levelled); the client may report a failure with console.warn or console.error.
  { files: ['src/server/**'], rules: { 'no-console': 'error' } },
  { files: ['src/**'], ignores: ['src/server/**'], rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] } },
  { files: ['src/**'], ignores: ['src/server/**', 'src/services/platform.ts'], rules: { 'no-restricted-properties': ['error', clientEnv] } },

  // The client draws with src/components/ui: on H5 its View, Text and Button are plain HTML elements;
  // Taro's own there are Web Components, whose rendering cost would quietly come back with them.
  {
    files: ['src/components/**', 'src/pages/**', 'src/app.tsx'],
    ignores: ['src/components/ui.tsx', 'src/components/ui.h5.tsx', 'src/components/ReaderSwiper*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/components',
              message: "draw with src/components/ui (on H5 its View, Text and Button are plain HTML elements; Taro's are Web Components, slow to draw on a cheap phone).",
            },
          ],
        },
      ],
    },
  },

  // React's rules of hooks on the client (the server's React is satori's card templates, without hooks).
  // Only the two classic rules: the v7 preset adds the React Compiler's checks, written for code the
  // compiler optimises (this build has no React Compiler), and they made the whole lint ~1.5 s slower.
  // exhaustive-deps is an error, not the preset's warning: a warning in `npm test` is read by no one;
  // where a dependency is left out on purpose, say why in an eslint-disable-next-line comment.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'console/**/*.ts', 'console/**/*.tsx'],
    ignores: ['src/server/**', 'src/core/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // Tests, benchmarks and build config: stubs and fakes often are `any` on purpose.
  {
    files: ['tests/**', 'bench/**', 'config/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
