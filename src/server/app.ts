/**
 * The HTTP app (not listening) over the backend's services: framework wiring here (errors, OpenAPI,
 * compression, rate limits, member auth, the H5 client), resources in ./routes. Built only by the
 * composition root (server.ts).
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import compress from '@fastify/compress'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import type { WechatApi } from './wechat/api'
import type { Backend } from './server'
import type { CardService } from './services/cards/index'
import { ApiError, installErrorHandler, sendError } from './http/errors'
import { installMemberAuth } from './auth/member-auth'
import { createAdminGuard } from './auth/admin-auth'
import { createConsoleAuth, installConsoleAuth } from './auth/console-auth'
import { consoleRoutes } from './routes/console'
import { consoleSourceRoutes } from './routes/console-source'
import { consoleSessionRoutes } from './routes/console-session'
import { createPreviewReads } from './services/preview-reads'
import { issueRoutes } from './routes/issues'
import { searchRoutes } from './routes/search'
import { authRoutes } from './routes/auth'
import { favouriteRoutes } from './routes/favourites'
import { adminRoutes, MAX_UPLOAD_BYTES } from './routes/admin'
import { clientConfigRoutes, healthRoutes } from './routes/client-config'
import { cardRoutes } from './routes/cards'
import { mediaRoutes } from './routes/media'
import { notificationRoutes } from './routes/notifications'
import type { RouteDeps } from './routes/deps'
import { installStaticClient } from './http/static-client'
import { installConsoleClient } from './http/console-client'
import { installPageHtml } from './http/page-html'
import { refuseUnsafeNumbers } from './http/safe-numbers'
import { clientErrorHandler, frameworkErrors, MAX_URL_LENGTH } from './http/framework-errors'

export interface AppDeps {
  backend: Backend
  cards: CardService
  wechat: WechatApi
  sessionSecret: string
  logger?: FastifyServerOptions['logger'] | FastifyServerOptions['loggerInstance']
  /** Folder of the built H5 client, served at / when given and present. */
  staticDir: string | null
  /** Folder of the built editors' console (dist/console), served at /console; null → "not built" page. */
  consoleDir?: string | null
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops

function loggerOptions(logger: AppDeps['logger']): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (logger && typeof logger === 'object' && 'child' in logger && typeof logger.child === 'function') return { loggerInstance: logger as FastifyServerOptions['loggerInstance'] }
  return { logger: (logger as FastifyServerOptions['logger']) ?? false }
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { backend, wechat } = deps
  const { storage } = backend
  const { config } = backend.settings
  const app = Fastify({
    ...loggerOptions(deps.logger),
    bodyLimit: MAX_UPLOAD_BYTES,
    // A hop count trusts that many proxies nearest the server (what Fastify does for a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    frameworkErrors,
    clientErrorHandler,
    // On close, idle keep-alive sockets go at once; requests in flight may finish.
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance

  installErrorHandler(app)
  app.addHook('preHandler', refuseUnsafeNumbers)
  // Callback form, not async: no promise per request on the hot read paths.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.length > MAX_URL_LENGTH) return void sendError(reply, 414, 'uri-too-long', `The address is too long (the limit is ${MAX_URL_LENGTH} characters)`)
    done()
  })
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
  installMemberAuth(app, storage, deps.sessionSecret)
  const consoleAuth = createConsoleAuth(storage, config.console)
  installConsoleAuth(app, consoleAuth)
  const previews = createPreviewReads(storage, deps.sessionSecret)

  const routeDeps: RouteDeps = {
    storage,
    publishing: backend.publishing,
    editing: backend.editing,
    reads: backend.reads,
    search: backend.search,
    cards: deps.cards,
    wechat,
    adminToken: config.adminToken,
    adminGuard: createAdminGuard({ adminToken: config.adminToken, failuresPerMinute: config.rateLimits.authPerMinute }),
    sessionSecret: deps.sessionSecret,
    newIssueTemplateId: config.newIssueTemplateId,
    rateLimits: config.rateLimits,
    consoleAuth,
    consoleIssues: backend.consoleIssues,
    audit: backend.audit,
    previews,
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
      await api.register(cardRoutes, routeDeps)
      await api.register(mediaRoutes, routeDeps)
      await api.register(notificationRoutes, routeDeps)
      await api.register(consoleSessionRoutes, routeDeps)
      await api.register(consoleRoutes, routeDeps)
      await api.register(consoleSourceRoutes, routeDeps)
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
    },
    { prefix: '/api' },
  )

  installConsoleClient(app, deps.consoleDir ?? null)
  const servesClient = await installStaticClient(app, deps.staticDir)
  // The reader's pages answered with their own HTML, and "找不到这个页面" for any other address.
  const pages = servesClient && deps.staticDir ? installPageHtml(app, deps.staticDir, backend.reads, backend.settings.pages.publicOrigin, previews) : null
  app.setNotFoundHandler((request, reply) => {
    if (pages && request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api') return pages.sendNotFound(request, reply)
    return sendError(reply, 404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}`)
  })
  return app
}
