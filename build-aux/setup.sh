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
  desktop-file-utils libglib2.0-bin python3-gi
  appstream libgtk-4-bin
  # the window under a virtual display, as tests and screenshots need it
  xvfb xauth dbus dbus-x11 at-spi2-core
  adwaita-icon-theme hicolor-icon-theme fonts-cantarell fonts-dejavu-core
  # GTK's media backend and what it needs to play the timer's chime
  libgtk-4-media-gstreamer gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  # GNOME's notification and sound settings (Do Not Disturb, event sounds)
  gsettings-desktop-schemas
  # the accessibility test and the translated runs
  gir1.2-atspi-2.0 locales
  # memcheck over the core tests (test.sh --valgrind)
  valgrind
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

# The tests run Soothe in German and Spanish; gettext needs those locales.
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
for locale in de_DE es_ES; do
  if ! locale -a 2>/dev/null | grep -qix "$locale.utf8"; then
    "${sudo[@]}" sed -i "s/^# *\($locale.UTF-8 UTF-8\)/\1/" /etc/locale.gen
    grep -q "^$locale.UTF-8 UTF-8" /etc/locale.gen || echo "$locale.UTF-8 UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen > /dev/null
    "${sudo[@]}" locale-gen > /dev/null
  fi
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" "$@"
elif [ $# -gt 0 ]; then
  meson configure "$build" "$@"
fi
meson compile -C "$build"
