/** Taro.request as the HTTP client's transport (mini-program and H5 alike). */
import Taro from '@tarojs/taro'
import type { Transport } from './http'

// The promise form only: with callbacks as well, a failure would also reject an unwatched promise.
export const taroTransport: Transport = async (req) => {
  const res = await Taro.request({
    url: req.url,
    method: req.method,
    data: req.data as never,
    header: req.header,
    timeout: req.timeout,
    dataType: 'json',
  })
  return { statusCode: res.statusCode, data: res.data }
}
