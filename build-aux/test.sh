#!/usr/bin/env bash
# test.sh: sets everything up, builds Soothe and runs the whole test suite
# under a virtual display with a private D-Bus session.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${SOOTHE_BUILD_DIR:-$top/_build}

"$top/build-aux/setup.sh"

# Xvfb outside, D-Bus inside: a notification daemon needs DISPLAY first.
status=0
xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- meson test -C "$build" --print-errorlogs "$@" || status=$?

# One closing line that any CI reader understands.
python3 - "$build/meson-logs/testlog.json" <<'PY' || true
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
