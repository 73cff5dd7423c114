#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a .po file in po/LINGUAS has untranslated or fuzzy messages, or a format error.
#   check-po.sh SRCROOT           the .po files as they are
#   check-po.sh --current SRCROOT  the .po files merged with a pot made now from po/POTFILES
#                                  (catches strings added to the sources but never translated)
set -euo pipefail

current=0
if [ "${1:-}" = --current ]; then
  current=1
  shift
fi
srcroot=${1:?usage: check-po.sh [--current] SRCROOT}
podir=$srcroot/po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ $current = 1 ]; then
  # The keywords of meson's i18n 'glib' preset, which builds po/peitho.pot.
  (cd "$srcroot" && xgettext --package-name=peitho -f po/POTFILES -D . -o "$tmp/peitho.pot" \
    --from-code=UTF-8 --add-comments -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dcgettext:2 \
    -kg_dngettext:2,3 -kg_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
    --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format)
fi

status=0
langs=$(sed -e 's/#.*//' "$podir/LINGUAS")
[ -n "${langs//[[:space:]]/}" ] || { echo "po/LINGUAS lists no language"; exit 1; }
for lang in $langs; do
  po=$podir/$lang.po
  if [ ! -f "$po" ]; then
    echo "$po: missing (listed in po/LINGUAS)"
    status=1
    continue
  fi
  if [ $current = 1 ]; then
    msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/peitho.pot"
    po=$tmp/$lang.po
  fi
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$lang.po: msgfmt --check failed:"
    echo "$stats"
    status=1
    continue
  fi
  echo "$lang.po: $stats"
  # msgfmt prints e.g. "230 translated messages, 2 fuzzy translations, 5 untranslated messages."
  if [[ $stats =~ fuzzy|untranslated ]]; then
    status=1
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$po")
    untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$po")
    [ -z "$fuzzy" ] || printf '%s: fuzzy messages:\n%s\n' "$lang.po" "$fuzzy"
    [ -z "$untranslated" ] || printf '%s: untranslated messages:\n%s\n' "$lang.po" "$untranslated"
  fi
done
if [ $status != 0 ] && [ $current = 1 ]; then
  echo "Translate the strings above: ninja -C BUILDDIR peitho-pot peitho-update-po, then edit po/*.po."
fi
exit $status
