/**
 * Console accounts as `npm run editors` manages them: add (name, role, password), list, change a
 * password, disable (which also ends the account's sessions). Names and passwords are checked
 * here; refusals are AccountError values with words for the terminal.
 */
import { EDITOR_ROLES, type EditorRole } from '../../core/console'
import type { Storage } from '../storage/storage'
import type { StoredEditor } from '../storage/console-types'
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords'

export class AccountError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AccountError'
  }
}

export interface EditorAccounts {
  add(name: string, role: string, password: string): Promise<StoredEditor>
  list(): Promise<StoredEditor[]>
  setPassword(name: string, password: string): Promise<void>
  /** false when it was disabled already. */
  disable(name: string): Promise<boolean>
}

const MAX_NAME = 64

function checkName(name: string): string {
  const trimmed = name.normalize('NFC').trim()
  if (trimmed === '' || trimmed.length > MAX_NAME) throw new AccountError(`a name must be 1 to ${MAX_NAME} characters`)
  if (/[\p{Cc}\s]/u.test(trimmed)) throw new AccountError(`a name may not hold spaces or control characters: "${trimmed}"`)
  return trimmed
}

function checkPassword(password: string): string {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) throw new AccountError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  if (password.length > 1024) throw new AccountError('the password must be at most 1024 characters')
  return password
}

export function createEditorAccounts(storage: Storage): EditorAccounts {
  const existing = async (name: string) => {
    const editor = await storage.editors.byName(checkName(name))
    if (!editor) throw new AccountError(`there is no account named "${name}"`)
    return editor
  }
  return {
    async add(name, role, password) {
      const checked = checkName(name)
      if (!(EDITOR_ROLES as readonly string[]).includes(role)) throw new AccountError(`the role must be ${EDITOR_ROLES.join(' or ')}, not "${role}"`)
      const created = await storage.editors.create(checked, role as EditorRole, await hashPassword(checkPassword(password)))
      if (!created) throw new AccountError(`an account named "${checked}" exists already`)
      return created
    },
    list: () => storage.editors.list(),
    async setPassword(name, password) {
      const editor = await existing(name)
      await storage.editors.setPassword(editor.name, await hashPassword(checkPassword(password)))
    },
    async disable(name) {
      const editor = await existing(name)
      await storage.editors.disable(editor.name)
      return !editor.disabled
    },
  }
}
