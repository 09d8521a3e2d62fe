/**
 * The public-read cache's bounds: the least recently used answer goes first (not the oldest
 * stored), a miss (null: no such issue) is never kept, and concurrent misses share one load.
 */
import { createVersionedCache } from '../../../src/server/services/public-reads'

function counted() {
  const loads = new Map<string, number>()
  const load = (key: string, body: string | null) => () => {
    loads.set(key, (loads.get(key) ?? 0) + 1)
    return Promise.resolve(body)
  }
  return { loads, load }
}

const fixedVersion = { current: () => Promise.resolve(1), invalidate: () => undefined }

describe('the versioned public-read cache', () => {
  it('evicts the least recently used answer, not the first stored', async () => {
    const cached = createVersionedCache(fixedVersion, { maxEntries: 2 })
    const { loads, load } = counted()
    await cached('a', load('a', '"a"'))
    await cached('b', load('b', '"b"'))
    await cached('a', load('a', '"a"')) // a is now the most recently used
    await cached('c', load('c', '"c"')) // evicts b
    await cached('a', load('a', '"a"'))
    await cached('b', load('b', '"b"'))
    expect(Object.fromEntries(loads)).toEqual({ a: 1, b: 2, c: 1 })
  })

  it('does not keep misses, so unknown ids cannot push answers out', async () => {
    const cached = createVersionedCache(fixedVersion, { maxEntries: 2 })
    const { loads, load } = counted()
    await cached('issue:1', load('issue:1', '{"id":1}'))
    await cached('issue:2', load('issue:2', '{"id":2}'))
    for (let id = 100; id < 110; id++) expect(await cached(`issue:${id}`, load(`issue:${id}`, null))).toBeNull()
    expect(await cached('issue:100', load('issue:100', null))).toBeNull()
    expect((await cached('issue:1', load('issue:1', '{"id":1}')))!.bytes.toString()).toBe('{"id":1}')
    await cached('issue:2', load('issue:2', '{"id":2}'))
    expect(loads.get('issue:1')).toBe(1)
    expect(loads.get('issue:2')).toBe(1)
    expect(loads.get('issue:100')).toBe(2)
  })

  it('shares one load between concurrent misses', async () => {
    const cached = createVersionedCache(fixedVersion)
    const { loads, load } = counted()
    const answers = await Promise.all([1, 2, 3].map(() => cached('list:20', load('list:20', '[]'))))
    expect(new Set(answers).size).toBe(1)
    expect(loads.get('list:20')).toBe(1)
  })
})
