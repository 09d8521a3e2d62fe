/**
 * `npm run build:console`: the editors' console (console/) bundled by esbuild into dist/console —
 * index.html, one script and one stylesheet, named by content hash so a browser may keep them. The
 * server serves the folder at /console; the app routes by the URL's hash, so /console/ is its only page.
 */
import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'dist/console')
/** Where the server mounts the folder: asset paths must be absolute, as /console and /console/ both open the app. */
const BASE = '/console/'

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { app: 'console/src/main.tsx' },
    outdir: path.join(OUT, 'assets'),
    entryNames: '[name].[hash]',
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'esm',
    // Chrome, Edge and 360 on Windows: all Chromium of the last few years.
    target: ['chrome100', 'edge100'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { '@/core': './src/core' },
    metafile: true,
    logLevel: 'warning',
  })
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file))
  const script = outputs.find((f) => f.endsWith('.js'))
  const style = outputs.find((f) => f.endsWith('.css'))
  if (!script || !style) throw new Error(`esbuild wrote ${outputs.join(', ')}: expected one .js and one .css`)
  const html = readFileSync(path.join(ROOT, 'console/index.html'), 'utf8')
    .replace('<!-- style -->', `<link rel="stylesheet" href="${BASE}assets/${style}" />`)
    .replace('<!-- script -->', `<script type="module" src="${BASE}assets/${script}"></script>`)
  writeFileSync(path.join(OUT, 'index.html'), html)
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
  console.log(`dist/console: index.html, assets/${script}, assets/${style} (${Math.round(bytes / 1024)} KB)`)
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
