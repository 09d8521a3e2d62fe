/**
 * Share cards: the article card and issue card (5:4, for chat bubbles) and the article poster (tall,
 * with the mini-program code). Each card is identified by a hash of what it shows, which is both its
 * ETag and its cache key, so a repeat request is answered without rendering (or, with a matching
 * If-None-Match, without sending the image at all).
 */
import { createHash } from 'node:crypto'
import type { ArticleInIssue, StoredIssue } from '../../../core/bulletin'
import type { WechatApi } from '../../wechat/api'
import { ARTICLE_CARD_SIZE, articleCard } from './article-card'
import { createCardFonts } from './fonts'
import { ISSUE_CARD_SIZE, issueCard } from './issue-card'
import { createByteLru } from './lru'
import { articleCardModel, issueCardModel, posterModel } from './models'
import { POSTER_CODE_PAGE, POSTER_SIZE, poster, posterScene } from './poster'
import { createCardRenderer } from './render'

// Home reads an article id from its scene (a poster's code may open it there); this one holds none.
const HOME_CODE_PAGE = 'pages/index/index'
const HOME_CODE_SCENE = 'home'

/** Bump when a layout changes, so cached cards and ETags from the old layout are not reused. */
const LAYOUT_VERSION = 1

export interface CardServiceOptions {
  wechat: WechatApi
  /** A .ttf/.otf/.woff file; default: Noto Sans SC from @fontsource/noto-sans-sc. */
  fontPath?: string
  /** Bound of the rendered-PNG cache (default 32 MB). */
  cacheBytes?: number
  /** Which build of the mini-program a poster's code opens (a trial build's posters open the trial). */
  envVersion?: 'release' | 'trial' | 'develop'
}

/** A card ready to serve: its ETag is known before (and without) rendering it. */
export interface PreparedCard {
  etag: string
  png(): Promise<Uint8Array>
}

/**
 * `shared: false` for a draft's card (a console preview): drawn on each request, never read from nor
 * kept in the cache of published cards, whose keys are a hash of what the card shows.
 */
export interface CardOptions {
  shared?: boolean
}

export interface CardService {
  articleCard(detail: ArticleInIssue, opts?: CardOptions): PreparedCard
  issueCard(issue: StoredIssue, opts?: CardOptions): PreparedCard
  poster(detail: ArticleInIssue, opts?: CardOptions): PreparedCard
  /** The mini-program code that opens home, for H5 readers to scan (H5 has no subscribe messages). */
  homeCode(): PreparedCard
  /** Cache statistics, for the benchmark and tests. */
  stats(): { renders: number; cached: number; cachedBytes: number }
}

export function createCardService(o: CardServiceOptions): CardService {
  const fonts = createCardFonts(o.fontPath)
  const render = createCardRenderer(fonts)
  const cache = createByteLru(o.cacheBytes ?? 32 * 1024 * 1024)
  const inflight = new Map<string, Promise<Uint8Array>>()
  let renders = 0

  function prepare(kind: string, model: unknown, draw: () => Promise<Uint8Array>, shared = true): PreparedCard {
    const key = createHash('sha256')
      .update(JSON.stringify({ v: LAYOUT_VERSION, font: fonts.source, kind, model }))
      .digest('base64url')
    return {
      etag: `"${key.slice(0, 27)}"`,
      png() {
        if (!shared) {
          return draw().then((png) => {
            renders++
            return png
          })
        }
        const hit = cache.get(key) ?? inflight.get(key)
        if (hit) return Promise.resolve(hit)
        // One render per card however many requests arrive while it is being drawn.
        const rendering = draw().then(
          (png) => {
            renders++
            cache.set(key, png)
            inflight.delete(key)
            return png
          },
          (err) => {
            inflight.delete(key)
            throw err
          },
        )
        inflight.set(key, rendering)
        return rendering
      },
    }
  }

  return {
    articleCard(detail, opts) {
      const model = articleCardModel(detail)
      return prepare('article', model, () => render(articleCard(model), ARTICLE_CARD_SIZE), opts?.shared)
    },
    issueCard(issue, opts) {
      const model = issueCardModel(issue)
      return prepare('issue', model, () => render(issueCard(model), ISSUE_CARD_SIZE), opts?.shared)
    },
    poster(detail, opts) {
      const model = posterModel(detail)
      const envVersion = o.envVersion ?? 'release'
      // The build the code opens is part of what the poster shows: another build, another poster.
      return prepare(
        `poster:${envVersion}`,
        model,
        async () => {
          const code = await o.wechat.getUnlimitedWxaCode({ scene: posterScene(model.articleId), page: POSTER_CODE_PAGE, width: 280, envVersion })
          const dataUri = `data:image/png;base64,${Buffer.from(code).toString('base64')}`
          return render(poster(model, dataUri), POSTER_SIZE)
        },
        opts?.shared,
      )
    },
    homeCode() {
      const envVersion = o.envVersion ?? 'release'
      return prepare(`home-code:${envVersion}`, HOME_CODE_PAGE, async () => o.wechat.getUnlimitedWxaCode({ scene: HOME_CODE_SCENE, page: HOME_CODE_PAGE, width: 280, envVersion }))
    },
    stats: () => ({ renders, cached: cache.size, cachedBytes: cache.bytes }),
  }
}
