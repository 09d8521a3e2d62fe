/** One statement on the test database over its own short-lived connection (create/drop schema or database). */
import pg from 'pg'
import { TEST_DATABASE_URL } from './requirements'

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
