#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Load/save benchmark of the Peitho core against the floor (peitho-bench-floor:
# libxml2 parsing the same bytes with Peitho's options into what Peitho needs)
# and, as a second column, xmllint on the same file.
#
#   run-benchmark.sh GENERATE LOAD RUSAGE FLOOR [--runs N] [--seed N] [--keep DIR]
#                    [-- GENERATOR-OPTION...]
#
# GENERATE, LOAD, RUSAGE and FLOOR are the peitho-bench-* executables (meson
# passes them). Environment: PEITHO_BENCH_RUNS, PEITHO_BENCH_SEED and PEITHO_BENCH_DIR
# (keep the files there) do the same as the options, for `meson test --benchmark`.
#
# Prints the median wall time of N runs and the peak RSS of each operation, the
# ratios and PASS/MISS per target. Exits 0 on a miss (a benchmark is not a
# test); non-zero only if something failed or crashed.

set -euo pipefail

usage () {
  echo "Usage: $0 GENERATE LOAD RUSAGE FLOOR [--runs N] [--seed N] [--keep DIR] [-- GENERATOR-OPTION...]" >&2
  exit 2
}

[[ $# -ge 4 ]] || usage
generate=$1 load=$2 rusage=$3 floor=$4
shift 4

runs=${PEITHO_BENCH_RUNS:-5}
seed=${PEITHO_BENCH_SEED:-1}
keep=${PEITHO_BENCH_DIR:-}
generator_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --) shift; generator_args=("$@"); break ;;
    *) usage ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "$0: --runs wants a positive number" >&2; exit 2; }

for program in "$generate" "$load" "$rusage" "$floor"; do
  [[ -x $program ]] || { echo "$0: $program: not an executable" >&2; exit 2; }
done
command -v xmllint > /dev/null || { echo "$0: xmllint not found (apt install libxml2-utils)" >&2; exit 2; }

if [[ -n $keep ]]; then
  dir=$keep
  mkdir -p "$dir"
else
  dir=$(mktemp -d "${TMPDIR:-/tmp}/peitho-bench.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
fi

doc=$dir/large-document.xml
info=$dir/generate.txt

fail () {
  echo "$0: $*" >&2
  exit 1
}

# Generated once per directory: with --keep a later run with the same
# options reuses it.
stamp="seed $seed ${generator_args[*]}"
if [[ ! -s $doc || ! -s $info || $(cat "$dir/stamp" 2> /dev/null) != "$stamp" ]]; then
  echo "Generating the document ($stamp)..."
  rm -f "$dir/stamp"
  "$generate" --seed "$seed" "${generator_args[@]}" "$doc" > "$info" || fail "the generator failed"
  echo "$stamp" > "$dir/stamp"
fi
field () { awk -v k="$1:" '$1 == k { print $2; exit }' "$info"; }

# name, then the command. Outputs go to the same directory (same file system).
names=(floor-parse floor-serialize xmllint-parse xmllint-serialize peitho-load peitho-load-save)
labels=("floor: parse + walk" "floor: parse + walk + serialize" "xmllint --noout"
        "xmllint --output (parse+serialize)" "peitho load" "peitho load+save")
commands=(
  "$floor parse $doc"
  "$floor parse-serialize $doc $dir/out-floor.xml"
  "xmllint --noout $doc"
  "xmllint --output $dir/out-xmllint.xml $doc"
  "$load load $doc"
  "$load load-save $doc $dir/out-peitho.xml"
)

# One untimed run of each warms the page cache and checks that it works.
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086 # the commands are word lists on purpose
  if ! "$rusage" -o "$dir/warm.txt" ${commands[$i]} > "$dir/${names[$i]}.out" 2>&1; then
    cat "$dir/${names[$i]}.out" >&2
    fail "${labels[$i]} failed"
  fi
done

echo "Measuring $runs runs of each (round-robin)..."
for i in "${!names[@]}"; do : > "$dir/${names[$i]}.times"; done
for ((run = 1; run <= runs; run++)); do
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086
    if ! "$rusage" -o "$dir/one.txt" ${commands[$i]} > "$dir/${names[$i]}.out" 2>&1; then
      cat "$dir/${names[$i]}.out" >&2
      fail "${labels[$i]} failed on run $run"
    fi
    cat "$dir/one.txt" >> "$dir/${names[$i]}.times"
  done
done

# median of column $2 of file $1
median () {
  awk -v c="$2" '{ print $c }' "$1" | sort -n |
    awk '{ t[NR] = $1 } END { if (NR % 2) print t[(NR + 1) / 2]; else print (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}
peak_kb () {
  awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$1"
}

declare -A ms kb cpu
for name in "${names[@]}"; do
  ms[$name]=$(median "$dir/$name.times" 1)
  cpu[$name]=$(median "$dir/$name.times" 3)
  kb[$name]=$(peak_kb "$dir/$name.times")
done

out_bytes=$(stat -c %s "$dir/out-peitho.xml")
xmllint --noout "$dir/out-peitho.xml" || fail "peitho's output is not well-formed"

echo
echo "Peitho load/save benchmark: median wall time of $runs runs, peak RSS"
printf '  document        %s\n' "$doc"
printf '  XML             %s bytes (written back: %s bytes)\n' "$(field file-bytes)" "$out_bytes"
printf '  text            %s characters, %s bytes, %s paragraphs\n' \
  "$(field text-characters)" "$(field text-bytes)" "$(field paragraphs)"
printf '  annotations     %s\n' "$(grep '^annotations:' "$info" | cut -d' ' -f2-)"
printf '  tags            %s\n' "$(grep '^tags:' "$info" | cut -d' ' -f2-)"
printf '  relations       %s\n' "$(field relations)"
printf '  created times   %s\n' "$(grep '^created:' "$info" | cut -d' ' -f2-)"
printf '  generated in    %s ms (model) + %s ms (write)\n' "$(field build-ms)" "$(field write-ms)"
printf '  machine         %s, %s CPUs, %s\n' "$(uname -m)" "$(nproc)" "$(xmllint --version 2>&1 | head -n1)"
echo
xml_bytes=$(field file-bytes)
printf '  %-36s %10s %10s %8s %12s\n' "operation" "median ms" "CPU ms" "MB/s" "peak RSS MB"
for i in "${!names[@]}"; do
  n=${names[$i]}
  awk -v label="${labels[$i]}" -v ms="${ms[$n]}" -v cpu="${cpu[$n]}" -v kb="${kb[$n]}" \
      -v bytes="$xml_bytes" 'BEGIN {
    printf "  %-36s %10.1f %10.1f %8.1f %12.1f\n", label, ms, cpu, bytes / 1048576 / (ms / 1000), kb / 1024
  }'
done
echo

# label, ours, floor's, limit, xmllint's
verdict () {
  awk -v label="$1" -v a="$2" -v b="$3" -v limit="$4" -v x="$5" 'BEGIN {
    r = (b > 0) ? a / b : 0
    printf "  %-36s %7.2fx   <= %-4s %-4s   %10.2fx\n", label, r, limit "x", (r <= limit) ? "PASS" : "MISS",
           (x > 0) ? a / x : 0
  }'
}

# The floor reports what it found: the same text and spans as Peitho reads.
floor_field () { awk -v k="$1:" '$1 == k { print $2; exit }' "$dir/floor-parse.out"; }
[[ $(floor_field characters) == "$(field text-characters)" ]] ||
  fail "the floor read $(floor_field characters) characters, the generator wrote $(field text-characters)"
[[ $(floor_field unresolved) == 0 ]] || fail "the floor could not resolve $(floor_field unresolved) spans"

printf '  %-36s %8s   %-9s %-4s   %11s\n' "target (wall time medians)" "/ floor" "limit" "" "/ xmllint"
verdict "load time" "${ms[peitho-load]}" "${ms[floor-parse]}" 1.5 "${ms[xmllint-parse]}"
verdict "load+save time" "${ms[peitho-load-save]}" "${ms[floor-serialize]}" 2 "${ms[xmllint-serialize]}"
verdict "load peak RSS" "${kb[peitho-load]}" "${kb[floor-parse]}" 1.5 "${kb[xmllint-parse]}"
verdict "load+save peak RSS" "${kb[peitho-load-save]}" "${kb[floor-serialize]}" 1.5 "${kb[xmllint-serialize]}"
echo
printf '  %-36s %8s   %-9s %-4s   %11s\n' "CPU time (medians)" "/ floor" "limit" "" "/ xmllint"
verdict "load CPU" "${cpu[peitho-load]}" "${cpu[floor-parse]}" 1.5 "${cpu[xmllint-parse]}"
verdict "load+save CPU" "${cpu[peitho-load-save]}" "${cpu[floor-serialize]}" 2 "${cpu[xmllint-serialize]}"
