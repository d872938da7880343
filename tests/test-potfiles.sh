#!/usr/bin/env bash
# test-potfiles.sh: every source file with translatable strings is listed in
# po/POTFILES.in, so that no string escapes the translators.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

top=$1
cd "$top" || exit 1
status=0
n=0

while IFS= read -r file; do
  n=$((n + 1))
  if grep -qx "$file" po/POTFILES.in; then
    echo "ok $n $file"
  else
    echo "not ok $n $file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done < <(grep -rlE '(^|[^a-zA-Z_])(N?_|ngettext|C_) ?\("|translatable="yes"' src data \
           --include='*.c' --include='*.ui' --include='*.in' | sort)

while IFS= read -r file; do
  n=$((n + 1))
  if [ -f "$file" ]; then
    echo "ok $n $file exists"
  else
    echo "not ok $n po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done < po/POTFILES.in

echo "1..$n"
exit $status
