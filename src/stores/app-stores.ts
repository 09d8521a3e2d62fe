/**
 * The app's composition root: builds the API client and every store once, with the platform's
 * storage and request. Pages get them through the hooks in ./hooks.ts; tests build their own with
 * the factories instead.
 */
import { createApi, pictureUrl } from '../services/api'
import { previewToken } from '../services/preview'
import { createContentCache } from '../services/content-cache'
import { createHttpClient } from '../services/http'
import { createTaroStore } from '../services/storage'
import { createPictureKeeper, httpTransport, isWeapp, onNeedPrivacyAuthorization, taroStorage, watchNetwork, wechatLoginCode } from '../services/platform'
import { createArticleStore, createIssueStore } from './content-stores'
import { createFavouritesStore } from './favourites-store'
import { createIssueListStore } from './issue-list-store'
import { createReadingStore } from './reading-store'
import { createSearchStore } from './search-store'
import { createSessionStore, deviceIdFrom, type Credential } from './session-store'
import { createSettingsStore } from './settings-store'
import { createConfigStore } from './config-store'
import { createSpeechEngine } from '../services/speech'
import { createPlayerStore, systemClock } from './player-store'
import { createPrivacyStore } from './privacy-store'
import { createSavedIssuesStore } from './saved-issues-store'
import { createDeviceSearch } from './device-search'

function build() {
  const store = createTaroStore(taroStorage)
  const cache = createContentCache({ store })
  let token: string | null = null
  // A revoked session (401) signs in again and the request is repeated once (session is built below).
  const http = createHttpClient({ baseUrl: API_BASE, transport: httpTransport, getToken: () => token, renewToken: (rejected) => session.getState().renew(rejected) })
  const api = createApi(http, previewToken)

  const obtainCredential = async (): Promise<Credential> => {
    if (isWeapp) return { kind: 'wechat', code: await wechatLoginCode() }
    return { kind: 'device', deviceId: deviceIdFrom(store) }
  }
  const knownOffline = watchNetwork()
  const session = createSessionStore({ api, store, obtainCredential })
  token = session.getState().token
  session.subscribe((s) => {
    token = s.token
  })

  const speech = createSpeechEngine()
  const settings = createSettingsStore(store)
  // 听全文's speed and sleep timer are reading settings: kept per device with the others.
  const player = createPlayerStore(speech, systemClock, {
    load: () => ({ rate: settings.getState().listenRate, sleep: settings.getState().listenSleep }),
    save: (prefs) => settings.getState().setListen(prefs),
  })
  return {
    api,
    speech,
    player,
    cache,
    session,
    issueList: createIssueListStore(api, cache, 10, knownOffline),
    issues: createIssueStore(api, cache, knownOffline),
    articles: createArticleStore(api, cache, knownOffline),
    favourites: createFavouritesStore({ api, cache, store, signIn: () => session.getState().ensureSignedIn() }),
    search: createSearchStore(api, store, { device: createDeviceSearch(cache), knownOffline }),
    // The reader and 保存本期 build picture addresses alike, so what is kept is what is shown.
    savedIssues: createSavedIssuesStore({ cache, store, pictures: createPictureKeeper(store), pictureAddress: pictureUrl(API_BASE, previewToken) }),
    settings,
    reading: createReadingStore(store),
    config: createConfigStore(api, NEW_ISSUE_TEMPLATE_ID),
    privacy: createPrivacyStore(onNeedPrivacyAuthorization),
  }
}

export type AppStores = ReturnType<typeof build>

let stores: AppStores | null = null

/** Built on first use, after Taro's runtime is ready. */
export function appStores(): AppStores {
  if (!stores) stores = build()
  return stores
}
