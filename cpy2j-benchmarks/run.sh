#!/usr/bin/env bash
# Builds cpy2j-benchmarks, runs the JMH benchmarks and writes the results as JSON and Markdown.
#
#   cpy2j-benchmarks/run.sh                         # everything, quick settings (about 7 minutes on 2 cores)
#   cpy2j-benchmarks/run.sh -i 10 -r 5s Echo        # more iterations, only benchmarks matching "Echo"
#   cpy2j-benchmarks/run.sh -p javaVersion=17       # start-up on JDK 17 only (no JDK 25 installed)
#   SKIP_BUILD=1 RESULTS_DIR=/tmp/bench cpy2j-benchmarks/run.sh
#
# Arguments go to JMH (java -jar benchmarks.jar -h lists them). The defaults below are used only for
# options you do not give yourself, because JMH refuses an option given twice; give them as separate
# words ("-i 10", not "-i10"). The results file is set by this script (RESULTS_DIR), so do not pass -rf/-rff.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl cpy2j-benchmarks -am package -DskipTests
fi

jar=cpy2j-benchmarks/target/benchmarks.jar
results_dir="${RESULTS_DIR:-cpy2j-benchmarks/target/results}"
mkdir -p "$results_dir"
json="$results_dir/results.json"
markdown="$results_dir/results.md"
rm -f "$json" "$markdown" # never report a previous run's numbers as this one's

given() {
  local option=$1 arg
  for arg in "${@:2}"; do
    [[ "$arg" == "$option" ]] && return 0
  done
  return 1
}

# One fork, 3 x 2 s warm-up, 5 x 2 s measurement: enough to compare the peers, not to publish.
defaults=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
options=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  if ! given "${defaults[i]}" "$@"; then
    options+=("${defaults[i]}" "${defaults[i + 1]}")
  fi
done

java -jar "$jar" "${options[@]}" -rf json -rff "$json" "$@"

# -l, -h and friends run nothing and write no results.
if [[ -s "$json" ]]; then
  java -cp "$jar" io.cpy2j.benchmarks.MarkdownReport "$json" > "$markdown"
  echo
  cat "$markdown"
  echo
  echo "Results: $json and $markdown"
fi
