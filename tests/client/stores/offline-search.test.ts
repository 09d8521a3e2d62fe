/**
 * Search with no network: the search store falls back to what is on the phone, searched with the
 * server's own normaliser (src/core/search), and says the results are from the phone. Also the
 * no-network marks the issue, article and list stores give their pages. A phone without network is a
 * base URL where nothing listens (real fetch, real refusal).
 */
import type { IssueDetail } from '../../../src/core/api'
import type { StoredIssue } from '../../../src/core/bulletin'
import { createApi } from '../../../src/services/api'
import { createContentCache } from '../../../src/services/content-cache'
import { createHttpClient } from '../../../src/services/http'
import { createMemoryStore, utf8Bytes } from '../../../src/services/storage'
import { articleFromIssue } from '../../../src/stores/article-from-issue'
import { articleKey, createArticleStore, createIssueStore, issueKey } from '../../../src/stores/content-stores'
import { createDeviceSearch } from '../../../src/stores/device-search'
import { createIssueListStore } from '../../../src/stores/issue-list-store'
import { createSearchStore } from '../../../src/stores/search-store'
import { importIssue, readSample } from '../../core/import/support'
import { fetchTransport } from '../support/fetch-transport'
import { OFFLINE } from '../support/client'

function sampleIssue(id: number, year: number): IssueDetail {
  const issue = importIssue(readSample())
  let next = id * 100
  const stored: StoredIssue = {
    ...issue,
    id,
    year,
    date: `${year}-07-13`,
    label: `〔${year}〕第二十期`,
    status: 'published',
    publishedAt: `${year}-07-13T00:00:00.000Z`,
    importedAt: `${year}-07-13T00:00:00.000Z`,
    sections: issue.sections.map((s) => ({ name: s.name, items: s.items.map((item) => ({ ...item, id: next++ })) })),
  }
  return stored
}

const offlineApi = () => createApi(createHttpClient({ baseUrl: OFFLINE, transport: fetchTransport, retries: 0 }))

/** A server that answers every search with 503: not a missing network, so no fallback. */
const busyApi = () =>
  createApi(createHttpClient({ baseUrl: 'http://server.test', transport: async () => ({ statusCode: 503, data: { error: { code: 'busy', message: 'busy' } } }), retries: 0 }))

function phoneWith(...contents: Array<[string, unknown]>) {
  const store = createMemoryStore()
  let clock = 0
  const cache = createContentCache({ store, now: () => ++clock })
  for (const [key, value] of contents) cache.put(key, value)
  return { store, cache }
}

describe('search on the phone (no network)', () => {
  const saved = sampleIssue(1, 2020)

  it('finds what the server would, folded alike: traditional characters and full-width spaces find the simplified text', () => {
    const { cache } = phoneWith([issueKey(1), saved])
    const search = createDeviceSearch(cache)
    const plain = search({ q: '毕节' })
    expect(plain.total).toBeGreaterThan(0)
    expect(plain.searched).toBe(1)
    expect(plain.hits.every((h) => h.issueId === 1)).toBe(true)
    expect(plain.hits[0].titleRanges.length + plain.hits[0].snippetRanges.length).toBeGreaterThan(0)
    expect(search({ q: '畢節' }).hits).toEqual(plain.hits)
    expect(search({ q: '毕　节' }).total).toBe(plain.total)
    expect(search({ q: '没有这个词语哦' }).total).toBe(0)
  })

  it('looks through saved issues and articles opened on their own, once each, with the year filter', () => {
    const other = sampleIssue(2, 2021)
    const lone = articleFromIssue(other, other.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.id)!
    const { cache } = phoneWith([issueKey(1), saved], [articleKey(lone.article.id), lone], [articleKey(201), articleFromIssue(saved, 101) ?? lone])
    const search = createDeviceSearch(cache)
    const word = lone.article.title.slice(0, 4)
    const found = search({ q: word })
    expect(found.searched).toBe(2)
    expect(found.hits.map((h) => h.issueId).sort()).toEqual([1, 2])
    expect(new Set(found.hits.map((h) => `${h.kind}-${h.itemId}`)).size).toBe(found.hits.length)
    expect(search({ q: word, year: 2021 }).hits.map((h) => h.itemId)).toEqual([lone.article.id])
  })

  it('reads the phone without reordering what the cache would evict next', () => {
    const store = createMemoryStore()
    let clock = 0
    const cache = createContentCache({ store, budgetBytes: utf8Bytes(JSON.stringify(saved)) * 2 + 1000, now: () => ++clock })
    cache.put(issueKey(1), saved)
    cache.put(issueKey(2), sampleIssue(2, 2021))
    expect(cache.keys()).toEqual([issueKey(1), issueKey(2)]) // both fit the budget
    createDeviceSearch(cache)({ q: '毕节' })
    cache.put(issueKey(3), sampleIssue(3, 2022))
    expect(cache.has(issueKey(1))).toBe(false) // still the least recently used, though just searched
    expect(cache.has(issueKey(2))).toBe(true)
  })

  it('the search store falls back to the phone when the request finds no network, and says so', async () => {
    const { cache, store } = phoneWith([issueKey(1), saved])
    const search = createSearchStore(offlineApi(), store, { device: createDeviceSearch(cache), knownOffline: () => false })
    await search.getState().search('毕节')
    expect(search.getState()).toMatchObject({ status: 'ready', source: 'device', searchedOnDevice: 1, nextCursor: null, error: null })
    expect(search.getState().hits.length).toBeGreaterThan(0)
  })

  it('does not wait for the network when the device says it is offline', async () => {
    const { cache, store } = phoneWith([issueKey(1), saved])
    const asked: string[] = []
    const api = { search: async (q: { q: string }) => (asked.push(q.q), { items: [], nextCursor: null, total: 0 }), searchFilters: async () => ({ years: [], sections: [] }) }
    const search = createSearchStore(api, store, { device: createDeviceSearch(cache), knownOffline: () => true })
    await search.getState().search('毕节')
    expect(asked).toEqual([])
    expect(search.getState()).toMatchObject({ status: 'ready', source: 'device' })
  })

  it('with nothing on the phone, says that nothing was searched rather than that nothing matched', async () => {
    const { cache, store } = phoneWith()
    const search = createSearchStore(offlineApi(), store, { device: createDeviceSearch(cache), knownOffline: () => false })
    await search.getState().search('毕节')
    expect(search.getState()).toMatchObject({ status: 'ready', source: 'device', searchedOnDevice: 0, total: 0 })
  })

  it('a server that answers with an error is an error, not a reason to search the phone', async () => {
    const { cache, store } = phoneWith([issueKey(1), saved])
    const search = createSearchStore(busyApi(), store, { device: createDeviceSearch(cache), knownOffline: () => false })
    await search.getState().search('毕节')
    expect(search.getState()).toMatchObject({ status: 'error', source: 'server' })
  })

  it('a new search online after an offline one is the server’s again', async () => {
    const { cache, store } = phoneWith([issueKey(1), saved])
    let offline = true
    const api = { search: async () => ({ items: [], nextCursor: null, total: 0 }), searchFilters: async () => ({ years: [], sections: [] }) }
    const search = createSearchStore(api, store, { device: createDeviceSearch(cache), knownOffline: () => offline })
    await search.getState().search('毕节')
    expect(search.getState().source).toBe('device')
    offline = false
    await search.getState().search('毕节')
    expect(search.getState()).toMatchObject({ source: 'server', total: 0 })
  })
})

describe('pages not on the phone, with no network', () => {
  it('an issue or article never opened nor saved is an error marked as no network', async () => {
    const { cache } = phoneWith()
    const issues = createIssueStore(offlineApi(), cache)
    const articles = createArticleStore(offlineApi(), cache)
    await issues.getState().load(5)
    await articles.getState().load(6)
    expect(issues.getState().entries[5]).toMatchObject({ status: 'error', offline: true })
    expect(articles.getState().entries[6]).toMatchObject({ status: 'error', offline: true })
  })

  it('a server error (not the network) is not marked as no network', async () => {
    const { cache } = phoneWith()
    const issues = createIssueStore(busyApi(), cache)
    await issues.getState().load(5)
    expect(issues.getState().entries[5]).toMatchObject({ status: 'error', offline: false })
  })

  it('home’s list says it found no network, with or without a list kept on the phone', async () => {
    const empty = createIssueListStore(offlineApi(), phoneWith().cache)
    await empty.getState().refresh()
    expect(empty.getState()).toMatchObject({ status: 'error', offline: true })

    const kept = createIssueListStore(offlineApi(), phoneWith(['issues:first', { items: [], nextCursor: null }]).cache)
    await kept.getState().refresh()
    expect(kept.getState()).toMatchObject({ offline: true, fromCache: true })

    const busy = createIssueListStore(busyApi(), phoneWith().cache)
    await busy.getState().refresh()
    expect(busy.getState()).toMatchObject({ status: 'error', offline: false })
  })
})
