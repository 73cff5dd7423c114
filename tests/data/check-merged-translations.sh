#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The merged desktop file and metainfo carry the translations of every language in po/LINGUAS.
set -euo pipefail

srcroot=${1:?usage: check-merged-translations.sh SRCROOT DESKTOP METAINFO}
desktop=${2:?}
metainfo=${3:?}
status=0
for lang in $(sed -e 's/#.*//' "$srcroot/po/LINGUAS"); do
  for key in Comment GenericName Keywords; do
    if ! grep -q "^$key\[$lang\]=" "$desktop"; then
      echo "$desktop: no $key[$lang]"
      status=1
    fi
  done
  if ! grep -q "<summary xml:lang=\"$lang\">" "$metainfo"; then
    echo "$metainfo: no <summary xml:lang=\"$lang\">"
    status=1
  fi
  if ! grep -q "<p xml:lang=\"$lang\">" "$metainfo"; then
    echo "$metainfo: no description paragraph in $lang"
    status=1
  fi
done
exit $status
