/*
 * miniprogram-ci's offline checks over one project directory, in a process of its own: the tool
 * leaves a file watcher running, which would keep jest from exiting. Prints one JSON line:
 * { quality: [{ name, success, text }], files: [{ path, size }] }.
 *   node ci-check.cjs '{"projectPath":"/abs/dist/weapp","appid":"wx…","privateKeyPath":"/tmp/…/private.wx….key"}'
 */
const { projectPath, appid, privateKeyPath } = JSON.parse(process.argv[2])
// Its own progress lines go to stderr, so stdout holds only the result.
console.log = (...args) => process.stderr.write(args.join(' ') + '\n')
const ci = require('miniprogram-ci')

async function main() {
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'] })
  const quality = (await ci.checkCodeQuality(project)).map(({ name, success, text }) => ({ name, success, text }))
  const analysis = await ci.analyseCode(project, { silent: true })
  const files = (analysis?.files ?? []).map(({ path, size }) => ({ path, size }))
  process.stdout.write(JSON.stringify({ quality, files }) + '\n')
  process.exit(0)
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ fatal: String(error?.stack || error) }) + '\n')
  process.exit(1)
})
