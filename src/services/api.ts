/**
 * The backend's HTTP API as typed calls (issue 4 and issue 6). Only shapes from src/core/api.ts.
 */
import type {
  ArticleDetail,
  ClientConfig,
  FavouriteEntry,
  FavouriteList,
  IssueDetail,
  IssueList,
  SearchFilters,
  SearchResults,
  SessionResponse,
  SubscribeResult,
  SubscriptionStatus,
} from '../core/api'
import type { HttpClient } from './http'

export interface SearchQuery {
  q: string
  limit?: number
  cursor?: string | null
  year?: number | null
  section?: string | null
}

/** `previewToken`: the console's preview (./preview.ts), carried by the issue and article reads so they show the draft. */
export function createApi(http: HttpClient, previewToken: () => string | null = () => null) {
  return {
    listIssues: (cursor?: string | null, limit = 10, options: { fresh?: boolean } = {}) =>
      http.request<IssueList>('GET', `/api/issues${query({ limit, cursor })}`, undefined, options),
    getIssue: (id: number) => http.request<IssueDetail>('GET', `/api/issues/${id}${query({ preview: previewToken() })}`),
    getArticle: (id: number) => http.request<ArticleDetail>('GET', `/api/articles/${id}${query({ preview: previewToken() })}`),
    searchFilters: () => http.request<SearchFilters>('GET', '/api/search/filters'),
    search: (q: SearchQuery) => http.request<SearchResults>('GET', `/api/search${query({ q: q.q, limit: q.limit ?? 20, cursor: q.cursor, year: q.year, section: q.section })}`),
    getConfig: () => http.request<ClientConfig>('GET', '/api/config'),
    loginWechat: (code: string) => http.request<SessionResponse>('POST', '/api/auth/wechat', { code }),
    loginDevice: (deviceId: string) => http.request<SessionResponse>('POST', '/api/auth/device', { deviceId }),
    listFavourites: () => http.request<FavouriteList>('GET', '/api/me/favourites'),
    addFavourite: (articleId: number) => http.request<unknown>('PUT', `/api/me/favourites/${articleId}`),
    removeFavourite: (articleId: number) => http.request<unknown>('DELETE', `/api/me/favourites/${articleId}`),
    recordSubscription: (templateId: string, result: SubscribeResult) => http.request<SubscriptionStatus>('POST', '/api/me/subscriptions', { templateId, result }),
    getSubscriptions: () => http.request<SubscriptionStatus>('GET', '/api/me/subscriptions'),
  }
}

export type Api = ReturnType<typeof createApi>

export function favouriteItems(list: FavouriteList): FavouriteEntry[] {
  return list.items
}

export function query(params: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Card images from issue 6, used as share imageUrl and for the poster. */
/** A picture of an article at one of the widths the server resizes to (src/server/services/media.ts). */
export const pictureUrl =
  (base: string, previewToken: () => string | null = () => null) =>
  (mediaId: string, width: number) =>
    `${base}/api/media/${mediaId}${query({ w: width, preview: previewToken() })}`

export const cardUrls = (base: string) => ({
  article: (id: number) => `${base}/api/cards/articles/${id}.png`,
  issue: (id: number) => `${base}/api/cards/issues/${id}.png`,
  poster: (id: number) => `${base}/api/cards/articles/${id}/poster.png`,
  /** The mini-program code that opens home: H5 shows it for subscribing in WeChat. */
  homeCode: () => `${base}/api/cards/home-code.png`,
})
