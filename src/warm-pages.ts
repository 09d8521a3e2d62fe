/**
 * The mini-program has every page in its package: nothing to fetch ahead. On H5 ./warm-pages.h5.ts
 * replaces this file (Taro resolves `*.h5.ts` first for that build).
 */
export function warmReadingPages(): void {}
