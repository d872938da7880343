#!/usr/bin/env bash
# test.sh: sets everything up, builds Soothe and runs the whole test suite
# under a virtual display with a private D-Bus session.
#
#   ./build-aux/test.sh [--sanitizers] [--valgrind] [MESON-TEST-ARGUMENT…]
#
# --sanitizers  also builds _build-asan with AddressSanitizer and
#               UndefinedBehaviorSanitizer and runs the whole suite there
# --valgrind    also builds _build-valgrind and runs the core and fuzz-replay
#               tests under valgrind memcheck (no display needed)
#
# The closing line counts every run; the script fails when any run does.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${SOOTHE_BUILD_DIR:-$top/_build}
asan_build=${SOOTHE_ASAN_BUILD_DIR:-$top/_build-asan}
valgrind_build=${SOOTHE_VALGRIND_BUILD_DIR:-$top/_build-valgrind}

sanitizers=0
valgrind=0
while [ $# -gt 0 ]; do
  case $1 in
    --sanitizers) sanitizers=1; shift ;;
    --valgrind) valgrind=1; shift ;;
    *) break ;;
  esac
done

"$top/build-aux/setup.sh"

status=0
logs=()

# Xvfb outside, D-Bus inside: a notification daemon needs DISPLAY first.
run_suite () {
  local dir=$1; shift
  rm -f "$dir/meson-logs/testlog.json"
  xvfb-run -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- meson test -C "$dir" --print-errorlogs "$@" || status=1
  logs+=("$dir/meson-logs/testlog.json")
}

# A build that fails leaves no test log, which counts as a failure below.
configure () {
  local dir=$1; shift
  rm -f "$dir/meson-logs/testlog.json"
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$top" "$@"
  elif [ $# -gt 0 ]; then
    meson configure "$dir" "$@"
  fi
  meson compile -C "$dir"
}

echo "== Tests"
run_suite "$build" "$@"

if [ $sanitizers -eq 1 ]; then
  echo "== Tests with AddressSanitizer and UndefinedBehaviorSanitizer ($asan_build)"
  # Frame pointers, so that a report names the caller and not just GLib.
  configure "$asan_build" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fno-omit-frame-pointer && (
    # Stop at the first report, and make it a failure whatever the test's own
    # exit status. Leaks in system libraries are listed, with the reason, in
    # tests/sanitizers/lsan.supp; never Soothe's.
    export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:check_initialization_order=1
    export LSAN_OPTIONS=suppressions=$top/tests/sanitizers/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
    # GLib 2.74's slice allocator hides blocks from ASan.
    export G_SLICE=always-malloc
    # Mesa's software GL driver leaks at start-up and is unloaded before
    # LeakSanitizer looks, so its leak cannot be named in lsan.supp: this run
    # draws with GTK's cairo renderer; the run above covers GL.
    export GDK_DEBUG=gl-disable
    # GTK keeps a GIOModule for each module in its folder that it does not
    # load (the GStreamer media backend lives there), and GStreamer's plugins
    # leak from a library constructor once the chime plays; LeakSanitizer
    # cannot see past GLib to name either in lsan.supp. So this run looks for
    # GTK's modules in an empty place and is silent, as on a machine without
    # a media backend; the run above loads them and plays.
    export GTK_EXE_PREFIX=/nonexistent
    run_suite "$asan_build" --timeout-multiplier 3 "$@"
    exit $status
  ) || status=1
  logs+=("$asan_build/meson-logs/testlog.json")
fi

if [ $valgrind -eq 1 ]; then
  echo "== Core tests under valgrind memcheck ($valgrind_build)"
  configure "$valgrind_build" && (
    # meson names the log after the wrapper.
    rm -f "$valgrind_build/meson-logs/testlog-valgrind.json"
    export G_SLICE=always-malloc
    meson test -C "$valgrind_build" --suite core --suite fuzz --print-errorlogs \
      --timeout-multiplier 10 \
      --wrap="valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite \
              --errors-for-leak-kinds=definite --track-origins=yes \
              --suppressions=$top/tests/sanitizers/valgrind.supp" \
      "$@"
  ) || status=1
  logs+=("$valgrind_build/meson-logs/testlog-valgrind.json")
fi

# One closing line that any CI reader understands, for every run together.
python3 - "${logs[@]}" <<'PY' || status=1
import json, os, sys
total = [0, 0, 0]
for path in sys.argv[1:]:
    counts = [0, 0, 0]
    if os.path.exists(path):
        for line in open(path):
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                counts[0] += 1
            elif result == "SKIP":
                counts[2] += 1
            else:
                counts[1] += 1
    else:
        counts[1] += 1  # the run never got as far as testing
    run = os.path.basename(os.path.dirname(os.path.dirname(path)))
    print(f"# {run}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
    total = [a + b for a, b in zip(total, counts)]
print(f"{total[0]} passed, {total[1]} failed, {total[2]} skipped")
PY
exit $status
