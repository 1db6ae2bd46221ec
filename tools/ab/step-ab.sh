#!/bin/bash
# A/B of one extraction step alone for two checkouts in one JVM (see StepAB.java and Steps.java), to resolve a change
# of a few per cent in one step that the whole-extraction A/B (ab.sh) cannot on a shared machine:
#   tools/ab/step-ab.sh BEFORE_CHECKOUT AFTER_CHECKOUT STEP [ROUNDS=20] [PAGES=bench|all]
# STEP: scan | meta | images | walks | front | find | hints | text | markdown | render | language | extract (the
# whole extraction, pre-parse scan and parse included) | parse (jsoup alone: a control, equal in both builds).
# PAGES: the 181 article-extraction benchmark pages (bench), or those and the 289 metadata-dev pages (all). Each
# checkout must be built first:
# (cd CHECKOUT && mvn -B -q -pl libs/extract -am package -DskipTests). Steps.java is compiled into each checkout's
# package against that checkout's classes.
set -euo pipefail
before=$(cd "${1:?before checkout}" && pwd); after=$(cd "${2:?after checkout}" && pwd); step=${3:?step}
rounds=${4:-20}
here=$(cd "$(dirname "$0")" && pwd); data="$here/../../../shared/data"
case "${5:-bench}" in
  bench) pages="$data/article-extraction-benchmark/html" ;;
  all) pages="$data/article-extraction-benchmark/html:$data/metadata-dev/html" ;;
  *) echo "PAGES is bench or all" >&2; exit 2 ;;
esac
deps() { (cd "$1" && mvn -B -q -o -pl libs/extract dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tr ':' '\n' | grep -v '/org/newsroomingest/' | paste -sd:); }
classes() { echo "$1/libs/extract/target/classes:$1/libs/core/target/classes:$(deps "$1")"; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cp_before=$(classes "$before"); cp_after=$(classes "$after")
javac -cp "$cp_before" -d "$out/before" "$here/Steps.java"
javac -cp "$cp_after" -d "$out/after" "$here/Steps.java"
javac -d "$out" "$here/StepAB.java"
java -Xmx2g -cp "$out" StepAB "$pages" "$step" "$rounds" "$out/before" "$cp_before" "$out/after" "$cp_after" 2>&1 \
  | grep -v '^SLF4J'
