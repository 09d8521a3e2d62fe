/**
 * The stores and API client against the real backend (spawned on a free port, seeded from samples/),
 * then the same device storage with the network gone.
 */
import { createMemoryStore } from '../../../src/services/storage'
import { createSessionStore } from '../../../src/stores/session-store'
import { makeClient, OFFLINE } from '../support/client'
import { startServer, type RunningServer } from '../support/server'

let server: RunningServer
beforeAll(async () => {
  server = await startServer()
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

describe('issue list, issue and article stores', () => {
  it('loads the seeded issue, then reads it again with no network, marked as from the device', async () => {
    const store = createMemoryStore()
    const online = makeClient(server.base, store)
    await online.issueList.getState().refresh()
    const list = online.issueList.getState()
    expect(list.status).toBe('ready')
    expect(list.fromCache).toBe(false)
    const newest = list.items.find((i) => i.label === '〔2020〕第二十期')
    expect(newest).toBeDefined()
    expect(newest!.contents.flatMap((s) => s.articles.map((a) => a.title))).toContain('增城区总工会网络直播心系职工传递关怀')

    await online.issues.getState().load(newest!.id)
    const issue = online.issues.getState().entries[newest!.id]
    expect(issue).toMatchObject({ status: 'ready', fromCache: false })
    const names = issue.data!.sections.map((s) => s.name).join(' ')
    expect(names).toContain('要情动态')
    expect(names).toContain('信息短波')
    const articleId = issue.data!.sections[1].items.find((i) => i.kind === 'article')!.id

    // Same phone, network gone: home and the issue still show, and an article of the opened issue
    // reads even though it was never opened on its own.
    const offline = makeClient(OFFLINE, store)
    await offline.issueList.getState().refresh()
    expect(offline.issueList.getState()).toMatchObject({ status: 'ready', fromCache: true })
    expect(offline.issueList.getState().items.map((i) => i.id)).toContain(newest!.id)
    await offline.issues.getState().load(newest!.id)
    expect(offline.issues.getState().entries[newest!.id]).toMatchObject({ status: 'ready', fromCache: true })
    await offline.articles.getState().load(articleId)
    const article = offline.articles.getState().entries[articleId]
    expect(article).toMatchObject({ status: 'ready', fromCache: true })
    expect(article.data!.article.paragraphs.join('').length).toBeGreaterThan(50)
  })

  it('shows an error with words, not a blank, when nothing is cached and there is no network', async () => {
    const offline = makeClient(OFFLINE)
    await offline.issues.getState().load(1)
    expect(offline.issues.getState().entries[1]).toMatchObject({ status: 'error', data: null })
    expect(offline.issues.getState().entries[1].error).toContain('网络')
    await offline.issueList.getState().refresh()
    expect(offline.issueList.getState().status).toBe('error')
  })

  it('fetches an article with its place in the issue, as the server says', async () => {
    const client = makeClient(server.base)
    await client.issueList.getState().refresh()
    const id = client.issueList.getState().items[0].contents[0].articles[1].id
    await client.articles.getState().load(id)
    const detail = client.articles.getState().entries[id].data!
    expect(detail.article.id).toBe(id)
    expect(detail.previousId).not.toBeNull()
    expect(detail.nextId).not.toBeNull()
    expect(detail.article.title).toContain('毕节')
  })

  it('reports a missing article as not found', async () => {
    const client = makeClient(server.base)
    await client.articles.getState().load(987654)
    expect(client.articles.getState().entries[987654]).toMatchObject({ status: 'error' })
    expect(client.articles.getState().entries[987654].error).toContain('没有找到')
  })
})

describe('search store', () => {
  it('finds 毕节 with highlight ranges on the matched words, and remembers recent searches', async () => {
    const client = makeClient(server.base)
    await client.search.getState().search('毕节')
    const s = client.search.getState()
    expect(s.status).toBe('ready')
    expect(s.hits.length).toBeGreaterThan(0)
    for (const hit of s.hits) {
      const marked = [...hit.titleRanges.map(([a, b]) => hit.title.slice(a, b)), ...hit.snippetRanges.map(([a, b]) => hit.snippet.slice(a, b))]
      expect(marked).toContain('毕节')
    }
    client.search.getState().remember('毕节')
    client.search.getState().remember('就业')
    client.search.getState().remember('毕节')
    expect(client.search.getState().recent).toEqual(['毕节', '就业'])
  })

  it('filters by year: a year with no issues finds nothing', async () => {
    const client = makeClient(server.base)
    await client.search.getState().search('毕节')
    expect(client.search.getState().total).toBeGreaterThan(0)
    await client.search.getState().setFilters({ year: 1999 })
    expect(client.search.getState()).toMatchObject({ status: 'ready', total: 0 })
  })

  it('filters by section', async () => {
    const client = makeClient(server.base)
    await client.search.getState().search('毕节')
    await client.search.getState().setFilters({ section: '要情动态' })
    expect(client.search.getState().total).toBeGreaterThan(0)
    expect(client.search.getState().hits.every((h) => h.section === '要情动态')).toBe(true)
    await client.search.getState().setFilters({ section: '工作交流' })
    expect(client.search.getState()).toMatchObject({ status: 'ready', total: 0, hits: [] })
  })

  it('shows only the newest query when answers arrive out of order', async () => {
    const client = makeClient(server.base)
    const first = client.search.getState().search('工会')
    const second = client.search.getState().search('粤菜师傅')
    await Promise.all([first, second])
    expect(client.search.getState().query).toBe('粤菜师傅')
    expect(client.search.getState().hits.every((h) => (h.title + h.snippet).includes('粤菜师傅'))).toBe(true)
  })
})

describe('session and favourites', () => {
  it('signs in with the device login once and keeps the session', async () => {
    const client = makeClient(server.base)
    const token = await client.session.getState().ensureSignedIn()
    expect(token).toBeTruthy()
    expect(await client.session.getState().ensureSignedIn()).toBe(token)
    expect(client.store.get('session')).toContain(token!)
  })

  it('signs in again shortly before the session expires, once for parallel callers', async () => {
    const store = createMemoryStore()
    const { api } = makeClient(server.base, store)
    let now = Date.now()
    let logins = 0
    const counted = {
      ...api,
      loginDevice: (id: string) => {
        logins++
        return api.loginDevice(id)
      },
    }
    const session = createSessionStore({ api: counted, store, obtainCredential: async () => ({ kind: 'device', deviceId: 'expiry-device-000001' }), now: () => now })
    const [a, b] = await Promise.all([session.getState().ensureSignedIn(), session.getState().ensureSignedIn()])
    expect(a).toBeTruthy()
    expect([b, logins]).toEqual([a, 1])
    now = Date.parse(session.getState().expiresAt!) - 30_000 // within the minute's margin
    expect(await session.getState().ensureSignedIn()).toBeTruthy()
    expect(logins).toBe(2)
  })

  it('stays signed out (null, no throw) when the backend refuses the login', async () => {
    const { api } = makeClient(server.base)
    const session = createSessionStore({ api, store: createMemoryStore(), obtainCredential: async () => ({ kind: 'device', deviceId: 'short' }) })
    expect(await session.getState().ensureSignedIn()).toBeNull()
    expect(session.getState()).toMatchObject({ signingIn: false, token: null })
  })

  it('keeps favourites locally, syncs them to the backend, and reads them offline', async () => {
    const store = createMemoryStore()
    const client = makeClient(server.base, store, 'favourites-device-0001')
    await client.issueList.getState().refresh()
    const ids = client.issueList.getState().items[0].contents.flatMap((s) => s.articles.map((a) => a.id))
    await client.articles.getState().load(ids[0])
    await client.articles.getState().load(ids[1])
    client.favourites.getState().add(client.articles.getState().entries[ids[0]].data!)
    client.favourites.getState().add(client.articles.getState().entries[ids[1]].data!)
    client.favourites.getState().remove(ids[1])
    await client.favourites.getState().sync()
    expect(client.favourites.getState().syncError).toBe(false)
    const remote = await client.api.listFavourites()
    expect(remote.items.map((f) => f.articleId)).toEqual([ids[0]])

    // A second phone of the same member (same device id → same member) gets it from the server.
    const other = makeClient(server.base, createMemoryStore(), 'favourites-device-0001')
    await other.favourites.getState().sync()
    expect(other.favourites.getState().entries.map((e) => e.articleId)).toEqual([ids[0]])

    // No network: the favourite article itself still reads.
    const offline = makeClient(OFFLINE, store)
    await offline.articles.getState().load(ids[0])
    expect(offline.articles.getState().entries[ids[0]]).toMatchObject({ status: 'ready', fromCache: true })
    expect(offline.favourites.getState().entries.map((e) => e.articleId)).toEqual([ids[0]])
  })
})
