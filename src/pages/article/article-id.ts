import { articleIdFromScene } from '../../services/subscribe'
import { parseId } from '../issue/reader-pages'

/** ?id=… from a link or share, or ?scene=a%3D… from a poster's mini-program code. */
export function articleIdFromParams(params: Record<string, string | undefined>): number | null {
  return parseId(params.id) ?? articleIdFromScene(params.scene)
}
