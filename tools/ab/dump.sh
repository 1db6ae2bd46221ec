#!/bin/bash
# Dumps a checkout's extraction of the 470 shared pages (see Dump.java) to OUT; compare two dumps with cmp or diff.
#   tools/ab/dump.sh CHECKOUT OUT
# The checkout must be built first: (cd CHECKOUT && mvn -B -q -pl libs/extract -am package -DskipTests)
set -euo pipefail
checkout=$(cd "${1:?checkout}" && pwd); target=${2:?output file}
here=$(cd "$(dirname "$0")" && pwd); data="$here/../../../shared/data"
deps=$(cd "$checkout" && mvn -B -q -o -pl libs/extract dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tr ':' '\n' | grep -v '/org/newsroomingest/' | paste -sd:)
cp="$checkout/libs/extract/target/classes:$checkout/libs/core/target/classes:$deps"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
javac -cp "$cp" -d "$out" "$here/Dump.java"
java -cp "$out:$cp" Dump "$data" "$target" 2>&1 | grep -v '^SLF4J' || true
echo "wrote $target"
