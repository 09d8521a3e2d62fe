/**
 * What the importer learnt to read, kept: an article's blocks (sub-headings, lists, tables,
 * pictures) and its source's role word on the item row; the pictures of a .docx in a table of their
 * own, content-addressed (id = sha256 hex of the bytes, so a picture two issues share is stored
 * once), with `issue_media` saying which issue uses which. The bytes live in the database so
 * that every server on it serves the same pictures. Existing rows get NULL blocks and role: they read
 * as before (paragraphs only). The numbers, total number and special flag travel in the
 * header JSON, which needs no column.
 */
import { sql, type Kysely, type Migration } from 'kysely'
import type { Dialect } from '../storage'

export function blocksAndMedia(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Article: JSON array of blocks when it holds more than plain paragraphs; otherwise NULL.
      await db.schema.alterTable('items').addColumn('blocks', 'text').execute()
      await db.schema.alterTable('items').addColumn('source_role', 'text').execute()

      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (c) => c.primaryKey().check(sql`length(id) = 64`))
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute()

      // No cascade from media: a picture some issue still uses cannot be deleted (the delete fails).
      await db.schema
        .createTable('issue_media')
        .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('media_id', 'text', (c) => c.notNull().references('media.id'))
        .addPrimaryKeyConstraint('issue_media_pk', ['issue_id', 'media_id'])
        .execute()
      await db.schema.createIndex('issue_media_media').on('issue_media').columns(['media_id', 'issue_id']).execute()
    },
  }
}
