#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file under src/ (or a .ui template under resources/) with translatable strings is missing from po/POTFILES, or
# po/POTFILES names a file that does not exist.
set -euo pipefail

srcroot=${1:?usage: check-potfiles.sh SRCROOT}
cd "$srcroot"

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' po/POTFILES | grep -v '^$' | sort -u)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES: $f does not exist"
    status=1
  fi
done

# _("..."), N_(), C_(), NC_() in C; translatable="yes" in GtkBuilder files.
found=$( (grep -rlE --include='*.c' --include='*.h' '(^|[^[:alnum:]_])(_|N_|C_|NC_)\(' src || true
          grep -rl --include='*.ui' --include='*.blp' 'translatable' src resources || true) | sort -u)

for f in $found; do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "$f has translatable strings but is not in po/POTFILES"
    status=1
  fi
done

[ $status = 0 ] && echo "po/POTFILES lists all $(wc -w <<<"$found") source files with translatable strings"
exit $status
