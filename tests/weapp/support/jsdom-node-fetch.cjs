/*
 * jest's jsdom environment (miniprogram-simulate renders into a DOM) with Node's own fetch, so the
 * wx stand-in can reach the real test backend from there.
 */
const { TestEnvironment } = require('jest-environment-jsdom')

class JsdomWithNodeFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    Object.assign(this.global, { fetch, Headers, Request, Response, AbortController, AbortSignal, Buffer, TextEncoder, TextDecoder })
  }
}

module.exports = JsdomWithNodeFetch
