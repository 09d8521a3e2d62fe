/// <reference types="@tarojs/taro" />
declare module '*.png'
declare module '*.css'

/** Baked in by config/index.ts defineConstants. */
declare const API_BASE: string
declare const NEW_ISSUE_TEMPLATE_ID: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
  }
}
