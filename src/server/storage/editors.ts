/** Console accounts and their sessions (migration 005). */
import type { Kysely, Selectable } from 'kysely'
import type { ConsoleSessionsTable, Database, EditorsTable } from './schema'
import type { EditorStore, StoredEditor } from './console-types'
import { isoOf, now as clock } from './rows'

function editorFromRow(row: Selectable<EditorsTable>): StoredEditor {
  return { id: row.id, name: row.name, role: row.role, passwordHash: row.password_hash, disabled: Number(row.disabled) === 1, createdAt: isoOf(row.created_at) }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

type SessionRow = Pick<Selectable<ConsoleSessionsTable>, 'csrf_token' | 'expires_at'>

export function createEditorStore(db: Kysely<Database>): EditorStore {
  const byName = async (name: string) => {
    const row = await db.selectFrom('editors').selectAll().where('name', '=', name).executeTakeFirst()
    return row ? editorFromRow(row) : null
  }
  return {
    async create(name, role, passwordHash) {
      const at = clock()
      try {
        await db.insertInto('editors').values({ name, role, password_hash: passwordHash, disabled: 0, created_at: at, updated_at: at }).execute()
      } catch (error) {
        if (isUniqueViolation(error)) return null
        throw error
      }
      return byName(name)
    },
    byName,
    async list() {
      const rows = await db.selectFrom('editors').selectAll().orderBy('name').execute()
      return rows.map(editorFromRow)
    },
    // A new password ends every session signed in with the old one (it may have leaked).
    setPassword: (name, passwordHash) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('editors').select('id').where('name', '=', name).executeTakeFirst()
        if (!row) return false
        await trx.updateTable('editors').set({ password_hash: passwordHash, updated_at: clock() }).where('id', '=', row.id).execute()
        await trx.deleteFrom('console_sessions').where('editor_id', '=', row.id).execute()
        return true
      }),
    disable: (name) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('editors').select('id').where('name', '=', name).executeTakeFirst()
        if (!row) return false
        await trx.updateTable('editors').set({ disabled: 1, updated_at: clock() }).where('id', '=', row.id).execute()
        await trx.deleteFrom('console_sessions').where('editor_id', '=', row.id).execute()
        return true
      }),
    async createSession(session, at = clock()) {
      await db
        .insertInto('console_sessions')
        .values({ token_hash: session.tokenHash, editor_id: session.editorId, csrf_token: session.csrfToken, created_at: at, expires_at: session.expiresAt })
        .execute()
    },
    async liveSession(tokenHash, at = clock()) {
      const row = await db
        .selectFrom('console_sessions')
        .innerJoin('editors', 'editors.id', 'console_sessions.editor_id')
        .selectAll('editors')
        .select(['console_sessions.csrf_token', 'console_sessions.expires_at'])
        .where('console_sessions.token_hash', '=', tokenHash)
        .where('console_sessions.expires_at', '>', at)
        .where('editors.disabled', '=', 0)
        .executeTakeFirst()
      if (!row) return null
      const session: SessionRow = row
      return { editor: editorFromRow(row), csrfToken: session.csrf_token, expiresAt: Number(session.expires_at) }
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).execute()
    },
    async deleteExpiredSessions(at = clock()) {
      const result = await db.deleteFrom('console_sessions').where('expires_at', '<=', at).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
