#!/usr/bin/env bash
# setup.sh: installs what Soothe needs to build and test on Debian 12 (only
# the packages that are missing), then configures and builds it.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${SOOTHE_BUILD_DIR:-$top/_build}

packages=(
  # build
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libjson-glib-dev
  # validators run as tests
  desktop-file-utils libglib2.0-bin
  # the window under a virtual display, as tests and screenshots need it
  xvfb xauth dbus dbus-x11 at-spi2-core
  adwaita-icon-theme hicolor-icon-theme fonts-cantarell fonts-dejavu-core
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" "$@"
elif [ $# -gt 0 ]; then
  meson configure "$build" "$@"
fi
meson compile -C "$build"
