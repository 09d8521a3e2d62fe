/** The client's stores wired as in src/stores/app-stores.ts, but over fetch and a Map, for Node. */
import { createApi } from '../../../src/services/api'
import { createContentCache } from '../../../src/services/content-cache'
import { createHttpClient } from '../../../src/services/http'
import { createMemoryStore, type KeyValueStore } from '../../../src/services/storage'
import { createArticleStore, createIssueStore } from '../../../src/stores/content-stores'
import { createFavouritesStore } from '../../../src/stores/favourites-store'
import { createIssueListStore } from '../../../src/stores/issue-list-store'
import { createSearchStore } from '../../../src/stores/search-store'
import { createSessionStore } from '../../../src/stores/session-store'
import { fetchTransport } from './fetch-transport'

export function makeClient(base: string, store: KeyValueStore = createMemoryStore(), deviceId = 'test-device-' + Math.random().toString(36).slice(2)) {
  let token: string | null = null
  const http = createHttpClient({ baseUrl: base, transport: fetchTransport, getToken: () => token, timeoutMs: 3000, retries: 1, backoffMs: 10 })
  const api = createApi(http)
  const cache = createContentCache({ store })
  const session = createSessionStore({ api, store, obtainCredential: async () => ({ kind: 'device', deviceId }) })
  token = session.getState().token
  session.subscribe((s) => {
    token = s.token
  })
  return {
    store,
    api,
    cache,
    session,
    issueList: createIssueListStore(api, cache),
    issues: createIssueStore(api, cache),
    articles: createArticleStore(api, cache),
    favourites: createFavouritesStore({ api, cache, store, signIn: () => session.getState().ensureSignedIn() }),
    search: createSearchStore(api, store),
  }
}

/** A base URL where nothing listens: the phone without network. */
export const OFFLINE = 'http://127.0.0.1:9'
