#!/usr/bin/env bash
# test-cli.sh: the stable command line, run on the real binary.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

# Absolute, as some checks run in other folders.
soothe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state HOME=$tmp
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
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 29 ] || return 1
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
  [ $status -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 29 ] &&
    grep -q "broken.json: \$.situations\[0\].title: missing member" "$tmp/err"
}

quit_after_first_frame () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  SOOTHE_QUIT_AFTER_FIRST_FRAME=1 timeout 30 "$soothe" --show knee-pain
}

state_file=$XDG_STATE_HOME/soothe/therapy.json

wait_for_status () {
  local pattern=$1 i
  for i in $(seq 1 100); do
    "$soothe" --status 2> /dev/null | head -n 1 > "$tmp/status"
    grep -qE "$pattern" "$tmp/status" && return 0
    sleep 0.1
  done
  echo "# status never matched $pattern:"; sed 's/^/# /' "$tmp/status"
  return 1
}

# Ask only once the instance runs, or --status would become the instance.
wait_for_instance () {
  local i
  for i in $(seq 1 100); do
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner io.github.soothe.Soothe 2> /dev/null | grep -q true && return 0
    sleep 0.1
  done
  return 1
}

status_without_instance () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  [ "$(timeout 30 "$soothe" --status | head -n 1)" = "No therapy timer is running" ]
}

minutes_over_cap () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  timeout 30 "$soothe" --start-therapy=cold --minutes=99 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "1 to 20 minutes" "$tmp/err"
}

timer_survives_kill () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  local pid
  "$soothe" --start-therapy=cold --minutes=15 > "$tmp/primary.log" 2>&1 &
  pid=$!
  wait_for_instance
  wait_for_status '^Cold pack: 1[45]:[0-5][0-9] left$' || { kill $pid; return 1; }
  timeout 30 "$soothe" --pause && wait_for_status '\(paused\)$' || { kill $pid; return 1; }
  timeout 30 "$soothe" --resume && wait_for_status '^Cold pack: 1[45]:[0-5][0-9] left$' || { kill $pid; return 1; }
  [ -s "$state_file" ] || { echo "# no saved state"; kill $pid; return 1; }

  # A crash loses nothing: a new instance restores the session.
  kill -9 $pid
  wait $pid 2> /dev/null
  [ "$(timeout 30 "$soothe" --status | grep -cE '^Cold pack: 1[45]:[0-5][0-9] left$')" -eq 1 ] || return 1
  timeout 30 "$soothe" --stop || return 1
  [ ! -e "$state_file" ] && [ "$(timeout 30 "$soothe" --status | head -n 1)" = "No therapy timer is running" ]
}

stretch_now_and_status () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  local pid ok=0
  "$soothe" --start-therapy=heat --minutes=5 > "$tmp/primary.log" 2>&1 &
  pid=$!
  wait_for_instance
  wait_for_status '^Heat pad: [45]:[0-5][0-9] left$' || { kill $pid; return 1; }
  [ "$(timeout 30 "$soothe" --status | sed -n 2p)" = "Stretch reminders are off" ] || ok=1
  timeout 30 "$soothe" --stretch-now || ok=1
  timeout 30 "$soothe" --status | sed -n 2p | grep -q '^Stretch reminder waiting: ' || ok=1
  timeout 30 "$soothe" --stop || ok=1
  kill $pid 2> /dev/null
  wait $pid 2> /dev/null
  [ $ok -eq 0 ] || sed 's/^/# /' "$tmp/primary.log"
  return $ok
}

# Reminders on, a cold pack running, then the session ends without warning.
# At the next login the autostart entry's command starts Soothe with no
# window; it restores both and answers --status; opening Soothe then shows
# the window of that same instance.
login_start () (
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  local pid entry=$XDG_CONFIG_HOME/autostart/io.github.soothe.Soothe.desktop command ok=0 i
  # Settings every process sees, as on a desktop; this function runs in a
  # subshell, so the other tests keep theirs.
  export GSETTINGS_BACKEND=keyfile
  "$soothe" --start-therapy=cold --minutes=15 > "$tmp/primary.log" 2>&1 &
  pid=$!
  wait_for_instance
  wait_for_status '^Cold pack: 1[45]:[0-5][0-9] left$' || ok=1
  gsettings set io.github.soothe.Soothe reminders-enabled true
  for i in $(seq 1 50); do [ -f "$entry" ] && break; sleep 0.1; done
  [ -f "$entry" ] || { echo "# no autostart entry"; ok=1; }
  command=$(sed -n 's/^Exec=//p' "$entry")
  [ "$command" = "soothe --gapplication-service" ] || { echo "# Exec=$command"; ok=1; }
  kill -9 $pid
  wait $pid 2> /dev/null

  # The session starts the entry's command, found on PATH.
  PATH=$(dirname "$soothe"):$PATH $command > "$tmp/login.log" 2>&1 &
  pid=$!
  wait_for_instance || ok=1
  timeout 30 "$soothe" --status > "$tmp/status" || ok=1
  grep -qE '^Cold pack: 1[45]:[0-5][0-9] left$' "$tmp/status" || { echo "# therapy not restored"; ok=1; }
  grep -q '^Next stretch reminder: ' "$tmp/status" || { echo "# reminders not restored"; ok=1; }
  # GtkApplication exports each window's actions under .../window/N: none yet.
  gdbus introspect --session --dest io.github.soothe.Soothe --object-path /io/github/soothe/Soothe/window \
    | grep -q 'node [0-9]' && { echo "# a window opened at login"; ok=1; }
  timeout 30 "$soothe" || ok=1
  gdbus introspect --session --dest io.github.soothe.Soothe --object-path /io/github/soothe/Soothe/window \
    | grep -q 'node [0-9]' || { echo "# no window in the same instance"; ok=1; }

  timeout 30 "$soothe" --stop
  gsettings reset io.github.soothe.Soothe reminders-enabled
  for i in $(seq 1 50); do [ ! -f "$entry" ] && break; sleep 0.1; done
  [ ! -f "$entry" ] || { echo "# the entry stayed after reminders were turned off"; ok=1; }
  gdbus call --session --dest io.github.soothe.Soothe --object-path /io/github/soothe/Soothe \
    --method org.gtk.Actions.Activate quit "[]" "{}" > /dev/null
  wait $pid 2> /dev/null
  [ $ok -eq 0 ] || sed 's/^/# /' "$tmp/status" "$tmp/login.log"
  return $ok
)

# The safety list the window shows before a therapy's first session of the day
# comes to the terminal instead, once a day for each therapy.
safety_list_in_terminal () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  local pid ok=0
  "$soothe" > "$tmp/primary.log" 2>&1 &
  pid=$!
  wait_for_instance || { kill $pid; return 1; }
  timeout 30 "$soothe" --start-therapy=cold --minutes=10 > "$tmp/first" || ok=1
  grep -q '^Before you start:$' "$tmp/first" || ok=1
  grep -q '^  • Wrap the pack in a damp towel; never put ice straight on your skin\.$' "$tmp/first" || ok=1
  timeout 30 "$soothe" --stop || ok=1
  timeout 30 "$soothe" --start-therapy=cold --minutes=10 > "$tmp/second" || ok=1
  [ ! -s "$tmp/second" ] || ok=1
  timeout 30 "$soothe" --stop || ok=1
  timeout 30 "$soothe" --start-therapy=heat --minutes=10 > "$tmp/heat" || ok=1
  grep -q '^  • Put a cloth between the pad and your skin\.$' "$tmp/heat" || ok=1
  timeout 30 "$soothe" --stop || ok=1
  kill $pid 2> /dev/null
  wait $pid 2> /dev/null
  [ $ok -eq 0 ] || sed 's/^/# /' "$tmp/first" "$tmp/second" "$tmp/heat" "$tmp/primary.log"
  return $ok
}

corrupt_state_kept_aside () {
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  mkdir -p "$(dirname "$state_file")"
  printf '{"format": 1, "state": "running", "kind": [' > "$state_file"
  [ "$(timeout 30 "$soothe" --status | head -n 1)" = "No therapy timer is running" ] || return 1
  [ ! -e "$state_file" ] && ls "$state_file".broken-* > /dev/null
}

history_file=$XDG_DATA_HOME/soothe/history.jsonl

# A wrong value is refused before anything is sent or written.
log_pain_refused () {
  local value
  rm -f "$history_file"
  for value in 11 -1 abc 4.5 "" 1e1 0x3 " " "4 5"; do
    timeout 30 "$soothe" "--log-pain=$value" --situation=knee-pain 2> "$tmp/err"
    [ $? -eq 1 ] || { echo "# --log-pain=$value was accepted"; return 1; }
    grep -q "whole number from 0 (none) to 10" "$tmp/err" || { sed 's/^/# /' "$tmp/err"; return 1; }
  done
  timeout 30 "$soothe" --log-pain=3 --situation=no-such-thing 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "no situation “no-such-thing”" "$tmp/err" || return 1
  timeout 30 "$soothe" --note=hello 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q -- "--note go with --log-pain" "$tmp/err" || return 1
  timeout 30 "$soothe" --log-pain=3 "--note=$(printf 'a%.0s' $(seq 1 281))" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "at most 280" "$tmp/err" || return 1
  timeout 30 "$soothe" --log-pain=3 "--note=$(printf 'bell\a')" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "control character" "$tmp/err" || return 1
  timeout 30 "$soothe" --log-pain=3 "--note=$(printf 'caf\303')" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "not valid UTF-8" "$tmp/err" || return 1
  [ ! -e "$history_file" ]
}

# Whether the running instance offers app.export-history, as GTK's menus see it.
export_enabled() {
  gdbus call --session --dest io.github.soothe.Soothe --object-path /io/github/soothe/Soothe \
    --method org.gtk.Actions.Describe export-history
}

# Logged in the running instance, changed the same day, exported as CSV.
log_pain_and_export () (
  [ -n "${DISPLAY:-}" ] || { echo "# skipped: no display"; return 0; }
  local pid ok=0 today
  rm -f "$history_file"
  today=$(date +%Y-%m-%d)
  "$soothe" --start-therapy=heat --minutes=5 > "$tmp/primary.log" 2>&1 &
  pid=$!
  wait_for_instance || { kill $pid; return 1; }
  # Export Diary… waits for something to export.
  export_enabled | grep -q false || { echo "# Export Diary… enabled with nothing logged"; ok=1; }
  timeout 30 "$soothe" --log-pain=6 --situation=knee-pain > "$tmp/out" || ok=1
  grep -qx "Logged 6 of 10 for Knee pain today." "$tmp/out" || ok=1
  export_enabled | grep -q true || { echo "# Export Diary… not enabled after logging"; ok=1; }
  timeout 30 "$soothe" --log-pain=4 --situation=knee-pain \
    "--note=$(printf 'stairs, "then"\n=the hill')" > /dev/null || ok=1
  timeout 30 "$soothe" --log-pain 2 --situation heel-pain --note=-2 > /dev/null || ok=1
  # Without --situation: the one shown last, here the first there is.
  timeout 30 "$soothe" --log-pain=0 > "$tmp/out" || ok=1
  grep -qx "Logged 0 of 10 for Burning pain in the upper back today." "$tmp/out" || ok=1
  [ "$(grep -c '"kind":"pain-logged"' "$history_file")" -eq 4 ] || ok=1

  mkdir -p "$tmp/out-dir"
  (cd "$tmp/out-dir" && timeout 30 "$soothe" --export-history=diary.csv) 2> "$tmp/err" || { ok=1; sed "s/^/# /" "$tmp/err"; }
  printf '%s\r\n' "date,situation,pain,note,therapy_minutes,stretches" \
    "$today,heel-pain,2,\"'-2\",0,0" \
    "$today,knee-pain,4,\"stairs, \"\"then\"\"" > "$tmp/expected"
  printf '%s\r\n' "=the hill\",0,0" "$today,upper-back-burning,0,,0,0" >> "$tmp/expected"
  # The note's own line break is LF; rows end in CRLF.
  python3 - "$tmp/expected" <<'PY' || ok=1
import sys
p = sys.argv[1]
data = open(p, 'rb').read().replace(b'then""\r\n=the', b'then""\n=the')
open(p, 'wb').write(data)
PY
  cmp "$tmp/expected" "$tmp/out-dir/diary.csv" || { ok=1; cat -A "$tmp/out-dir/diary.csv" | sed 's/^/# /'; }

  timeout 30 "$soothe" --export-history=/proc/soothe-diary.csv 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "/proc/soothe-diary.csv" "$tmp/err" || ok=1
  timeout 30 "$soothe" --export-history="$tmp/no/such/folder/diary.csv" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "does not exist" "$tmp/err" || ok=1
  [ ! -e "$tmp/no" ] || ok=1
  timeout 30 "$soothe" --export-history="$tmp/out-dir" 2> "$tmp/err"
  [ $? -eq 1 ] && grep -q "$tmp/out-dir" "$tmp/err" || ok=1

  timeout 30 "$soothe" --stop || ok=1
  kill $pid 2> /dev/null
  wait $pid 2> /dev/null
  [ $ok -eq 0 ] || sed 's/^/# /' "$tmp/primary.log" "$tmp/err"
  return $ok
)

check "--version" version
search_answers () {
  local out status
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$soothe" --search "chest hurts when I run" 2> "$tmp/err") || return 1
  [ ! -s "$tmp/err" ] || return 1
  # The red flag first, at most 10 lines, each ID TAB TITLE TAB KIND TAB PASSAGE.
  printf '%s\n' "$out" | head -1 | grep -qE $'^[a-z0-9-]+\t[^\t]+\temergency\t[^\t]*[Cc]hest' || return 1
  [ "$(printf '%s\n' "$out" | wc -l)" -le 10 ] || return 1
  ! printf '%s\n' "$out" | grep -vqE $'^[a-z][a-z0-9-]*\t[^\t]+\t(emergency|urgent|advice|summary|therapy|stretch|title)\t[^\t*]+$' || return 1
  # Words after the question need no quotes.
  [ "$("$soothe" --search wrist hurts after lifting | head -1 | cut -f1)" = wrist-pain-lifting ] || return 1
  # The same language as the window.
  [ "$(LANGUAGE=de "$soothe" --search "Knie tut beim Laufen weh" | head -1 | cut -f1)" = pain-running ] || return 1
  # Nothing to say: exit 1, nothing on stdout, a message that points to help.
  "$soothe" --search toothache > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ $status -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q "112" "$tmp/err" || return 1
  # Bad usage: exit 2.
  "$soothe" --search "   " > "$tmp/out" 2> "$tmp/err"
  [ $? -eq 2 ] && [ ! -s "$tmp/out" ] && [ -s "$tmp/err" ]
}

search_user_bundle () {
  mkdir -p "$XDG_DATA_HOME/soothe/bundles"
  cat > "$XDG_DATA_HOME/soothe/bundles/words.json" <<'JSON'
{"format": 1, "synonyms": [["patella", "knee"]]}
JSON
  local first
  first=$("$soothe" --search patella | head -1 | cut -f1)
  rm -f "$XDG_DATA_HOME/soothe/bundles/words.json"
  [ "$first" = knee-pain ]
}

check "--list-situations" list_situations
check "--search prints answers, red flags first, with exit codes" search_answers
check "--search uses user bundles" search_user_bundle
check "--check-bundle accepts the shipped bundle" check_good_bundle
check "--check-bundle rejects every bad bundle, naming the file" check_bad_bundles
check "--check-bundle with several files" check_several_files
check "--check-bundle on a missing file" check_missing_file
check "--check-bundle without files" check_without_files
check "--show with an unknown id" show_unknown
check "an unexpected argument" unexpected_argument
check "a bad user bundle is skipped and named" user_bundle_skipped
check "SOOTHE_QUIT_AFTER_FIRST_FRAME" quit_after_first_frame
check "--status with no instance running" status_without_instance
check "--start-therapy past the cap" minutes_over_cap
check "the timer survives kill -9, with --pause, --resume, --stop" timer_survives_kill
check "a corrupt state file is kept aside" corrupt_state_kept_aside
check "--stretch-now, and --status names the waiting reminder" stretch_now_and_status
check "a login start restores the timer and reminders with no window" login_start
check "--start-therapy shows the safety list once a day for each therapy" safety_list_in_terminal
check "--log-pain refuses wrong values and writes nothing" log_pain_refused
check "--log-pain in the running instance, and --export-history" log_pain_and_export
echo "1..$n"
exit $failed
