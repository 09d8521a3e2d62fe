import { systemTextReport } from '../services/system-text'
import { useApp } from '../stores/hooks'
import { careFromSystem } from '../stores/system-text'

/** 长辈版 as it applies now: the member's choice, else on by itself for a large system font. */
export function useCare(): boolean {
  const care = useApp('settings', (s) => s.care)
  return care ?? careFromSystem(systemTextReport())
}
