/**
 * Builds the Fastify app (not listening) from its dependencies, so tests build the real thing on a
 * temp SQLite file or a fresh PostgreSQL schema. Framework wiring here; resources in ./routes.
 */
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import compress from '@fastify/compress'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import type { Storage, InTransaction } from './storage/storage'
import type { WechatApi } from './wechat/api'
import type { ImportResult } from '../core/import'
import type { StoredIssue } from '../core/bulletin'
import { importDocument as realImportDocument } from './import/document'
import { ApiError, installErrorHandler, sendError } from './http/errors'
import { installMemberAuth } from './auth/member-auth'
import { createPublishedVersion } from './services/published-version'
import { createPublicReads } from './services/public-reads'
import { createSearchService } from './services/search'
import { issueRoutes } from './routes/issues'
import { searchRoutes } from './routes/search'
import { authRoutes } from './routes/auth'
import { favouriteRoutes } from './routes/favourites'
import { adminRoutes, MAX_UPLOAD_BYTES } from './routes/admin'
import { clientConfigRoutes, healthRoutes } from './routes/client-config'
import type { RouteDeps } from './routes/deps'
import { installStaticClient } from './http/static-client'

export interface AppConfig {
  adminToken: string | null
  sessionSecret: string
  newIssueTemplateId: string | null
  rateLimits: { searchPerMinute: number; authPerMinute: number }
  publishedRecheckMs: number
  /** Take client addresses from X-Forwarded-For (only behind a proxy you run; default false). */
  trustProxy?: boolean
  /** Queries whose ranked results each process remembers per published version (default 100; 0 = off). */
  searchResultCache?: number
  /** Folder of the built H5 client, served at / when given and present. */
  staticDir?: string | null
}

export interface AppDeps {
  config: AppConfig
  storage: Storage
  wechat: WechatApi
  logger?: FastifyServerOptions['logger'] | FastifyServerOptions['loggerInstance']
  /** Registered under /api after the core routes (cards, notifications). */
  routePlugins?: Array<FastifyPluginAsync>
  /** Run inside the publish / unpublish (and delete-of-published) transactions. */
  hooks?: { onPublish?: InTransaction; onUnpublish?: InTransaction; onPublished?: (issue: StoredIssue) => void }
  /** The importer; tests may pass another document reader, the server uses the real one. */
  importDocument?: (bytes: Uint8Array, fileName: string) => Promise<ImportResult>
}

function loggerOptions(logger: AppDeps['logger']): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (logger && typeof logger === 'object' && 'child' in logger && typeof logger.child === 'function') return { loggerInstance: logger as FastifyServerOptions['loggerInstance'] }
  return { logger: (logger as FastifyServerOptions['logger']) ?? false }
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, storage, wechat } = deps
  const app = Fastify({
    ...loggerOptions(deps.logger),
    bodyLimit: MAX_UPLOAD_BYTES,
    trustProxy: config.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }) as unknown as FastifyInstance

  installErrorHandler(app)
  await app.register(swagger, {
    openapi: {
      info: { title: 'Union Bulletin API', version: '1.0.0', description: '工会信息: issues, articles, search, members, favourites, editors' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(compress, { threshold: 1024 })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new ApiError(429, 'rate-limited', `Too many requests: try again in ${context.after}`),
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    // Article text is data, never markup: no browser may sniff a JSON answer into HTML.
    reply.header('x-content-type-options', 'nosniff')
    done(null, payload)
  })
  installMemberAuth(app, storage, config.sessionSecret)

  const version = createPublishedVersion(storage, config.publishedRecheckMs)
  const routeDeps: RouteDeps = {
    storage,
    wechat,
    reads: createPublicReads(storage, version),
    search: createSearchService(storage, version, { resultCacheSize: config.searchResultCache }),
    importDocument: deps.importDocument ?? realImportDocument,
    afterPublishedChange: () => version.invalidate(),
    hooks: deps.hooks ?? {},
    adminToken: config.adminToken,
    sessionSecret: config.sessionSecret,
    newIssueTemplateId: config.newIssueTemplateId,
    rateLimits: config.rateLimits,
  }

  await app.register(healthRoutes, routeDeps)
  await app.register(
    async (api) => {
      await api.register(issueRoutes, routeDeps)
      await api.register(searchRoutes, routeDeps)
      await api.register(authRoutes, routeDeps)
      await api.register(favouriteRoutes, routeDeps)
      await api.register(clientConfigRoutes, routeDeps)
      await api.register(adminRoutes, routeDeps)
      for (const plugin of deps.routePlugins ?? []) await api.register(plugin)
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
    },
    { prefix: '/api' },
  )

  const servesClient = await installStaticClient(app, config.staticDir ?? null)
  app.setNotFoundHandler((request, reply) => {
    if (servesClient && request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api') return reply.sendFile('index.html')
    return sendError(reply, 404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}`)
  })
  return app
}
