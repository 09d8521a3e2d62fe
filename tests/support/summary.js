// Prints jest's totals as one plain closing line that CI reads: "tests: N passed, N failed, N skipped".
const fs = require('node:fs')
const file = process.argv[2]
if (!fs.existsSync(file)) {
  console.log('tests: 0 passed, 1 failed')
  process.exit(0)
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'))
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0)
console.log(`tests: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`)
