/**
 * `npm run import -- --publish FILE` as a real process on a real SQLite file, sending to the fake
 * WeChat server started here: members who accepted the template get exactly one message each, and
 * stderr shows the fan-out until it is done.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Storage } from '../../../src/server/storage/storage'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { SAMPLE_PATH } from '../../core/import/support'
import { cli, cliEnv, LABEL, ROOT, TEMPLATE, withStorage as withPlace, subscribe as subscribeAt, issueOf, type Place } from './support'

const sqlite = (dataDir: string): Place => ({ databaseUrl: null, dataDir })
const withStorage = <T>(dataDir: string, use: (storage: Storage) => Promise<T>) => withPlace(sqlite(dataDir), use)
const subscribe = (dataDir: string, fake: FakeWechat, openids: string[]) => subscribeAt(sqlite(dataDir), fake, openids)
const issueIdOf = (dataDir: string) => issueOf(sqlite(dataDir))

describe('npm run import -- --publish', () => {
  let dir: string
  let fake: FakeWechat
  let sequence = 0
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-import-publish-'))
    fake = await startFakeWechat({ templates: [TEMPLATE] })
  })
  afterAll(async () => {
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const freshEnv = (extra: Record<string, string> = {}) => {
    const dataDir = path.join(dir, `data-${++sequence}`)
    return { dataDir, env: cliEnv(sqlite(dataDir), fake, extra) }
  }

  it('stores and publishes, sends one message per credit and shows the fan-out reaching 100%', async () => {
    const { dataDir, env } = freshEnv()
    const openids = Array.from({ length: 7 }, (_, i) => `cli-member-${sequence}-${i}`)
    const memberIds = await subscribe(dataDir, fake, openids)
    // A member without a credit gets nothing.
    await withStorage(dataDir, (storage) => storage.memberByOpenid(`cli-unsubscribed-${sequence}`))
    const before = fake.sentMessages.length

    const result = await cli(['--publish', SAMPLE_PATH], env)

    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/gonghui-xinxi-2020-20\.md: stored and published 〔2020〕第二十期 as #\d+\n/)
    expect(result.stderr).toContain(`${LABEL}: [${'█'.repeat(30)}] 100% 7/7 sent\n`)
    expect(result.stderr).toContain(`${LABEL}: notifications done: 7 of 7 sent\n`)
    const { id, status } = await issueIdOf(dataDir)
    expect(status).toBe('published')
    const sent = fake.sentMessages.slice(before)
    expect(sent.map((m) => m.touser).sort()).toEqual([...openids].sort())
    expect(sent.every((m) => m.template_id === TEMPLATE && m.page?.includes(String(id)))).toBe(true)
    await withStorage(dataDir, async (storage) => {
      expect(await storage.notifications.deliveryCounts(id)).toMatchObject({ total: 7, sent: 7, queued: 0, sending: 0 })
      for (const memberId of memberIds) expect(await storage.notifications.creditsOf(memberId, TEMPLATE)).toBe(0)
    })
  })

  it('with no template configured it says there is nothing to send, in one line, and sends nothing', async () => {
    const { dataDir, env } = freshEnv({ WECHAT_TEMPLATE_NEW_ISSUE: '' })
    await subscribe(dataDir, fake, [`cli-no-template-${sequence}`])
    const before = fake.sentCount
    const result = await cli(['--publish', SAMPLE_PATH], env)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`${LABEL}: WECHAT_TEMPLATE_NEW_ISSUE is not set, no notifications to send\n`)
    expect(result.stderr).not.toMatch(/█|░/)
    expect((await issueIdOf(dataDir)).status).toBe('published')
    expect(fake.sentCount).toBe(before)
  })

  it('with a template but no subscriber it says so and finishes', async () => {
    const { dataDir, env } = freshEnv()
    const result = await cli(['--publish', SAMPLE_PATH], env)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`${LABEL}: no member holds a subscription credit, nothing to send\n`)
    expect((await issueIdOf(dataDir)).status).toBe('published')
  })

  it('without WeChat credentials it sends nothing itself and leaves the deliveries queued for the server', async () => {
    const { dataDir, env } = freshEnv({ WECHAT_APPID: '', WECHAT_SECRET: '' })
    await subscribe(dataDir, fake, [`cli-no-credentials-${sequence}-a`, `cli-no-credentials-${sequence}-b`])
    const before = fake.sentCount
    const result = await cli(['--publish', SAMPLE_PATH], env)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`${LABEL}: 2 notification(s) queued; WECHAT_APPID/WECHAT_SECRET are not set, so this command cannot send them: the server's worker will`)
    const { id } = await issueIdOf(dataDir)
    await withStorage(dataDir, async (storage) => {
      expect(await storage.notifications.deliveryCounts(id)).toMatchObject({ total: 2, queued: 2, failed: 0 })
    })
    expect(fake.sentCount).toBe(before)
  })

  it('refuses to store over a published issue (exit 2, naming the file) unless --replace', async () => {
    const { dataDir, env } = freshEnv({ WECHAT_TEMPLATE_NEW_ISSUE: '' })
    expect((await cli(['--publish', SAMPLE_PATH], env)).code).toBe(0)
    const { id } = await issueIdOf(dataDir)

    const refused = await cli([SAMPLE_PATH], env)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^\S*samples\/gonghui-xinxi-2020-20\.md: error \[published-conflict\]: 〔2020〕第二十期 .*already published; run again with --replace/m)
    expect(refused.stderr).not.toMatch(/^\s+at |node:internal/m)
    const refusedPublish = await cli(['--publish', SAMPLE_PATH], env)
    expect(refusedPublish.code).toBe(2)

    const replaced = await cli(['--replace', SAMPLE_PATH], env)
    expect(replaced.code).toBe(0)
    expect(replaced.stderr).toMatch(/replaced published issue 〔2020〕第二十期 #\d+ \(still published/)
    expect(await issueIdOf(dataDir)).toEqual({ id, status: 'published' })
  })

  it('--replace over a published issue does not announce it again', async () => {
    const { dataDir, env } = freshEnv()
    await subscribe(dataDir, fake, [`cli-replace-${sequence}`])
    expect((await cli(['--publish', SAMPLE_PATH], env)).code).toBe(0)
    await subscribe(dataDir, fake, [`cli-replace-late-${sequence}`])
    const before = fake.sentCount
    const again = await cli(['--publish', '--replace', SAMPLE_PATH], env)
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/replaced published issue .*subscribers are not notified again/)
    expect(fake.sentCount).toBe(before)
  })

  it('Ctrl-C stops watching cleanly: what is unsent stays queued, and it says so', async () => {
    const { dataDir, env } = freshEnv({ WECHAT_SEND_RATE: '4' })
    const openids = Array.from({ length: 40 }, (_, i) => `cli-interrupt-${sequence}-${i}`)
    await subscribe(dataDir, fake, openids)
    const before = fake.sentCount
    // One node process (no npx/tsx wrapper in between), so the signal reaches the CLI itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/import.ts', '--publish', SAMPLE_PATH], { cwd: ROOT, env })
    let stderr = ''
    child.stdout.resume()
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress line; stderr so far: ${stderr}`)), 30_000)
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8')
        // Past 12 sent at 4/s the watch has polled well over 10 times (the listener-leak check below).
        const progress = [...stderr.matchAll(/ (\d+)\/40 sent · \d+ to go\n/g)].map((m) => Number(m[1]))
        if (progress.some((n) => n >= 12)) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    child.kill('SIGINT')
    const code = await exited

    expect(code).toBe(130)
    expect(stderr).not.toMatch(/MaxListenersExceededWarning|Error:|^\s+at /m)
    const stopped = stderr.match(/stopped watching: (\d+) of 40 sent; (\d+) still queued, the server's notification worker/)
    expect(stopped).not.toBeNull()
    const [sent, left] = [Number(stopped![1]), Number(stopped![2])]
    expect(sent + left).toBe(40)
    expect(left).toBeGreaterThan(0)
    const { id, status } = await issueIdOf(dataDir)
    expect(status).toBe('published')
    await withStorage(dataDir, async (storage) => {
      expect(await storage.notifications.deliveryCounts(id)).toMatchObject({ total: 40, sent, queued: left, sending: 0 })
    })
    expect(fake.sentCount - before).toBe(sent)
  }, 60_000)
})
