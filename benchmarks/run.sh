#!/usr/bin/env bash
# Runs every Flowfront benchmark and writes benchmarks/target/results/*.json and results.md.
#
#   benchmarks/run.sh                      all sizes: 100, 1,000 and 10,000 apps (about 15 minutes
#                                          on 2 cores)
#   SIZES=100,1000 RUNS=1 JMH_OPTS="-wi 1 -i 1" benchmarks/run.sh
#                                          a quick check of the harness (figures not comparable)
#
# Installs Hugo, Brotli, GNU time and Chromium from Debian when they are missing (needs root),
# builds the modules it measures with Maven, then runs each step. A step that fails is listed in
# results/failed-steps.txt and the others still run. Close other work first: figures taken on a
# loaded machine are wrong, so the load average is recorded before and after.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
bench="$root/benchmarks"
results="$bench/target/results"
work="$bench/target/work"
projects="$bench/target/projects"
sizes="${SIZES:-100,1000,10000}"
runs="${RUNS:-5}"
seed="${SEED:-42}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v brotli >/dev/null || missing+=(brotli)
[ -x /usr/bin/time ] || missing+=(time)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" || exit 1
fi

log "building the modules with Maven"
# install puts the plugin into the local repository, where the generated project finds it.
mvn -B -q -Pbenchmarks -DskipTests -Dspotless.check.skip=true install \
  -pl generator-core,preview-server,maven-plugin,benchmarks -am || exit 1
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
cli="$root/generator-core/target/flowfront-cli.jar"
preview="$root/preview-server/target/flowfront-preview.jar"
classpath="$bench/target/classes:$(cat "$bench/target/classpath.txt")"
harness() { java -cp "$classpath" dev.flowfront.benchmarks.Main "$@"; }

rm -rf "$results" "$work" "$projects"
mkdir -p "$results" "$work/logs"
failed="$results/failed-steps.txt"
step() {
  local name="$1"
  shift
  log "$name"
  if ! "$@" >"$work/logs/step-$name.log" 2>&1; then
    echo "$name: failed, see benchmarks/target/work/logs/step-$name.log" >>"$failed"
    log "$name failed:"
    tail -n 5 "$work/logs/step-$name.log"
  fi
}
require() {
  if [ ! -f "$1" ]; then
    echo "$2: not run, $1 is missing" >>"$failed"
    log "$2 skipped: $1 is missing"
    return 1
  fi
}

step machine-start harness machine --results "$results" --name machine
step generate harness generate --out "$projects" --sizes "$sizes" --seed "$seed" --results "$results"

if require "$cli" page-weight; then
  step sample-site java -jar "$cli" --apps sample-apps/src/main/apps --flows sample-apps/src/main/flows \
    --namespace-files sample-apps/src/main/namespace-files --out "$work/sample-site"
  step page-weight-samples harness page-weight --site "$work/sample-site" --results "$results" \
    --name samples --list-pages
fi
if require "$cli" whole-process; then
  step whole-process harness whole-process --cli "$cli" --projects "$projects" --work "$work" \
    --results "$results" --sizes "$sizes" --runs "$runs"
  first="${sizes%%,*}"
  step page-weight-synthetic harness page-weight --site "$work/site-$first" --results "$results" \
    --name synthetic
  largest="${sizes##*,}"
  step memory harness memory --cli "$cli" --project "$projects/p$largest" --work "$work" \
    --results "$results" --heaps ",256m"
fi
if [[ ",$sizes," == *",1000,"* ]]; then
  step maven-incremental harness maven-incremental --project "$projects/p1000" --work "$work" \
    --results "$results" --plugin-version "$version" --runs "$runs"
fi
# shellcheck disable=SC2086 # JMH_OPTS holds several options.
step jmh java -cp "$classpath" org.openjdk.jmh.Main ${JMH_OPTS:-} -rf json -rff "$results/jmh.json" \
  'dev\.flowfront\.benchmarks\.jmh\..*'
if require "$preview" browser && require "$cli" browser; then
  first="${sizes%%,*}"
  step browser harness browser --preview "$preview" --site "$work/site-$first" \
    --flows "$projects/p$first/flows" --apps "$first" --seed "$seed" --work "$work" \
    --results "$results"
fi
step machine-end harness machine --results "$results" --name machine-end
step report harness report --results "$results"
log "done: $results/results.md"
[ -f "$failed" ] && { log "failed steps:"; cat "$failed"; }
exit 0
