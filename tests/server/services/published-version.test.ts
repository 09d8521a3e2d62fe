/**
 * The published version this process trusts: after its own publish (invalidate), a read of the
 * version that began before the publish committed must not be taken as current.
 */
import { createPublishedVersion } from '../../../src/server/services/published-version'
import type { Storage } from '../../../src/server/storage/storage'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('the published version', () => {
  it('forgets a read that began before invalidate() and asks again', async () => {
    const answers = [deferred<number>(), deferred<number>()]
    let reads = 0
    const storage = { publishedVersion: () => answers[reads++].promise } as unknown as Storage
    const version = createPublishedVersion(storage, 60_000)
    const before = version.current() // begun before the publish committed
    version.invalidate() // the publish committed
    const after = version.current()
    answers[0].resolve(1) // the old version arrives late
    answers[1].resolve(2)
    expect(await before).toBe(1)
    expect(await after).toBe(2)
    expect(await version.current()).toBe(2)
    expect(reads).toBe(2)
  })
})
