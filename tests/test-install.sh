#!/usr/bin/env bash
# test-install.sh: installs the build into a temporary DESTDIR and checks that
# the installed tree is a working, valid desktop app.
#
# Usage: test-install.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR
# (BINDIR and DATADIR as absolute paths under PREFIX, as meson computes them.)
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

meson=$1
build=$2
prefix=$3
bindir=$4
datadir=$5
app_id=io.github.soothe.Soothe

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
bin=$dest$bindir/soothe
share=$dest$datadir
schemas=$share/glib-2.0/schemas
export XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config \
       XDG_STATE_HOME=$tmp/home/state XDG_CACHE_HOME=$tmp/home/cache HOME=$tmp/home
export LC_ALL=C.UTF-8 LANGUAGE=
unset GSETTINGS_SCHEMA_DIR
n=0
failed=0

check () {
  local name=$1; shift
  n=$((n + 1))
  if "$@" >&2; then
    echo "ok $n $name"
  else
    echo "not ok $n $name"
    failed=1
  fi
}

skip () {
  n=$((n + 1))
  echo "ok $n $1 # SKIP $2"
}

# --no-rebuild: meson test has built everything already and holds the build.
install () {
  "$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; return 1; }
}

installed () {
  local path
  for path in "$@"; do
    [ -f "$path" ] || { echo "# missing: ${path#"$dest"}" >&2; return 1; }
  done
}

binary () {
  [ -x "$bin" ] && [ "$("$bin" --version)" = "soothe $("$build/src/soothe" --version | cut -d' ' -f2)" ]
}

service () {
  local file=$share/dbus-1/services/$app_id.service
  grep -qx "Name=$app_id" "$file" && grep -qx "Exec=$bindir/soothe --gapplication-service" "$file"
}

# post_install does not compile schemas into a DESTDIR; packagers do this.
compile_schemas () {
  glib-compile-schemas --strict "$schemas" && [ -f "$schemas/gschemas.compiled" ]
}

list_situations () {
  local out
  out=$(GSETTINGS_SCHEMA_DIR=$schemas "$bin" --list-situations) || return 1
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 29 ] &&
    printf '%s\n' "$out" | grep -qx $'upper-back-burning\tBurning pain in the upper back'
}

schema_compiled () {
  [ -n "$(gsettings --schemadir "$schemas" list-keys $app_id)" ]
}

# The desktop file is DBusActivatable, so launching it by its id (as a desktop
# shell does) asks D-Bus to start the service file's Exec. Run that in a private
# bus whose service directory holds the installed service file, its Exec
# pointed into DESTDIR through a wrapper that records the exit status.
launch_from_desktop_file () {
  local services=$tmp/activation/dbus-1/services wrapper=$tmp/wrapper.sh status=$tmp/status
  local log=$tmp/app.log
  mkdir -p "$services"
  cat >"$wrapper" <<EOF
#!/bin/sh
"\$@" 2>"$log"
echo \$? >"$status.tmp" && mv "$status.tmp" "$status"
EOF
  chmod +x "$wrapper"
  sed "s|^Exec=$bindir/|Exec=$wrapper $dest$bindir/|" \
    "$share/dbus-1/services/$app_id.service" >"$services/$app_id.service"
  # GLib loads a desktop file only when its Exec is on PATH.
  PATH=$dest$bindir:$PATH XDG_DATA_DIRS=$tmp/activation:$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share} \
    GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory SOOTHE_QUIT_AFTER_FIRST_FRAME=1 \
    dbus-run-session -- sh -c '
      gtk4-launch "$1" || exit 1
      for i in $(seq 600); do [ -f "$2" ] && exit 0; sleep 0.1; done
      echo "# the app did not start and quit within 60 s" >&2; exit 1
    ' sh "$app_id" "$status" || return 1
  cat "$log" >&2
  # Without its schema the app would still run, but say so.
  [ "$(cat "$status")" = 0 ] && ! grep -q 'schema.*not installed' "$log"
}

search_provider_file () {
  local file=$share/gnome-shell/search-providers/$app_id.search-provider.ini
  grep -qx "DesktopId=$app_id.desktop" "$file" && grep -qx "BusName=$app_id" "$file" &&
    grep -qx "ObjectPath=/io/github/soothe/Soothe/SearchProvider" "$file" && grep -qx "Version=2" "$file"
}

# GNOME Shell's first search starts Soothe by D-Bus activation, with no window,
# and asks it over the bus; the installed service file says how.
search_provider_activation () {
  local services=$tmp/search/dbus-1/services
  mkdir -p "$services"
  sed "s|^Exec=$bindir/|Exec=$dest$bindir/|" \
    "$share/dbus-1/services/$app_id.service" >"$services/$app_id.service"
  XDG_DATA_DIRS=$tmp/search:$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share} \
    GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory \
    dbus-run-session -- sh -c '
      path=/io/github/soothe/Soothe/SearchProvider
      iface=org.gnome.Shell.SearchProvider2
      ids=$(gdbus call --session --dest "$1" --object-path $path \
              --method $iface.GetInitialResultSet "[\"chest\", \"pain\", \"running\"]") || exit 1
      echo "# $ids" >&2
      first=$(printf "%s" "$ids" | sed -n "s/^(\[.\([^\x27]*\)\x27.*/\1/p")
      case $first in */emergency/*) ;; *) echo "# first result is no emergency: $first" >&2; exit 1 ;; esac
      metas=$(gdbus call --session --dest "$1" --object-path $path \
                --method $iface.GetResultMetas "[\"$first\"]") || exit 1
      echo "# $metas" >&2
      printf "%s" "$metas" | grep -q "Call emergency services" || exit 1
      none=$(gdbus call --session --dest "$1" --object-path $path \
               --method $iface.GetInitialResultSet "[\"toothache\"]") || exit 1
      [ "$none" = "(@as [],)" ] || { echo "# toothache: $none" >&2; exit 1; }
      gdbus call --session --dest "$1" --object-path /io/github/soothe/Soothe \
        --method org.gtk.Actions.Activate quit "[]" "{}" >/dev/null
    ' sh "$app_id"
}

check "meson install --destdir" install
check "installed files" installed "$bin" \
  "$share/applications/$app_id.desktop" \
  "$share/metainfo/$app_id.metainfo.xml" \
  "$share/dbus-1/services/$app_id.service" \
  "$share/icons/hicolor/scalable/apps/$app_id.svg" \
  "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$schemas/$app_id.gschema.xml"
check "installed binary runs" binary
check "service file starts the installed binary" service
check "search provider file is installed" search_provider_file
check "GNOME Shell's search starts Soothe and gets answers" search_provider_activation
check "installed schemas compile" compile_schemas
check "installed app lists the situations" list_situations
check "installed schema has the app's keys" schema_compiled

if command -v desktop-file-validate >/dev/null; then
  check "installed desktop file is valid" desktop-file-validate "$share/applications/$app_id.desktop"
else
  skip "installed desktop file is valid" "desktop-file-validate not found"
fi
if command -v appstreamcli >/dev/null; then
  check "installed metainfo is valid" appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
else
  skip "installed metainfo is valid" "appstreamcli not found"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  skip "app launches from its desktop file" "no display"
elif ! command -v dbus-run-session >/dev/null || ! command -v gtk4-launch >/dev/null; then
  skip "app launches from its desktop file" "dbus-run-session or gtk4-launch not found"
else
  check "app launches from its desktop file" launch_from_desktop_file
fi

echo "1..$n"
exit $failed
