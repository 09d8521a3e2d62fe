/** DATABASE_URL (postgres://…) → PostgreSQL; otherwise the SQLite file DATA_DIR/bulletin.db. Migrated. */
import path from 'node:path'
import type { Storage } from './storage'
import { openSqliteStorage } from './sqlite'
import { openPostgresStorage } from './postgres'

export async function openStorage(config: { databaseUrl: string | null; dataDir: string }): Promise<Storage> {
  const storage = config.databaseUrl ? openPostgresStorage({ connectionString: config.databaseUrl }) : openSqliteStorage(path.join(config.dataDir, 'bulletin.db'))
  try {
    await storage.migrate()
  } catch (error) {
    await storage.close().catch(() => undefined)
    throw error
  }
  return storage
}
