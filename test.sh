#!/usr/bin/env bash
# Runs every test of the project against the real local stack (Postgres, Redis, and later s3rver and
# chromium), installing what is missing. Fails loudly on anything missing or skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$(pwd)"
results="$repo/TestResults"
started=$(date +%s)

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is required (dotnet on PATH)" >&2; exit 1; }

# Stop the test stack afterwards only if this run started it (a developer's running stack is left alone).
if infra/stack.sh status test 2>&1 | grep -q "Postgres running"; then
  infra/stack.sh start test
else
  infra/stack.sh start test
  trap 'infra/stack.sh stop test' EXIT
fi
eval "$(infra/stack.sh env test)"
export AUTOML_TEST_STACK=1

# The browser specs (tests/Web.Tests) drive Debian's chromium against the built dashboard.
if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing chromium"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || { echo "[test] could not install chromium (apt-get install chromium)" >&2; exit 1; }
fi
# The backup scripts (infra/backup.sh, tested by RestoreDrillTests) encrypt with gpg, which needs its agent.
if ! command -v gpg >/dev/null || ! command -v gpg-agent >/dev/null; then
  echo "[test] installing gpg"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnupg >/dev/null; } \
    || { echo "[test] could not install gpg (apt-get install gnupg)" >&2; exit 1; }
fi
echo "[test] building the dashboard"
# The browser specs run node too: the same one the dashboard is built with.
PATH="$(infra/node.sh):$PATH"
export PATH
infra/web.sh build || { echo "[test] the dashboard build failed (infra/web.sh build)" >&2; exit 1; }

rm -rf "$results" "$results.web.log"
echo "[test] dashboard lint (ESLint) and unit tests (vitest)"
( cd web && npm run lint ) || { echo "[test] ESLint found problems in web/ (cd web && npm run lint)" >&2; exit 1; }
# The JUnit file is counted with the .NET results below.
( cd web && npm test -- --reporter=default --reporter=junit --outputFile.junit="$results/web-unit/vitest.junit.xml" ) \
  || { echo "[test] the dashboard's unit tests failed (cd web && npm test)" >&2; exit 1; }

echo "[test] restore, build, format check"
dotnet tool restore >/dev/null
dotnet restore AutoMl.sln --nologo -v quiet
dotnet build AutoMl.sln -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly
dotnet format AutoMl.sln --verify-no-changes --no-restore -v quiet \
  || { echo "[test] dotnet format found changes to make: run 'dotnet format AutoMl.sln'" >&2; exit 1; }

echo "[test] running tests"
run_tests() {
  dotnet test "$1" -c Release --no-build --nologo --results-directory "$results" \
    --logger "trx" --logger "console;verbosity=normal"
}
# Two streams of about equal length (CI of 2026-12-05: browser specs 11 min on their two lanes, the SDK 4, the API 12,
# the engine 2.5, the rest under a minute): the browser specs then the SDK's tests on one, the other assemblies one after
# another on the other. Each assembly also runs its own collections in parallel.
second=(tests/Web.Tests/AutoMl.Web.Tests.csproj tests/Sdk.Tests/AutoMl.Sdk.Tests.csproj)
set +e
(
  code=0
  for project in "${second[@]}"; do
    run_tests "$project" || code=$?
  done
  exit $code
) >"$results.web.log" 2>&1 &
web=$!
status=0
for project in tests/*/AutoMl.*.Tests.csproj; do
  [[ " ${second[*]} " == *" $project "* ]] && continue
  run_tests "$project" 2>&1 | tee -a "$results.log"
  code=${PIPESTATUS[0]}
  [ "$code" -ne 0 ] && status=$code
done
wait "$web"
code=$?
cat "$results.web.log" | tee -a "$results.log"
[ "$code" -ne 0 ] && status=$code
set -e

read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("{*}ResultSummary/{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
for path in glob.glob(sys.argv[1] + "/**/*.junit.xml", recursive=True):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        total, bad, skip = (int(suite.get(k, 0)) for k in ("tests", "failures", "skipped"))
        bad += int(suite.get("errors", 0))
        p += total - bad - skip; f += bad; s += skip
print(p, f, s)
PY
)
# The failures again at the very end, so the tail of a long CI log names them.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for r in ET.parse(path).getroot().findall(".//{*}UnitTestResult"):
        if r.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = r.find("{*}Output/{*}ErrorInfo/{*}Message")
        stack = r.find("{*}Output/{*}ErrorInfo/{*}StackTrace")
        print(f"[test] FAILED {r.get('testName')} ({r.get('duration')})")
        for text in (message, stack):
            if text is not None and text.text:
                print("  " + "\n  ".join(text.text.strip().splitlines()[:25]))
PY
echo "[test] took $(( $(date +%s) - started )) s"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
if [ "$skipped" -ne 0 ]; then echo "[test] $skipped test(s) were skipped: a skipped test is a defect here" >&2; exit 1; fi
if [ "$passed" -eq 0 ]; then echo "[test] no test ran" >&2; exit 1; fi
