#!/usr/bin/env bash
# The one test command (npm test): lint, check formatting, type-check, build both clients and the console, run every
# jest suite, then print a closing line "tests: N passed, N failed, N skipped". Lint and formatting
# come first because they fail in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tests/artifacts

echo "== lint"; npm run --silent lint
echo "== format"; npm run --silent format:check
echo "== typecheck"; npm run --silent typecheck
echo "== build:weapp (test configuration: package.json build:weapp:test)"; npm run --silent build:weapp:test > tests/artifacts/build-weapp.log 2>&1 || { tail -40 tests/artifacts/build-weapp.log; exit 1; }
echo "== build:h5"; npm run --silent build:h5 > tests/artifacts/build-h5.log 2>&1 || { tail -40 tests/artifacts/build-h5.log; exit 1; }

echo "== build:console"; npm run --silent build:console > tests/artifacts/build-console.log 2>&1 || { tail -40 tests/artifacts/build-console.log; exit 1; }

echo "== jest"
status=0
npx jest --ci --json --outputFile=tests/artifacts/jest-results.json "$@" || status=$?
node tests/support/summary.js tests/artifacts/jest-results.json
exit $status
