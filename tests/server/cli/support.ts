/**
 * Shared by the import CLI suites: run the CLI as a real process, and reach the database it wrote
 * (a SQLite file in DATA_DIR, or a PostgreSQL database at DATABASE_URL) from the test.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { openStorage } from '../../../src/server/storage/open'
import type { Storage } from '../../../src/server/storage/storage'
import type { FakeWechat } from '../../../src/server/wechat/fake-server'

export const ROOT = path.join(__dirname, '../../..')
export const TEMPLATE = 'TPL_CLI_NEW_ISSUE'
/** The label of samples/gonghui-xinxi-2020-20.md. */
export const LABEL = '〔2020〕第二十期'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

export function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/server/cli/import.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

/** Where the CLI stores: what DATABASE_URL and DATA_DIR say. */
export interface Place {
  databaseUrl: string | null
  dataDir: string
}

/** The environment the CLI gets: that place, and WeChat at the fake with the test template. */
export function cliEnv(place: Place, fake: FakeWechat, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: place.dataDir,
    DATABASE_URL: place.databaseUrl ?? '',
    WECHAT_API_BASE: fake.baseUrl,
    WECHAT_APPID: fake.appid,
    WECHAT_SECRET: fake.secret,
    WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE,
    WECHAT_SEND_RATE: '0',
    ...extra,
  }
}

export async function withStorage<T>(place: Place, use: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(place)
  try {
    return await use(storage)
  } finally {
    await storage.close()
  }
}

/** Members who tapped "accept" once: a credit with us and one on the fake's side. */
export function subscribe(place: Place, fake: FakeWechat, openids: string[]): Promise<number[]> {
  return withStorage(place, async (storage) => {
    const ids: number[] = []
    for (const openid of openids) {
      const member = await storage.memberByOpenid(openid)
      await storage.notifications.recordSubscribeResult(member.id, TEMPLATE, 'accept')
      fake.grantSubscription(openid, TEMPLATE)
      ids.push(member.id)
    }
    return ids
  })
}

export function issueOf(place: Place, label = LABEL): Promise<{ id: number; status: string }> {
  return withStorage(place, async (storage) => {
    const issue = (await storage.listAll()).find((i) => i.label === label)
    if (!issue) throw new Error(`${label} not stored`)
    return { id: issue.id, status: issue.status }
  })
}
