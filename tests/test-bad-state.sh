#!/usr/bin/env bash
# test-bad-state.sh: the real binary with a broken saved timer, a state folder
# it cannot create, and a state folder on a full disk.
#
#   test-bad-state.sh SOOTHE
#
# Runs on a private D-Bus session bus (so no other test's instance answers)
# and with XDG folders of its own.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

soothe=$1
app_id=io.github.soothe.Soothe

if [ -z "${SOOTHE_TEST_PRIVATE_BUS:-}" ]; then
  if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run > /dev/null || { echo "1..0 # SKIP no display and no xvfb-run"; exit 0; }
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
  fi
  # The bus and the services it starts (the accessibility registry) write to
  # stdout, which is TAP: give them stderr, and this script stdout on fd 3.
  SOOTHE_TEST_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@" 3>&1 1>&2
fi
if { true >&3; } 2> /dev/null; then exec 1>&3 3>&-; fi

tmp=$(mktemp -d)
primary=
cleanup () {
  [ -z "$primary" ] || kill -9 "$primary" 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache HOME=$tmp
export GSETTINGS_BACKEND=memory

n=0
failed=0

# check NAME COMMAND…
check () {
  local name=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n $name"; else echo "not ok $n $name"; failed=1; fi
}

has_owner () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" 2> /dev/null | grep -q true
}

wait_for_owner () {
  local i
  for i in $(seq 1 300); do
    has_owner && return 0
    sleep 0.05
  done
  echo "# no instance took the D-Bus name"; sed 's/^/# /' "$tmp/primary.log"
  return 1
}

wait_for_no_owner () {
  local i
  for i in $(seq 1 300); do
    has_owner || return 0
    sleep 0.05
  done
  echo "# an instance still owns the D-Bus name"
  return 1
}

stop_primary () {
  [ -n "$primary" ] || return 0
  kill -9 "$primary" 2> /dev/null
  wait "$primary" 2> /dev/null
  primary=
  wait_for_no_owner
}

# Broken saved timers ----------------------------------------------------

export XDG_STATE_HOME=$tmp/state
state_dir=$XDG_STATE_HOME/soothe
state_file=$state_dir/therapy.json

# A saved session as Soothe writes it, to break in different ways.
save_real_session () {
  "$soothe" --start-therapy=cold --minutes=15 > "$tmp/primary.log" 2>&1 &
  primary=$!
  wait_for_owner || return 1
  timeout 30 "$soothe" --status > /dev/null
  stop_primary
  cp "$state_file" "$tmp/good.json"
  rm -f "$state_file"
}

# Writes a broken state file of one kind.
make_broken () {
  mkdir -p "$state_dir"
  rm -rf "$state_file"
  case $1 in
    empty) : > "$state_file" ;;
    whitespace) printf ' \n\t\n' > "$state_file" ;;
    truncated) head -c "$(( $(wc -c < "$tmp/good.json") / 2 ))" "$tmp/good.json" > "$state_file" ;;
    nul-bytes) head -c 300 /dev/zero > "$state_file" ;;
    junk) head -c 4096 /dev/urandom > "$state_file" ;;
    nul-in-the-middle) { head -c 40 "$tmp/good.json"; printf '\0'; tail -c +41 "$tmp/good.json"; } > "$state_file" ;;
    wrong-root) printf '[1, 2, 3]\n' > "$state_file" ;;
    future-format) sed 's/"format" : 1/"format" : 2/' "$tmp/good.json" > "$state_file" ;;
    too-large) { cat "$tmp/good.json"; head -c 70000 /dev/zero | tr '\0' ' '; } > "$state_file" ;;
    huge-sparse) truncate -s 100M "$state_file" ;;
    deep-nesting) head -c 10000 /dev/zero | tr '\0' '[' > "$state_file" ;;
    utf16) iconv -f UTF-8 -t UTF-16 "$tmp/good.json" > "$state_file" ;;
    directory) mkdir -p "$state_file/inside" ;;
  esac
}

# With a broken file, the instance starts without a timer, keeps the file
# aside byte for byte, and a new session then saves normally.
broken_kept_aside () {
  local kind=$1 aside
  make_broken "$kind"
  [ -d "$state_file" ] || cp "$state_file" "$tmp/broken"
  rm -rf "$state_file".broken-*

  # The first line is the timer's; a reminder line may follow.
  timeout 30 "$soothe" --status > "$tmp/out" 2> "$tmp/err"
  [ "$(head -n 1 "$tmp/out")" = "No therapy timer is running" ] ||
    { echo "# --status after a $kind state file:"; sed 's/^/# /' "$tmp/out" "$tmp/err"; return 1; }
  [ ! -e "$state_file" ] || { echo "# the broken file is still in place"; return 1; }
  aside=$(ls -d "$state_file".broken-* 2> /dev/null)
  [ "$(printf '%s\n' "$aside" | grep -c .)" -eq 1 ] || { echo "# kept aside: ${aside:-nothing}"; return 1; }
  if [ -d "$aside" ]; then
    [ -d "$aside/inside" ] || { echo "# the folder lost what it held"; return 1; }
  else
    cmp -s "$aside" "$tmp/broken" || { echo "# the file kept aside differs from the broken one"; return 1; }
  fi

  # A new session is saved as usual, and the file kept aside stays as it was.
  "$soothe" --start-therapy=cold --minutes=15 > "$tmp/primary.log" 2>&1 &
  primary=$!
  wait_for_owner || return 1
  timeout 30 "$soothe" --status | grep -qE '^Cold pack: 1[45]:[0-5][0-9] left$' ||
    { echo "# no new session"; stop_primary; return 1; }
  timeout 30 "$soothe" --stop
  stop_primary
  [ -e "$aside" ] || { echo "# the file kept aside is gone"; return 1; }
  [ -d "$aside" ] || cmp -s "$aside" "$tmp/broken" || { echo "# the file kept aside changed"; return 1; }
  rm -rf "$aside"
}

# Two broken files found within the same second must not share one name,
# or the second would silently replace the first.
broken_twice_kept () {
  local i
  rm -rf "$state_dir"
  for i in 1 2 3; do
    mkdir -p "$state_dir"
    printf '{"broken": %d' "$i" > "$state_file"
    timeout 30 "$soothe" --status > /dev/null 2>&1
  done
  for i in 1 2 3; do
    grep -lq "\"broken\": $i" "$state_file".broken-* 2> /dev/null ||
      { echo "# broken file $i was lost; kept: $(ls "$state_dir" | tr "\n" " ")"; rm -rf "$state_dir"; return 1; }
  done
  rm -rf "$state_dir"
}

# A FIFO named like the state file: reading it would block for ever.
fifo_not_read () {
  local status
  rm -rf "$state_dir"; mkdir -p "$state_dir"
  mkfifo "$state_file"
  timeout 5 "$soothe" --status > "$tmp/out" 2>&1
  status=$?
  rm -rf "$state_dir"
  [ $status -eq 124 ] && { echo "# --status hung on reading a FIFO"; return 1; }
  [ $status -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "No therapy timer is running" ]
}

check "a real session is saved, to break" save_real_session
for kind in empty whitespace truncated nul-bytes junk nul-in-the-middle wrong-root future-format \
            too-large huge-sparse deep-nesting utf16 directory; do
  check "a $kind state file is kept aside and a new session saves" broken_kept_aside "$kind"
done
check "broken state files found within one second are all kept" broken_twice_kept
check "a FIFO as the state file does not hang start-up" fifo_not_read

# The reminder schedule and the history in odd shapes ----------------------

reminders_file=$state_dir/reminders.json
history_file=$XDG_DATA_HOME/soothe/history.jsonl

# Puts something odd of one kind at FILE.
make_odd () {
  local kind=$1 file=$2
  rm -rf "$file" "$file".broken-*
  mkdir -p "$(dirname "$file")"
  case $kind in
    fifo) mkfifo "$file" ;;
    link-to-zero) ln -s /dev/zero "$file" ;;
    link-to-file) printf '{}' > "$tmp/elsewhere"; ln -s "$tmp/elsewhere" "$file" ;;
    directory) mkdir -p "$file/inside" ;;
    huge-sparse) truncate -s 100G "$file" ;;
    junk) head -c 4096 /dev/urandom > "$file" ;;
    truncated) printf '{"format": 1, "next' > "$file" ;;
    empty) : > "$file" ;;
  esac
}

# Start-up never waits on an odd file: --status answers at once.
status_answers () {
  local status
  timeout 10 "$soothe" --status > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ $status -eq 124 ] && { echo "# --status hung"; return 1; }
  [ $status -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "No therapy timer is running" ] ||
    { echo "# --status:"; sed 's/^/# /' "$tmp/out" "$tmp/err"; return 1; }
}

# An odd reminder schedule is kept aside, whatever it is, and nothing it
# pointed to is touched.
odd_reminders_kept_aside () {
  local kind=$1 aside
  make_odd "$kind" "$reminders_file"
  status_answers || return 1
  [ ! -e "$reminders_file" ] && [ ! -L "$reminders_file" ] ||
    { echo "# the odd schedule is still in place"; return 1; }
  aside=$(ls -d "$reminders_file".broken-* 2> /dev/null)
  [ "$(printf '%s\n' "$aside" | grep -c .)" -eq 1 ] || { echo "# kept aside: ${aside:-nothing}"; return 1; }
  if [ "$kind" = link-to-file ]; then
    [ "$(cat "$tmp/elsewhere")" = '{}' ] || { echo "# the link's target changed"; return 1; }
  fi
  rm -rf "$aside"
}

# Two broken schedules in a row: the second never replaces the first.
broken_reminders_twice_kept () {
  local i
  rm -rf "$state_dir"
  for i in 1 2 3; do
    mkdir -p "$state_dir"
    printf '{"broken": %d' "$i" > "$reminders_file"
    timeout 10 "$soothe" --status > /dev/null 2>&1
  done
  for i in 1 2 3; do
    grep -lq "\"broken\": $i" "$reminders_file".broken-* 2> /dev/null ||
      { echo "# broken schedule $i was lost; kept: $(ls "$state_dir" | tr "\n" " ")"; return 1; }
  done
  rm -rf "$state_dir"
}

# An odd history is the person's record: start-up goes on, and it is left
# exactly where and as it is.
odd_history_left_alone () {
  local kind=$1
  make_odd "$kind" "$history_file"
  status_answers || return 1
  case $kind in
    fifo) [ -p "$history_file" ] ;;
    link-to-zero|link-to-file) [ -L "$history_file" ] ;;
    directory) [ -d "$history_file/inside" ] ;;
    *) [ -f "$history_file" ] ;;
  esac || { echo "# the history was moved or changed"; return 1; }
  ! ls -d "$history_file".broken-* > /dev/null 2>&1 || { echo "# the history was kept aside"; return 1; }
  rm -rf "$history_file"
}

for kind in fifo link-to-zero link-to-file directory huge-sparse junk truncated empty; do
  check "a reminder schedule that is a $kind does not hang and is kept aside" \
    odd_reminders_kept_aside "$kind"
done
check "broken reminder schedules found within one second are all kept" broken_reminders_twice_kept

# Files Soothe may not read: start-up goes on and says so; nothing is lost.
unreadable_left_alone () {
  local file=$1
  rm -rf "$file" "$file".broken-*
  mkdir -p "$(dirname "$file")"
  printf '{"mine": true}\n' > "$file"
  chmod 000 "$file"
  status_answers || { chmod 600 "$file"; return 1; }
  chmod 600 "$file" "$file".broken-* 2> /dev/null
  # Kept aside (the schedule) or left in place (the history), never emptied.
  grep -qs '"mine": true' "$file" "$file".broken-* || { echo "# the unreadable file was lost"; return 1; }
  rm -rf "$file" "$file".broken-*
}

if [ "$(id -u)" -ne 0 ]; then
  check "an unreadable reminder schedule does not stop start-up" unreadable_left_alone "$reminders_file"
  check "an unreadable history does not stop start-up" unreadable_left_alone "$history_file"
else
  for name in "reminder schedule" history; do
    n=$((n + 1))
    echo "ok $n an unreadable $name # SKIP root reads every file"
  done
fi
for kind in fifo link-to-zero directory huge-sparse junk; do
  check "a history that is a $kind does not hang and is left as it is" odd_history_left_alone "$kind"
done

# A state folder that cannot be created ---------------------------------

# Root ignores permissions, so the folder's parent is a file: mkdir fails
# for everyone. The timer keeps running in memory.
unwritable_keeps_running () {
  local ok=0
  export XDG_STATE_HOME=$tmp/file-not-dir
  : > "$XDG_STATE_HOME"

  "$soothe" --start-therapy=cold --minutes=15 > "$tmp/primary.log" 2>&1 &
  primary=$!
  wait_for_owner || return 1
  timeout 30 "$soothe" --status | grep -qE '^Cold pack: 1[45]:[0-5][0-9] left$' || ok=1
  timeout 30 "$soothe" --pause && timeout 30 "$soothe" --status | grep -q '(paused)$' || ok=1
  timeout 30 "$soothe" --resume && timeout 30 "$soothe" --status | grep -qE 'left$' || ok=1
  kill -0 "$primary" || { echo "# the instance died"; ok=1; }
  [ -f "$XDG_STATE_HOME" ] && [ ! -s "$XDG_STATE_HOME" ] || { echo "# the file changed"; ok=1; }
  timeout 30 "$soothe" --stop || ok=1
  stop_primary
  export XDG_STATE_HOME=$tmp/state
  return $ok
}

check "a state folder that cannot be created: the timer runs in memory" unwritable_keeps_running

# A full disk ---------------------------------------------------------------

# A 4 KiB tmpfs, filled up, mounted on the state folder in a mount namespace
# of the instance's own (a user namespace too, so no privilege is needed).
full_disk_keeps_running () {
  local ok=0 dir=$tmp/full-state
  mkdir -p "$dir/soothe"
  XDG_STATE_HOME=$dir unshare -rm sh -c '
      mount -t tmpfs -o size=4k,nr_inodes=64 tmpfs "$1/soothe" || exit 99
      head -c 1M /dev/zero > "$1/soothe/filler" 2> /dev/null
      "$2" --start-therapy=cold --minutes=15
      status=$?
      ls -A "$1/soothe" > "$3/full-listing"
      exit $status' sh "$dir" "$soothe" "$tmp" > "$tmp/primary.log" 2>&1 &
  primary=$!
  wait_for_owner || { stop_primary; return 1; }
  timeout 30 "$soothe" --status | grep -qE '^Cold pack: 1[45]:[0-5][0-9] left$' || ok=1
  timeout 30 "$soothe" --pause && timeout 30 "$soothe" --status | grep -q '(paused)$' || ok=1
  timeout 30 "$soothe" --resume && timeout 30 "$soothe" --status | grep -qE 'left$' || ok=1
  # Stopped, the instance has nothing left to do and exits by itself.
  timeout 30 "$soothe" --stop || ok=1
  wait "$primary"
  [ $? -eq 0 ] || { echo "# the instance failed:"; sed 's/^/# /' "$tmp/primary.log"; ok=1; }
  primary=
  # Nothing half-written was left on the full disk.
  [ "$(cat "$tmp/full-listing")" = filler ] || { echo "# left: $(cat "$tmp/full-listing")"; ok=1; }
  return $ok
}

if unshare -rm sh -c 'mount -t tmpfs -o size=4k tmpfs "$1"' sh "$tmp" 2> /dev/null; then
  check "a full disk: the timer runs in memory, nothing half-written" full_disk_keeps_running
else
  n=$((n + 1))
  echo "ok $n a full disk # SKIP cannot mount a small tmpfs in a user namespace here"
fi

echo "1..$n"
exit $failed
