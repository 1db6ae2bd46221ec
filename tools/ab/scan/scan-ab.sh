#!/bin/bash
# Step-only A/B of the page-scan area (PageScan, WordSearch, ClassNameHints; see ScanAB.java and ScanProbe.java)
# between two checkouts in one JVM, on the 181 benchmark pages:
#   tools/ab/scan/scan-ab.sh BEFORE_CHECKOUT AFTER_CHECKOUT STEP [ROUNDS=30] [MODE=fresh|parsed]
# STEP: scan | meta (MODE fresh: each page parsed just before the step) | words | hints (MODE parsed: all pages
# parsed once). Each checkout must be built first (mvn -B -q -pl libs/extract -am package -DskipTests). The probe
# is compiled into each checkout's package against that checkout's classes.
set -euo pipefail
before=$(cd "${1:?before checkout}" && pwd); after=$(cd "${2:?after checkout}" && pwd); step=${3:?step}
rounds=${4:-30}; mode=${5:-fresh}
here=$(cd "$(dirname "$0")" && pwd); pages="$here/../../../../shared/data/article-extraction-benchmark/html"
deps=$(cd "$before" && mvn -B -q -o -pl libs/extract dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tr ':' '\n' | grep -v '/org/newsroomingest/' | paste -sd:)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
classes() { echo "$1/libs/extract/target/classes:$1/libs/core/target/classes"; }
mkdir -p "$out/a" "$out/b" "$out/main"
javac -cp "$(classes "$before"):$deps" -d "$out/a" "$here/ScanProbe.java"
javac -cp "$(classes "$after"):$deps" -d "$out/b" "$here/ScanProbe.java"
javac -cp "$deps" -d "$out/main" "$here/ScanAB.java"
java -cp "$out/main:$deps" ScanAB "$pages" "$rounds" "$step" "$mode" \
  "$out/a" "$(classes "$before")" "$out/b" "$(classes "$after")" 2>&1 | grep -v '^SLF4J'
