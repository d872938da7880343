#!/usr/bin/env bash
# run.sh: builds Soothe in release mode and prints its benchmark table:
# start-up, memory, bundle load, search and idle wake-ups, each side by side
# with a bare GTK 4 window or a bare json-glib parse, and start-up beside
# gnome-calculator, gnome-clocks and gnome-text-editor (installed here when
# missing; SOOTHE_BENCH_NO_INSTALL=1 skips that). See benchmarks/RESULTS.md.
#
# Options go to benchmarks/bench.py (--help lists them), for example
#   ./benchmarks/run.sh --pairs 20 --json results.json
#   ./benchmarks/run.sh --only peers --peer-rounds 12
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${SOOTHE_BENCH_BUILD_DIR:-$top/_build-release}

for tool in meson ninja python3 xvfb-run dbus-run-session; do
  if ! command -v "$tool" >/dev/null; then
    echo "run.sh: $tool is missing; ./build-aux/setup.sh installs what Soothe needs" >&2
    exit 1
  fi
done

# The GNOME apps the start-up is compared with (bench.py's peers), from
# Debian, like everything else Soothe needs.
peers=(gnome-calculator gnome-clocks gnome-text-editor)
missing=()
for package in "${peers[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ] && [ "${SOOTHE_BENCH_NO_INSTALL:-0}" != 1 ]; then
  echo "run.sh: installing the start-up peers: ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  if ! { "${sudo[@]}" apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
           --no-install-recommends "${missing[@]}"; }; then
    echo "run.sh: could not install ${missing[*]}; the start-up table leaves them out" >&2
  fi
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dbenchmarks=true
else
  meson configure "$build" -Dbuildtype=release -Dbenchmarks=true
fi
meson compile -C "$build"

# One virtual display and one private session bus for every run, so the app
# and the baseline meet the same X server and the same bus.
exec xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- python3 "$top/benchmarks/bench.py" --top "$top" --build "$build" "$@"
