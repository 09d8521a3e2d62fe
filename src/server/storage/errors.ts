/**
 * Storage's own errors: a code and the facts, for whoever tells the user (the HTTP layer maps the
 * code to a status, the CLI words it for a terminal).
 */

export type StorageErrorCode = 'published-conflict' | 'not-found' | 'number-taken' | 'edit-conflict'

/** Which issue an error is about. */
export interface IssueFacts {
  id: number
  label: string
  year: number
  number: number
}

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    /** The issue concerned, when there is one. */
    readonly issue: IssueFacts | null = null,
    /** The plain domain sentence, e.g. "〔2020〕第二十期 (2020 no. 20) is already published". */
    readonly fact: string = message,
  ) {
    super(message)
    this.name = 'StorageError'
  }

  /** An import met a published issue with the same year and number. */
  static publishedConflict(issue: IssueFacts): StorageError {
    const fact = `${issue.label} (${issue.year} no. ${issue.number}) is already published`
    // The message keeps the API's hint for now: the HTTP answer and the CLI's rewording of it
    // (tests/server/api/admin.test.ts, tests/server/cli/publish.test.ts) still read it from here.
    return new StorageError('published-conflict', `${fact}; add ?replace=true to replace it`, issue, fact)
  }

  /** A change would give an issue the year and number another issue already has. */
  static numberTaken(issue: IssueFacts): StorageError {
    const fact = `期号 ${issue.label}（${issue.year} 年第 ${issue.number} 期）已被另一期使用 (another issue already has ${issue.year} no. ${issue.number})`
    return new StorageError('number-taken', fact, issue, fact)
  }

  /** The issue changed (an edit, a correction, a publish or an unpublish) since the change was read from it. */
  static editConflict(): StorageError {
    const fact = '这一期刚被别人改过或已签发，请刷新后再改 (the issue changed since you read it: reload and edit again)'
    return new StorageError('edit-conflict', fact, null, fact)
  }
}
