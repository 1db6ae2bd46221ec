#!/bin/bash
# A/B of two checkouts' extractors in one JVM (see AB.java): prints, for each, the median extraction / Jsoup
# parse-only throughput and the median extraction CPU ms/page over ROUNDS alternating rounds of the 181 pages.
#   tools/ab/ab.sh BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS=12]
# Each checkout must be built first: (cd CHECKOUT && mvn -B -q -pl libs/extract -am package -DskipTests)
set -euo pipefail
before=$(cd "${1:?before checkout}" && pwd); after=$(cd "${2:?after checkout}" && pwd); rounds=${3:-12}
here=$(cd "$(dirname "$0")" && pwd); pages="$here/../../../shared/data/article-extraction-benchmark/html"
deps() { (cd "$1" && mvn -B -q -o -pl libs/extract dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tr ':' '\n' | grep -v '/org/newsroomingest/' | paste -sd:); }
classes() { echo "$1/libs/extract/target/classes:$1/libs/core/target/classes:$(deps "$1")"; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
javac -d "$out" "$here/AB.java"
java -Xmx2g -cp "$out" AB "$pages" "$(classes "$before")" "$(classes "$after")" "$rounds" 2>&1 | grep -v '^SLF4J'
