/**
 * axe-core in the page under test: the serious and critical violations, as "rule: target" lines.
 */
import type { Page } from 'playwright-core'

const AXE = require.resolve('axe-core/axe.min.js')

export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(' ')}`))
  })
}

/** The member's reading settings, as the app keeps them (Taro storage's JSON in localStorage). */
export async function setReadingSettings(page: Page, settings: { textStep: number | null; night: boolean }): Promise<void> {
  await page.evaluate((state) => {
    localStorage.setItem('settings', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, settings)
}
