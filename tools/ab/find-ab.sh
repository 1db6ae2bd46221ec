#!/bin/bash
# A/B of MainContentFinder.find alone for two checkouts in one JVM (see FindAB.java): parse, images and metadata
# untimed, then find timed by thread CPU, page by page through both builds.
#   tools/ab/find-ab.sh BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS=20]
# Each checkout must be built first: (cd CHECKOUT && mvn -B -q -pl libs/extract -am package -DskipTests)
set -euo pipefail
before=$(cd "${1:?before checkout}" && pwd); after=$(cd "${2:?after checkout}" && pwd); rounds=${3:-20}
here=$(cd "$(dirname "$0")" && pwd); pages="$here/../../../shared/data/article-extraction-benchmark/html"
deps() { (cd "$1" && mvn -B -q -o -pl libs/extract dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tr ':' '\n' | grep -v '/org/newsroomingest/' | paste -sd:); }
classes() { echo "$1/libs/extract/target/classes:$1/libs/core/target/classes:$(deps "$1")"; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cp_before=$(classes "$before"); cp_after=$(classes "$after")
javac -cp "$cp_before" -d "$out/before" "$here/FindStep.java"
javac -cp "$cp_after" -d "$out/after" "$here/FindStep.java"
javac -d "$out" "$here/FindAB.java"
java -Xmx1g -cp "$out" FindAB "$pages" "$out/before" "$cp_before" "$out/after" "$cp_after" "$rounds" 2>&1 \
  | grep -v '^SLF4J'
