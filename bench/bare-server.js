// The baseline of the API benchmarks: a bare node:http server, in a process of its own, answering
// each request with the bytes the app answered it with (bench/harness.ts writes them to argv[2]).
// Plain JavaScript, so no TypeScript loader runs in it.
const http = require('node:http')
const { readFileSync } = require('node:fs')

const answers = new Map(JSON.parse(readFileSync(process.argv[2], 'utf8')).map(([key, status, headers, body]) => [key, { status, headers, body: Buffer.from(body, 'base64') }]))
const server = http.createServer((req, res) => {
  const encoding = req.headers['accept-encoding'] ?? ''
  const hit = answers.get(`${req.method} ${req.url} ${encoding}`)
  req.resume()
  if (!hit) return res.writeHead(404).end()
  req.on('end', () => res.writeHead(hit.status, { ...hit.headers, 'content-length': hit.body.length }).end(hit.body))
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
