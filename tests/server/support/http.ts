/**
 * HTTP requests to a listening app on 127.0.0.1, with an inject-like answer. (Fastify's inject loads
 * light-my-request, whose ESM-only `cookie` dependency jest cannot require, so tests use a real port.)
 * node:http rather than fetch, so compressed bodies arrive as sent.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'

export interface HttpAnswer {
  statusCode: number
  headers: http.IncomingHttpHeaders
  rawPayload: Buffer
  body: string
  json(): any
}

export interface HttpRequest {
  method?: string
  url: string
  headers?: Record<string, string>
  payload?: string | Buffer | object
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address() as AddressInfo
  return `http://127.0.0.1:${address.port}`
}

export function request(base: string, { method = 'GET', url, headers = {}, payload }: HttpRequest): Promise<HttpAnswer> {
  let body: Buffer | undefined
  const allHeaders: Record<string, string> = { ...headers }
  if (payload !== undefined) {
    if (typeof payload === 'string') body = Buffer.from(payload, 'utf8')
    else if (Buffer.isBuffer(payload)) body = payload
    else {
      body = Buffer.from(JSON.stringify(payload), 'utf8')
      allHeaders['content-type'] ??= 'application/json'
    }
    allHeaders['content-length'] = String(body.length)
  }
  return new Promise((resolve, reject) => {
    const req = http.request(base + url, { method, headers: allHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const rawPayload = Buffer.concat(chunks)
        const text = rawPayload.toString('utf8')
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, body: text, json: () => JSON.parse(text) })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
