#!/usr/bin/env bash
# test-crash-safety.sh: a therapy session and the history survive SIGKILL at
# any moment.
#
#   test-crash-safety.sh SOOTHE [ITERATIONS]
#
# Starts a cold session in the real binary, then again and again: maybe pauses
# or resumes it, kills the running instance with SIGKILL after a random delay
# (often none: right after the command returned), starts a new instance (with
# its window, or as a windowless D-Bus service) and checks with --status that it restored the session: paused or running as it
# was, with the time left within two seconds of what the clock says.
#
# Runs on a private D-Bus session bus (so no other test's instance answers)
# and with XDG folders of its own.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

soothe=$1
iterations=${2:-10}
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
  [ -z "$primary" ] || kill -9 "$primary" 2> /dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state
export XDG_CACHE_HOME=$tmp/cache HOME=$tmp
export GSETTINGS_BACKEND=memory
state_file=$XDG_STATE_HOME/soothe/therapy.json
# A seed in the log makes a failure repeatable: SOOTHE_TEST_SEED=N.
seed=${SOOTHE_TEST_SEED:-$$}
RANDOM=$seed
echo "# seed $seed"

now () { date +%s.%N; }

# Seconds as a decimal, from "M:SS" or "H:MM:SS".
to_seconds () {
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<< "$1"
}

has_owner () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" 2> /dev/null | grep -q true
}

wait_for_owner () {
  local i
  for i in $(seq 1 300); do
    has_owner && return 0
    kill -0 "$primary" 2> /dev/null || { echo "# the instance exited:"; sed 's/^/# /' "$tmp/primary.log"; return 1; }
    sleep 0.05
  done
  echo "# the instance never took its D-Bus name"
  return 1
}

wait_for_no_owner () {
  local i
  for i in $(seq 1 200); do
    has_owner || return 0
    sleep 0.05
  done
  echo "# the killed instance still owns its D-Bus name"
  return 1
}

# Sets $line to the timer's line of --status, from the running instance, and
# $asked to the middle of the call: the instance looked at its clock at some
# moment in it, and the call takes a while under a sanitizer. --status rounds
# up to whole seconds, so $shown is the time left plus half a second at most.
status_line () {
  local before after
  before=$(now)
  line=$(timeout 30 "$soothe" --status | grep -E '^Cold pack: ' || true)
  after=$(now)
  asked=$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.3f", (a + b) / 2 }')
  shown=$(awk -v s="$(to_seconds "$(sed -E 's/^Cold pack: ([0-9:]+) left.*/\1/' <<< "$line")")" \
    'BEGIN { printf "%.3f", s - 0.5 }')
}

kill_primary () {
  kill -9 "$primary"
  wait "$primary" 2> /dev/null || true
  primary=
  wait_for_no_owner
}

# What we expect: while running, it ends at $deadline (seconds, as now prints);
# while paused, $left seconds are left.
paused=0
deadline=
left=

# At time $1.
expected_left () {
  if [ $paused -eq 1 ]; then
    echo "$left"
  else
    awk -v d="$deadline" -v n="$1" 'BEGIN { printf "%.3f", d - n }'
  fi
}

n=0
failed=0
report () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi
}

# Checks --status against what we expect; $1 names the moment.
check_restored () {
  local expected
  status_line
  expected=$(expected_left "$asked")
  if [ -z "$line" ]; then
    echo "# no timer after the restart; state file:"; sed 's/^/# /' "$state_file" 2> /dev/null || echo "# (none)"
    return 1
  fi
  echo "# $1: \"$line\", expected ${expected}s left$([ $paused -eq 1 ] && echo ", paused")"
  if [ $paused -eq 1 ] && [[ $line != *"(paused)" ]]; then
    echo "# it should be paused"; return 1
  fi
  if [ $paused -eq 0 ] && [[ $line == *"(paused)" ]]; then
    echo "# it should be running"; return 1
  fi
  awk -v s="$shown" -v e="$expected" \
    'BEGIN { d = s - e; if (d < 0) d = -d; exit !(d <= 2.0) }' ||
    { echo "# off by more than two seconds"; return 1; }
}

started=$(now)

# The first instance starts the session itself.
"$soothe" --start-therapy=cold --minutes=15 > "$tmp/primary.log" 2>&1 &
primary=$!
wait_for_owner
status_line
[ -n "$line" ] || { echo "Bail out! no session after --start-therapy"; exit 1; }
# Anchored on what the session says, not on when it was asked for.
deadline=$(awk -v a="$asked" -v s="$shown" 'BEGIN { printf "%.3f", a + s }')
echo "# started: \"$line\""

for i in $(seq 1 "$iterations"); do
  action=none
  case $((RANDOM % 3)) in
    0) if [ $paused -eq 1 ]; then action=resume; else action=pause; fi ;;
    1) if [ $paused -eq 1 ]; then action=resume; fi ;;
    *) ;;
  esac

  if [ $action != none ]; then
    before=$(now)
    timeout 30 "$soothe" --$action
    after=$(now)
    # It acted at some moment in between: take the middle (±0.5 s at worst
    # under a sanitizer, well within the tolerance).
    middle=$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.3f", (a + b) / 2 }')
    if [ $action = pause ]; then
      left=$(awk -v d="$deadline" -v m="$middle" 'BEGIN { printf "%.3f", d - m }')
      paused=1
    else
      deadline=$(awk -v l="$left" -v m="$middle" 'BEGIN { printf "%.3f", m + l }')
      paused=0
    fi
  fi

  # Right after the command (the save must already be on disk), or a little
  # later, or while the new instance may still be starting up.
  delay=0
  case $((RANDOM % 3)) in
    0) delay=0 ;;
    1) delay=0.$((RANDOM % 10))$((RANDOM % 10)) ;;
    *) delay=0.$((RANDOM % 4)) ;;
  esac
  sleep "$delay"
  kill_primary

  # A new instance restores the session: every other time one that opens the
  # window, else a D-Bus service with no window, kept alive by the timer alone.
  # After some iterations it is killed during its start-up, before it could
  # even answer.
  if [ $((i % 2)) -eq 0 ]; then restart=("$soothe"); else restart=("$soothe" --gapplication-service); fi
  if [ $((RANDOM % 4)) -eq 0 ]; then
    "${restart[@]}" > "$tmp/primary.log" 2>&1 &
    primary=$!
    sleep 0.$((RANDOM % 3))
    kill -9 "$primary" 2> /dev/null || true
    wait "$primary" 2> /dev/null || true
    primary=
    wait_for_no_owner
    echo "# killed an instance during its start-up"
  fi
  "${restart[@]}" > "$tmp/primary.log" 2>&1 &
  primary=$!
  wait_for_owner

  status=0
  check_restored "after $action, killed after ${delay}s, restarted as ${restart[*]##*/}" || status=1
  report $status "restored after $action and SIGKILL (iteration $i)"
done

# No file was left half-written or aside.
leftovers=$(find "$XDG_STATE_HOME/soothe" -mindepth 1 ! -name therapy.json)
[ -z "$leftovers" ] && status=0 || { echo "# left in the state folder: $leftovers"; status=1; }
report $status "nothing but therapy.json in the state folder"

timeout 30 "$soothe" --stop
kill_primary
[ ! -e "$state_file" ] && status=0 || status=1
report $status "--stop removes the saved session"

# The history survives SIGKILL while it is written -------------------------

history_file=$XDG_DATA_HOME/soothe/history.jsonl
object_path=/$(tr . / <<< "$app_id")

# Fires a reminder and answers it: one line in the history, written before
# the D-Bus call returns.
answer_reminder () {
  local answer=$1
  gdbus call --session --dest "$app_id" --object-path "$object_path" \
    --method org.gtk.Actions.Activate stretch-now [] {} > /dev/null 2>&1 &&
  gdbus call --session --dest "$app_id" --object-path "$object_path" \
    --method org.gtk.Actions.Activate "reminder-$answer" [] {} > /dev/null 2>&1
}

# Every line is a whole event but at most one torn line for each kill ($2);
# $1 is the fewest whole lines there must be.
history_whole () {
  python3 - "$history_file" "$1" "$2" <<'PYTHON'
import json, sys
path, least, kills = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "rb") as f:
    lines = f.read().split(b"\n")
torn = lines.pop() if lines and lines[-1] != b"" else None
if lines and lines[-1] == b"":
    lines.pop()
bad = []
good = 0
for number, line in enumerate(lines, 1):
    try:
        event = json.loads(line)
        assert isinstance(event, dict) and "time" in event and "kind" in event
        good += 1
    except Exception:
        bad.append(number)
# A torn line can only be the last one written before a kill; the next
# append starts a fresh line after it, so it may sit in the middle too.
print(f"# {good} whole lines (at least {least}), damaged: {bad}")
if len(bad) + (torn is not None) > kills or good < least:
    print(f"# torn end: {torn!r}")
    sys.exit(1)
PYTHON
}

rm -rf "$XDG_DATA_HOME/soothe"
written=0
for i in $(seq 1 "$iterations"); do
  if [ $((i % 2)) -eq 0 ]; then restart=("$soothe"); else restart=("$soothe" --gapplication-service); fi
  "${restart[@]}" > "$tmp/primary.log" 2>&1 &
  primary=$!
  wait_for_owner
  # Answers the instance confirmed, then a burst it is killed in the middle of.
  for answer in done skip snooze; do
    answer_reminder "$answer" && written=$((written + 1))
  done
  for k in 1 2 3 4 5 6; do answer_reminder skip & done
  sleep 0.0$((RANDOM % 10))
  kill_primary
  wait 2> /dev/null || true

  status=0
  history_whole "$written" "$i" || status=1
  report $status "the history is whole after SIGKILL in a burst of writes (iteration $i)"
  written=$(python3 -c 'import sys; print(sum(1 for l in open(sys.argv[1], "rb") if l.strip().startswith(b"{") and l.strip().endswith(b"}")))' "$history_file")
done

# A new instance reads it, with at most the one torn line named.
"$soothe" --gapplication-service > "$tmp/primary.log" 2>&1 &
primary=$!
wait_for_owner
answer_reminder done && written=$((written + 1))
kill_primary
status=0
history_whole "$written" "$iterations" || status=1
report $status "a new instance adds after what the kills left"

echo "# $(awk -v s="$started" -v n="$(now)" 'BEGIN { printf "%.1f", n - s }') s"
echo "1..$n"
exit $failed
