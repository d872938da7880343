#!/usr/bin/env bash
# screenshot.sh: photographs the real window under Xvfb for the README.
# Usage: build-aux/screenshot.sh [OUTPUT.png] [SITUATION-ID] [light|dark] [WIDTHxHEIGHT]
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${SOOTHE_BUILD_DIR:-$top/_build}
output=$(realpath -m "${1:-$top/docs/screenshots/soothe.png}")
situation=${2:-upper-back-burning}
style=${3:-light}
size=${4:-1024x700}

"$top/build-aux/setup.sh"
if ! command -v import > /dev/null; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends imagemagick
fi

mkdir -p "$(dirname "$output")"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

# Settings of its own, so the shot always shows the default window size.
xvfb-run -a -s "-screen 0 ${size}x24" dbus-run-session -- bash -c '
  export HOME=$1 XDG_CONFIG_HOME=$1/config XDG_DATA_HOME=$1/data XDG_STATE_HOME=$1/state
  export GSETTINGS_SCHEMA_DIR=$2/data GSETTINGS_BACKEND=memory
  [ "$5" = dark ] && export GTK_THEME=Default:dark
  "$2/src/soothe" --show "$4" &
  pid=$!
  sleep 3
  import -window root "$3"
  kill $pid
' _ "$home" "$build" "$output" "$situation" "$style" "$size"
echo "Wrote $output"
