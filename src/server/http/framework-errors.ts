/**
 * Refusals that happen before (or outside) a route — a URL that does not decode, a route parameter
 * past its length, a request line or headers too large, a malformed request — answered in the API's
 * one error shape `{ error: { code, message } }`, like every other error (Fastify's defaults send a
 * shape of their own).
 */
import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { sendError } from './errors'

/** Longest URL the API accepts (a search query is at most 200 characters, percent-encoded ×9). */
export const MAX_URL_LENGTH = 4096

export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, 414, 'uri-too-long', 'The address is too long')
  if (error.code === 'FST_ERR_BAD_URL') return sendError(reply, 400, 'bad-url', 'The address is not valid: a percent sign must be followed by two hexadecimal digits of UTF-8')
  return sendError(reply, 500, 'internal', 'Something went wrong on the server; it has been logged')
}

function rawError(socket: Socket, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } })
  const head = `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`
  socket.end(head + body)
}

/** Node's HTTP parser refused the request: answer in our shape if the socket can still take it. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy()
    return
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return rawError(socket, 408, 'request-timeout', 'The request took too long to arrive')
  if (error.code === 'HPE_HEADER_OVERFLOW') return rawError(socket, 431, 'headers-too-large', 'The request headers (or its address) are too large')
  rawError(socket, 400, 'bad-request', 'The request is not valid HTTP')
}
