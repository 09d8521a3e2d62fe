/** Stores that live on the device only: settings, reading progress, the config fallback. */
import { createMemoryStore } from '../../../src/services/storage'
import { createConfigStore } from '../../../src/stores/config-store'
import { createReadingStore } from '../../../src/stores/reading-store'
import { createSettingsStore, TEXT_SIZES } from '../../../src/stores/settings-store'
import { createApi } from '../../../src/services/api'
import { createHttpClient } from '../../../src/services/http'
import { fetchTransport } from '../support/fetch-transport'
import { OFFLINE } from '../support/client'

describe('settings store', () => {
  it('keeps text size and night mode across app starts, clamped to the steps', () => {
    const store = createMemoryStore()
    const first = createSettingsStore(store)
    first.getState().setTextStep(99)
    first.getState().setNight(true)
    const again = createSettingsStore(store)
    expect(again.getState()).toMatchObject({ textStep: TEXT_SIZES.length - 1, night: true })
    again.getState().setTextStep(null)
    expect(createSettingsStore(store).getState().textStep).toBeNull()
  })
})

describe('reading store', () => {
  it('remembers opened issues and the last position per article, bounded', () => {
    const store = createMemoryStore()
    const reading = createReadingStore(store)
    reading.getState().markIssueRead(3)
    reading.getState().markIssueRead(3)
    for (let id = 1; id <= 250; id++) reading.getState().savePosition(id, id * 10)
    reading.getState().savePosition(250, 1234.6)
    const again = createReadingStore(store)
    expect(again.getState().readIssueIds).toEqual([3])
    expect(again.getState().positionOf(250)).toBe(1235)
    expect(again.getState().positionOf(1)).toBe(0) // oldest forgotten
    expect(again.getState().positions.length).toBeLessThanOrEqual(200)
  })
})

describe('config store', () => {
  it('keeps the built-in template id when the server cannot be reached', async () => {
    const api = createApi(createHttpClient({ baseUrl: OFFLINE, transport: fetchTransport, retries: 0 }))
    const config = createConfigStore(api, 'built-in-id')
    await config.getState().load()
    expect(config.getState()).toMatchObject({ templateId: 'built-in-id', loaded: false })
  })
})
