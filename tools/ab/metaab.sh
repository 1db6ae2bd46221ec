#!/bin/bash
# A/B of two checkouts' metadata step alone (MetadataExtractor.read on pre-parsed pages) in one JVM (see MetaAB.java):
# each checkout's median CPU ms/page and the per-round ratio after / before over ROUNDS rounds (pages interleaved) of the
# 181 benchmark pages and the 289 metadata-dev pages.
#   tools/ab/metaab.sh BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS=40]
# Each checkout must be built first: (cd CHECKOUT && mvn -B -q -pl libs/extract -am package -DskipTests)
set -euo pipefail
before=$(cd "${1:?before checkout}" && pwd); after=$(cd "${2:?after checkout}" && pwd); rounds=${3:-40}
here=$(cd "$(dirname "$0")" && pwd); data="$here/../../../shared/data"
pages="$data/article-extraction-benchmark/html:$data/metadata-dev/html"
deps() { (cd "$1" && mvn -B -q -o -pl libs/extract dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tr ':' '\n' | grep -v '/org/newsroomingest/' | paste -sd:); }
classes() { echo "$1/libs/extract/target/classes:$1/libs/core/target/classes:$(deps "$1")"; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
javac -d "$out" "$here/MetaAB.java"
java -Xmx2g -cp "$out" MetaAB "$pages" "$(classes "$before")" "$(classes "$after")" "$rounds" 2>&1 | grep -v '^SLF4J'
