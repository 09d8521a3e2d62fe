// Probes once per jest run for the optional services, so suites can decide synchronously whether to
// run (tests/support/requirements.ts). Env vars set here reach the test workers.
const { Client } = require('pg')
const { existsSync } = require('node:fs')
const { execFileSync } = require('node:child_process')
const path = require('node:path')

module.exports = async function globalSetup() {
  // The suites that start server processes run the compiled server (dist/server, as npm run server
  // does): built here once, and only when a source file changed since the last build.
  execFileSync(process.execPath, [path.join(__dirname, '../../config/build-server.js'), '--if-stale'], { stdio: 'inherit' })
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  let pg = false
  try {
    await client.connect()
    await client.query('select 1')
    pg = true
  } catch {
    pg = false
  } finally {
    await client.end().catch(() => undefined)
  }
  process.env.UB_TEST_PG = pg ? '1' : '0'
  process.env.UB_TEST_CHROMIUM = existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') ? '1' : '0'
}
