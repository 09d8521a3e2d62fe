/** Storage's own errors. */

export type StorageErrorCode = 'published-conflict' | 'not-found'

/** A domain error from storage; the app's error handler maps the code to an HTTP status. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}
