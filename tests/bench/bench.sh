#!/usr/bin/env bash
# npm run bench [-- --quick | options]: see tests/bench/options.ts and docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
# 10,000 sockets need 10,000 open files in the server process. Raise the soft limit to the
# hard limit (no privileges needed); run.ts checks that it is enough and says what to do if not.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
node src/ensure-build.js
exec node --import tsx tests/bench/run.ts "$@"
