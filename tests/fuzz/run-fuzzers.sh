#!/usr/bin/env bash
# run-fuzzers.sh: fuzzes the bundle loader, the inline text converter, the
# saved timer and the history, one harness after the other, on one core.
#
#   CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
#   tests/fuzz/run-fuzzers.sh _build-fuzz 600     # seconds for each harness
#
# New inputs go to BUILD/fuzz-corpus/NAME, crashes to BUILD/fuzz-artifacts/.
# Copy a crash into tests/data/fuzz/NAME/ with a name that says what it does:
# every build replays that folder as a test (meson test --suite fuzz).
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: run-fuzzers.sh BUILD-DIR [SECONDS] [HARNESS…]}" && pwd)
seconds=${2:-300}
shift $(( $# >= 2 ? 2 : 1 ))
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(bundle markup timer-restore history)

data=$top/tests/data
declare -A seeds=(
  [bundle]="$data/fuzz/bundle $data/bundles/good $data/bundles/bad $data/hardening $top/data/content"
  [markup]="$data/fuzz/markup"
  [timer-restore]="$data/fuzz/timer-restore"
  [history]="$data/fuzz/history"
)

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
# GLib's slice allocator would hide leaks and overflows from ASan; a critical
# (a g_return_if_fail) counts as a crash.
export G_SLICE=always-malloc G_DEBUG=fatal-warnings

mkdir -p "$build/fuzz-artifacts"
status=0
for name in "${harnesses[@]}"; do
  target=$build/tests/fuzz/fuzz-$name
  [ -x "$target" ] || { echo "$target is missing: configure with -Dfuzzing=true and build" >&2; exit 2; }
  mkdir -p "$build/fuzz-corpus/$name"
  echo "== fuzz-$name for ${seconds}s"
  # shellcheck disable=SC2086 # the seed folders are split on purpose
  "$target" -dict="$top/tests/fuzz/json.dict" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-artifacts/$name-" \
    "$build/fuzz-corpus/$name" ${seeds[$name]} || status=$?
done
exit $status
