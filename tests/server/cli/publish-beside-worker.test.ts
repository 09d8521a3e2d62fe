/**
 * `import --publish` while another notification worker (the server's, here one started in the test
 * process) runs on the same database: whichever claims a delivery sends it, and every member with a credit
 * gets exactly one message. On SQLite (two processes, one file) and on a fresh PostgreSQL database.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createWechatClient } from '../../../src/server/wechat/client'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { createDbTokenCache } from '../../../src/server/notifications'
import { openStorage } from '../../../src/server/storage/open'
import { loadSettings } from '../../../src/server/config'
import { createBackend } from '../../../src/server/server'
import { SAMPLE_PATH } from '../../core/import/support'
import { describePostgres, TEST_DATABASE_URL } from '../../support/requirements'
import { adminQuery } from '../../support/postgres-admin'
import { cli, cliEnv, issueOf, subscribe, TEMPLATE, withStorage, type Place } from './support'

async function publishBesideWorker(place: Place, fake: FakeWechat, tag: string) {
  const openids = Array.from({ length: 60 }, (_, i) => `${tag}-member-${i}`)
  await subscribe(place, fake, openids)
  const before = fake.sentMessages.length
  // The "server's" worker: its own storage connection, rate-limited so the CLI's worker gets a share.
  const storage = await openStorage(place)
  const env = cliEnv(place, fake, { WECHAT_SEND_RATE: '30' })
  const settings = loadSettings(env)
  const server = createBackend({
    settings: { ...settings, notify: { ...settings.notify, pollMs: 50 } },
    storage,
    wechat: createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, tokenCache: createDbTokenCache(storage.notifications) }),
  })
  server.startWorker()
  try {
    const result = await cli(['--publish', SAMPLE_PATH], env)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/notifications done: 60 of 60 sent\n/)
  } finally {
    await server.close()
  }
  const sentTo = fake.sentMessages.slice(before).map((m) => m.touser)
  expect(sentTo.sort()).toEqual([...openids].sort())
  const { id, status } = await issueOf(place)
  expect(status).toBe('published')
  await withStorage(place, async (s) => {
    expect(await s.notifications.deliveryCounts(id)).toMatchObject({ total: 60, sent: 60 })
  })
}

describe('import --publish beside a running worker', () => {
  let fake: FakeWechat
  beforeAll(async () => {
    fake = await startFakeWechat({ templates: [TEMPLATE] })
  })
  afterAll(() => fake.close())

  it('on SQLite (two processes, one file): one message per credit, none twice', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ub-import-beside-'))
    try {
      await publishBesideWorker({ databaseUrl: null, dataDir }, fake, 'sqlite')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})

describePostgres('import --publish beside a running worker (PostgreSQL)', () => {
  const database = `ub_cli_${process.pid}_${Date.now()}`
  const databaseUrl = (() => {
    const url = new URL(TEST_DATABASE_URL)
    url.pathname = `/${database}`
    return url.toString()
  })()
  let fake: FakeWechat
  const admin = adminQuery
  beforeAll(async () => {
    fake = await startFakeWechat({ templates: [TEMPLATE] })
    await admin(`create database ${database}`)
  })
  afterAll(async () => {
    await fake.close()
    await admin(`drop database if exists ${database} with (force)`)
  })

  it('stores, publishes and fans out once per credit on PostgreSQL', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ub-import-beside-pg-'))
    try {
      await publishBesideWorker({ databaseUrl, dataDir }, fake, 'postgres')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
