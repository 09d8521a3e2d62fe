/**
 * Suites that need a real service or browser ask here. Under CI=true a missing requirement is a
 * failure (the suite's beforeAll throws); on a developer's laptop the suite is skipped with one line.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const inCI = process.env.CI === 'true' || process.env.CI === '1'

/** Probed once per run by tests/support/global-setup.js. */
export const hasChromium = process.env.UB_TEST_CHROMIUM === '1'
export const hasPostgres = process.env.UB_TEST_PG === '1'

/** describe for a suite that needs PostgreSQL; `describeIf(hasPostgres, 'PostgreSQL')`. */
export const describePostgres = (name: string, fn: () => void) => describeIf(hasPostgres, 'PostgreSQL at ' + TEST_DATABASE_URL)(name, fn)
/** describe for a suite that needs Chromium. */
export const describeBrowser = (name: string, fn: () => void) => describeIf(hasChromium, 'Chromium at ' + CHROMIUM_PATH)(name, fn)

/**
 * Returns jest's describe or describe.skip for a suite that needs `what`, decided synchronously from
 * the probe in global-setup.js.
 */
export function describeIf(available: boolean, what: string): jest.Describe {
  if (available) return describe
  if (inCI) {
    // Fail loudly: CI must run this suite.
    return ((name: string, fn: () => void) =>
      describe(name, () => {
        it(`requires ${what}`, () => {
          throw new Error(`${what} is required under CI=true but is not available`)
        })
        void fn
      })) as unknown as jest.Describe
  }

  console.log(`skipping "${what}" suites: ${what} is not available on this machine`)
  return describe.skip
}
