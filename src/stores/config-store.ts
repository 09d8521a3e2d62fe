/** What the client learns from GET /api/config (the subscribe template), with the built-in fallback. */
import { createStore } from 'zustand/vanilla'
import type { Api } from '../services/api'
import { chooseTemplateId } from '../services/subscribe'

export interface ConfigState {
  templateId: string
  loaded: boolean
  load(): Promise<void>
}

export function createConfigStore(api: Pick<Api, 'getConfig'>, builtInTemplateId: string) {
  return createStore<ConfigState>()((set, get) => ({
    templateId: chooseTemplateId(null, builtInTemplateId),
    loaded: false,
    async load() {
      if (get().loaded) return
      try {
        const config = await api.getConfig()
        set({ templateId: chooseTemplateId(config.newIssueTemplateId, builtInTemplateId), loaded: true })
      } catch {
        // Offline: keep the built-in id; try again next time.
      }
    },
  }))
}
