#!/usr/bin/env bash
# test-cli.sh: the stable command line, run on the real binary.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

soothe=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
n=0
failed=0

check () {
  local name=$1; shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n $name"
  else
    echo "not ok $n $name"
    failed=1
  fi
}

version () {
  [ "$("$soothe" --version)" = "soothe $(sed -n "s/^  version: '\(.*\)',/\1/p" "$data/../../meson.build")" ]
}

list_situations () {
  local out
  out=$("$soothe" --list-situations) || return 1
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 10 ] || return 1
  printf '%s\n' "$out" | grep -qx $'upper-back-burning\tBurning pain in the upper back' || return 1
  # Every line is id TAB title.
  ! printf '%s\n' "$out" | grep -vqE $'^[a-z][a-z0-9-]*\t[^\t]+$'
}

check_good_bundle () {
  "$soothe" --check-bundle "$data/../../data/content/en.json" 2> "$tmp/err" && [ ! -s "$tmp/err" ]
}

check_bad_bundles () {
  local file status
  for file in "$data"/bundles/bad/*.json; do
    "$soothe" --check-bundle "$file" 2> "$tmp/err"
    status=$?
    if [ $status -ne 1 ]; then
      echo "# $file: exit $status, expected 1"; return 1
    fi
    if [ ! -s "$tmp/err" ]; then
      echo "# $file: no message"; return 1
    fi
    # One line per problem, each starting with the file's name.
    if grep -v -F "$file" "$tmp/err" | grep -q .; then
      echo "# $file: a line does not name the file:"; sed 's/^/# /' "$tmp/err"; return 1
    fi
  done
}

check_several_files () {
  local good=$data/../../data/content/en.json bad=$data/bundles/bad/root-array.json
  "$soothe" --check-bundle "$good" "$bad" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "^$bad: " "$tmp/err" && ! grep -q "en.json" "$tmp/err"
}

check_missing_file () {
  "$soothe" --check-bundle "$tmp/nope.json" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "^$tmp/nope.json: " "$tmp/err"
}

check_without_files () {
  "$soothe" --check-bundle 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "needs at least one FILE" "$tmp/err"
}

show_unknown () {
  "$soothe" --show no-such-thing 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "no situation “no-such-thing”" "$tmp/err"
}

unexpected_argument () {
  "$soothe" stray 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "unexpected argument" "$tmp/err"
}

user_bundle_skipped () {
  mkdir -p "$XDG_DATA_HOME/soothe/bundles"
  printf '{"format": 1, "situations": [{"id": "x"}]}' > "$XDG_DATA_HOME/soothe/bundles/broken.json"
  "$soothe" --list-situations > "$tmp/out" 2> "$tmp/err"
  local status=$?
  rm -r "$XDG_DATA_HOME/soothe"
  [ $status -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 10 ] &&
    grep -q "broken.json: \$.situations\[0\].title: missing member" "$tmp/err"
}

quit_after_first_frame () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  SOOTHE_QUIT_AFTER_FIRST_FRAME=1 timeout 30 "$soothe" --show knee-pain
}

check "--version" version
check "--list-situations" list_situations
check "--check-bundle accepts the shipped bundle" check_good_bundle
check "--check-bundle rejects every bad bundle, naming the file" check_bad_bundles
check "--check-bundle with several files" check_several_files
check "--check-bundle on a missing file" check_missing_file
check "--check-bundle without files" check_without_files
check "--show with an unknown id" show_unknown
check "an unexpected argument" unexpected_argument
check "a bad user bundle is skipped and named" user_bundle_skipped
check "SOOTHE_QUIT_AFTER_FIRST_FRAME" quit_after_first_frame
echo "1..$n"
exit $failed
