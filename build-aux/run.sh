#!/usr/bin/env bash
# run.sh: sets everything up, builds Soothe and starts it from the build tree.
# Arguments go to soothe, e.g. ./build-aux/run.sh --show knee-pain
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${SOOTHE_BUILD_DIR:-$top/_build}

"$top/build-aux/setup.sh"
export GSETTINGS_SCHEMA_DIR="$build/data"
exec "$build/src/soothe" "$@"
