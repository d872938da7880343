#!/usr/bin/env python3
# test-flatpak-manifest.py: the Flatpak manifest is valid JSON and agrees with
# the meson install (app id, binary, desktop file). It cannot be built here.
#
# Usage: test-flatpak-manifest.py MANIFEST SOURCE_ROOT APP_ID
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys

manifest_path, source_root, app_id = sys.argv[1:4]
problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as error:
    print(f"{manifest_path}: {error}", file=sys.stderr)
    sys.exit(1)

# The binary the desktop file starts is the one Flatpak runs.
with open(os.path.join(source_root, "data", app_id + ".desktop.in"), encoding="utf-8") as f:
    exec_line = re.search(r"^Exec=(\S+)", f.read(), re.MULTILINE)
binary = exec_line.group(1) if exec_line else None

expect(os.path.basename(manifest_path) == app_id + ".json",
       f"the manifest should be named {app_id}.json")
expect(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
expect(manifest.get("command") == binary,
       f"command is {manifest.get('command')!r}, but the desktop file runs {binary!r}")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime should be org.gnome.Platform")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk should be org.gnome.Sdk")
expect(isinstance(manifest.get("runtime-version"), str), "runtime-version should be a string")

finish_args = manifest.get("finish-args", [])
for arg in ("--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"):
    expect(arg in finish_args, f"finish-args lacks {arg}")
# Notifications, and everything else Soothe needs, go through portals.
expect(not any(a.startswith(("--talk-name", "--filesystem", "--share=network")) for a in finish_args),
       f"finish-args grant more than Soothe needs: {finish_args}")

modules = manifest.get("modules", [])
app_module = modules[-1] if modules and isinstance(modules[-1], dict) else {}
expect(app_module.get("name") == "soothe", "the last module should be soothe")
expect(app_module.get("buildsystem") == "meson", "soothe should build with meson")
sources = app_module.get("sources", [])
dirs = [s.get("path") for s in sources if s.get("type") == "dir"]
expect(len(dirs) == 1, "soothe should have one dir source")
if dirs:
    source = os.path.normpath(os.path.join(os.path.dirname(manifest_path), dirs[0]))
    expect(os.path.isdir(source) and os.path.samefile(source, source_root),
           f"the dir source {dirs[0]!r} is not the source tree")

for problem in problems:
    print(f"{manifest_path}: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
