/**
 * Stand-in for `src/server/main.ts` while that entry point does not exist: the same createApp with
 * real SQLite storage in DATA_DIR, the local fake WeChat, seeded from samples/, serving dist/h5.
 * startServer() uses main.ts as soon as it exists.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { createApp } from '../../../src/server/app'
import { importText } from '../../../src/core/import'
import { openStorage } from '../../../src/server/storage/open'
import { startFakeWechat } from '../../../src/server/wechat/fake-server'
import { createWechatClient } from '../../../src/server/wechat/client'

async function main() {
  const root = path.resolve(__dirname, '../../..')
  const storage = await openStorage({ databaseUrl: null, dataDir: process.env.DATA_DIR! })
  const fake = await startFakeWechat()
  const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
  for (const file of readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.md'))) {
    const result = importText(readFileSync(path.join(root, 'samples', file), 'utf8'))
    if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`)
    const { issue } = await storage.saveDraft(result.issue)
    await storage.publishIssue(issue.id)
  }
  const staticDir = path.join(root, 'dist/h5')
  const app = await createApp({
    config: {
      adminToken: null, sessionSecret: randomBytes(32).toString('hex'), newIssueTemplateId: process.env.WECHAT_TEMPLATE_NEW_ISSUE ?? null,
      rateLimits: { searchPerMinute: 100000, authPerMinute: 100000 }, publishedRecheckMs: 0,
      staticDir: existsSync(staticDir) ? staticDir : null,
    },
    storage,
    wechat,
  })
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
  const stop = async () => {
    await app.close()
    await storage.close()
    await fake.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
