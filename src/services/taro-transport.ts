/** Taro.request as the HTTP client's transport (mini-program and H5 alike). */
import Taro from '@tarojs/taro'
import type { Transport } from './http'

export const taroTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    Taro.request({
      url: req.url,
      method: req.method,
      data: req.data as never,
      header: req.header,
      timeout: req.timeout,
      dataType: 'json',
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(err),
    })
  })
