/**
 * `npm run backup` takes a consistent copy of a live SQLite database while another process writes;
 * `npm run restore` puts it back on a stopped server; every issue read back from the restored
 * database is byte for byte the one that was stored. PostgreSQL deployments are told to use pg_dump.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStorage } from '../../../src/server/storage/open'
import type { Storage } from '../../../src/server/storage/storage'
import { restore, type BackupIo } from '../../../src/server/cli/backup'
import { makeIssue } from '../support/archive'

const ROOT = path.join(__dirname, '../../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

function runBackup(env: Record<string, string>, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['src/server/cli/backup.ts', 'backup', file], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

const quietIo = (env: Record<string, string>): BackupIo & { out: string[] } => {
  const out: string[] = []
  return { env, out, stdout: (t) => out.push(t), stderr: (t) => out.push(t) }
}

describe('backup and restore of the SQLite database', () => {
  let dir: string
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'ub-backup-'))))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('copies a database that is being written to, and restores it readable byte for byte', async () => {
    const live = path.join(dir, 'live')
    const storage: Storage = await openStorage({ databaseUrl: null, dataDir: live })
    for (let n = 1; n <= 5; n++) await storage.saveDraft(makeIssue(2001, n))
    const file = path.join(dir, 'copies', 'bulletin-backup.db')
    let writes = 0
    let done = false
    const backupRun = runBackup({ DATA_DIR: live }, file).finally(() => (done = true))
    // Keep writing while the backup process runs.
    const writer = (async () => {
      while (!done) {
        await storage.saveDraft(makeIssue(2002, 1 + (writes % 900)))
        writes++
        await new Promise((r) => setImmediate(r))
      }
    })()
    const result = await backupRun
    await writer
    expect(result).toMatchObject({ code: 0 })
    expect(writes).toBeGreaterThan(0)

    const restoredDir = path.join(dir, 'restored')
    const io = quietIo({ DATA_DIR: restoredDir })
    expect(restore(file, io)).toBe(0)
    expect(readFileSync(path.join(restoredDir, 'bulletin.db')).equals(readFileSync(file))).toBe(true)
    const restored = await openStorage({ databaseUrl: null, dataDir: restoredDir })
    try {
      const listed = await restored.listAll()
      expect(listed.length).toBeGreaterThanOrEqual(5)
      for (const { id } of listed) {
        const copy = await restored.getIssue(id, { includeDrafts: true })
        const original = await storage.getIssue(id, { includeDrafts: true })
        // Issues of 2001 were never written again; the others may have been replaced after the copy.
        if (copy!.year === 2001) expect(JSON.stringify(copy)).toBe(JSON.stringify(original))
        else expect(copy!.label).toBe(original!.label)
      }
    } finally {
      await restored.close()
      await storage.close()
    }
  }, 60_000)

  it('refuses to restore over a running server, a file that is not a bulletin database, or on PostgreSQL', async () => {
    const running = path.join(dir, 'running')
    const storage = await openStorage({ databaseUrl: null, dataDir: running })
    await storage.saveDraft(makeIssue(2003, 1))
    const junk = path.join(dir, 'junk.db')
    writeFileSync(junk, 'not a database')
    try {
      const io = quietIo({ DATA_DIR: running })
      expect(restore(path.join(running, 'bulletin.db'), io)).toBe(1)
      expect(io.out.join('')).toMatch(/stop the server first/)
      expect(restore(junk, io)).toBe(1)
      expect(io.out.join('')).toMatch(/cannot be read as a database|not a Union Bulletin database/)
      const pg = quietIo({ DATABASE_URL: 'postgres://x@127.0.0.1/none' })
      expect(restore(junk, pg)).toBe(1)
      expect(pg.out.join('')).toMatch(/pg_restore/)
    } finally {
      await storage.close()
    }
  })
})
