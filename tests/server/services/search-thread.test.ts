/**
 * The search index's own thread: what it answers is what the index answers, a version it no longer
 * holds is answered as stale (never with another version's results), and building the index of an
 * archive leaves the server's event loop free. The control builds the same index on the event loop
 * (in steps, as the server used to): its loop is busy nearly all the while.
 */
import { performance } from 'node:perf_hooks'
import { createSearchIndex, createSearchIndexAsync, issueToSearchDocuments, type SearchDocument } from '../../../src/core/search'
import { openSearchIndexThread, type SearchIndexThread } from '../../../src/server/services/search-index-thread'
import { storedArchive } from '../../core/search/stored-archive'

/** How busy the event loop was (0 idle … 1 never idle) while `work` ran. */
/** How busy the event loop was during `work`: the share of the time, and the milliseconds. */
async function loopBusyDuring(work: () => Promise<unknown>): Promise<{ utilization: number; active: number }> {
  const before = performance.eventLoopUtilization()
  await work()
  const { utilization, active } = performance.eventLoopUtilization(before)
  return { utilization, active }
}

describe('the search thread', () => {
  let thread: SearchIndexThread
  let documents: SearchDocument[]
  beforeAll(() => {
    documents = storedArchive(300, 11).flatMap(issueToSearchDocuments)
    thread = openSearchIndexThread()
  })
  afterAll(() => thread.close())

  it('answers as the index does, page for page', async () => {
    await thread.ensure(1, async () => documents)
    const index = createSearchIndex(documents)
    for (const q of ['工会', '职工 服务', '毕节', '不存在的词语组合']) {
      for (const [offset, limit] of [
        [0, 20],
        [20, 7],
      ]) {
        const expected = index.search({ q, offset, limit })
        const answer = await thread.search(1, { q, offset, limit })
        expect(answer).toEqual({ total: expected.total, count: expected.hits.length, hitsJson: JSON.stringify(expected.hits) })
      }
    }
  })

  it('answers a version it does not hold as stale, and reads the documents only once per version', async () => {
    let reads = 0
    const read = async () => {
      reads++
      return documents.slice(0, 500)
    }
    await Promise.all([thread.ensure(2, read), thread.ensure(2, read)])
    await thread.ensure(2, read)
    expect(reads).toBe(1)
    expect(await thread.search(1, { q: '工会', offset: 0, limit: 5 })).toBeNull()
    expect((await thread.search(2, { q: '工会', offset: 0, limit: 5 }))!.total).toBe(createSearchIndex(documents.slice(0, 500)).search({ q: '工会', offset: 0, limit: 5 }).total)
  })

  it('a newer version asked for while an older one is read wins, even when the older read ends last', async () => {
    let finishOlder!: () => void
    const olderRead = new Promise<void>((resolve) => (finishOlder = resolve))
    const older = thread.ensure(3, async () => {
      await olderRead
      return documents.slice(0, 100)
    })
    const newer = thread.ensure(4, async () => documents)
    await newer
    finishOlder()
    await older
    // Asked for again, the older version is not indexed (nor read) again: the newer one stays.
    let readAgain = false
    await thread.ensure(3, async () => {
      readAgain = true
      return documents.slice(0, 100)
    })
    expect(readAgain).toBe(false)
    expect(await thread.search(3, { q: '工会', offset: 0, limit: 5 })).toBeNull()
    expect((await thread.search(4, { q: '工会', offset: 0, limit: 5 }))!.total).toBe(createSearchIndex(documents).search({ q: '工会', offset: 0, limit: 5 }).total)
  })

  it('leaves the event loop free while it indexes an archive (the control, on the loop, keeps it busy)', async () => {
    const inThread = await loopBusyDuring(() => thread.ensure(5, async () => documents))
    const onLoop = await loopBusyDuring(() => createSearchIndexAsync(documents))
    expect(onLoop.utilization).toBeGreaterThan(0.6)
    // In milliseconds of the loop's own work (posting the documents), not as a share of the time: a
    // machine busy with other tests stretches the thread's build, and with it the time, not this work.
    expect(inThread.active).toBeLessThan(onLoop.active / 2)
  }, 60_000)

  it('closed, fails in words what it was asked and what it is asked after', async () => {
    const closing = openSearchIndexThread()
    await closing.ensure(1, async () => documents.slice(0, 50))
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: Error) => error.message,
      )
    const building = failure(closing.ensure(2, async () => documents))
    const asked = failure(closing.search(1, { q: '工会', offset: 0, limit: 5 }))
    await closing.close()
    expect(await asked).toBe('the search thread is closed')
    expect(await building).toBe('the search thread is closed')
    await expect(closing.search(1, { q: '工会', offset: 0, limit: 5 })).rejects.toThrow('the search thread is closed')
  })
})
