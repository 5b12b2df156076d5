#!/usr/bin/env bash
# Runs the core's reliability tests at full size (-Dcpy2j.reliability=full) and writes docs/reliability.md
# from the figures they leave in cpy2j-core/target/reliability/: decoder fuzzing, the chaos trials, the
# hostile twin and the ten-minute soak.
#
#   reliability/run.sh                                    # everything, full size (about 25 minutes on 2 cores)
#   reliability/run.sh -Dcpy2j.chaos.trials=10            # quicker: -D options go to Maven, after the defaults
#   reliability/run.sh -Dcpy2j.fuzz.inputs=20000 -Dcpy2j.soak.seconds=60
#
# Every -D option given is recorded in the document's header, so a reduced run is never mistaken for the
# full one. The exit status is Maven's; the document is written either way, marked failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for arg in "$@"; do
  if [[ "$arg" != -D* ]]; then
    echo "reliability/run.sh: only -Dname=value options are passed on to Maven, not '$arg'" >&2
    exit 2
  fi
done

tests='DecoderFuzzTest,io/cpy2j/chaos/*Test,HostileTwinTest,SoakTest'
# The sections of the document, in this order; each is the file a test writes through Reliability.report.
sections=(fuzz chaos-twin-kill chaos-master-kill chaos-wedged chaos-output-flood hostile-twin soak)
figures=cpy2j-core/target/reliability
doc=docs/reliability.md
log=cpy2j-core/target/reliability-maven.log

command=(./mvnw -B -pl cpy2j-core -am -Dcpy2j.reliability=full "-Dtest=$tests"
  -Dsurefire.failIfNoSpecifiedTests=false "$@" test)

rm -rf "$figures" # never report a previous run's figures as this one's
mkdir -p "$(dirname "$log")"
started=$(date +%s)
set +e
"${command[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
elapsed=$(($(date +%s) - started))

# The folder of the JDK ./mvnw runs on: JAVA_HOME, else the java on the PATH.
master_home() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    echo "$JAVA_HOME"
  else
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

# One JDK as "version (vendor) at folder", from its release file.
describe_jdk() {
  local version vendor
  version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" 2>/dev/null || true)
  vendor=$(sed -n 's/^IMPLEMENTOR="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" 2>/dev/null || true)
  echo "${version:-unknown} (${vendor:-unknown vendor}) at $1"
}

# The other JDKs installed where cpy2j's discovery looks on Linux: tests that want a twin on another JDK
# than the master's take the newest of these.
other_jdks() {
  local master release home
  master=$(readlink -f "$(master_home)")
  for release in /usr/lib/jvm/*/release /usr/java/*/release /opt/java/*/release "$HOME"/.jdks/*/release; do
    [[ -f "$release" ]] || continue
    home=$(readlink -f "$(dirname "$release")")
    [[ "$home" != "$master" && -x "$home/bin/java" ]] || continue
    echo "$home"
  done | sort -u | while read -r home; do describe_jdk "$home"; done
}

header() {
  local result commit os memory
  if [[ $status -eq 0 ]]; then result="passed"; else result="**FAILED** (Maven exit status $status)"; fi
  commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
  git diff --quiet HEAD 2>/dev/null || commit="$commit, with uncommitted changes"
  os=$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s)
  memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)
  echo "# Reliability"
  echo
  echo "How cpy2j holds up beyond its functional tests: its decoders fed mutated and random bytes, twins and"
  echo "masters killed, wedged and flooding their output, a twin that attacks its master, and a soak of calls,"
  echo "object churn and restarts that must give back everything it took. Each section is written by its test"
  echo "(cpy2j-core/src/test/java, \`Reliability.report\`); this file is assembled by \`reliability/run.sh\`."
  echo
  if [[ $# -gt 0 ]]; then
    echo "**Reduced run**: the sizes were changed by \`$*\`; these are not the full run's figures."
    echo
  fi
  echo "- Result: $result"
  echo "- Command: \`reliability/run.sh${*:+ $*}\`, which ran \`${command[*]}\`"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Commit: $commit"
  echo "- Machine: $(nproc) cores, $memory memory, $os ($(uname -sr))"
  echo "- Master JDK: $(describe_jdk "$(master_home)"); \`java -version\`: $("$(master_home)/bin/java" -version 2>&1 | head -1)"
  echo "- Twins run on the master's JDK unless a section names another; other JDKs installed:"
  other_jdks | sed 's/^/  - /'
  echo "- Total run time: $((elapsed / 60)) min $((elapsed % 60)) s"
}

{
  header "$@"
  for section in "${sections[@]}"; do
    echo
    if [[ -s "$figures/$section.md" ]]; then
      cat "$figures/$section.md"
    else
      echo "## $section"
      echo
      echo "Not run / failed: see the Maven output."
    fi
  done
} > "$doc.tmp"
mv "$doc.tmp" "$doc"

echo
echo "Wrote $doc (Maven exit status $status; its output is in $log)"
exit "$status"
