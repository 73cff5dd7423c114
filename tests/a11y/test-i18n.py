# SPDX-License-Identifier: GPL-3.0-or-later
"""Peitho in German and French: start the window under LANGUAGE=de and LANGUAGE=fr with the
translations of the build tree, and read over AT-SPI what a person sees: the Open button, the
tag palette's buttons and the sidebar's group rows and total. The expected words come from the
built .mo files (so the test follows the translators), and each must be in the catalogue: a
string missing from po/LANG.po fails, it is not silently shown in English.

Usage (under tests/a11y/run-at-spi): test-i18n.py PEITHO SAMPLE.txt LOCALEDIR
Set PEITHO_SCREENSHOT_DIR to keep a screenshot of each language (peitho-LANG.png)."""

import gettext
import os
import shutil
import subprocess
import sys

from peitho_at_spi import App, descendant, descendants, fail, log, run, wait_for

TAGS = ["Metaphor", "Anaphora", "Ethos", "Claim"]
GROUPS = ["Tropes", "Schemes", "Appeals", "Argument"]


def expected(catalog, lang, msgid, untranslated, context=None):
    """The translation of MSGID, or None (noted in UNTRANSLATED) when the catalogue lacks it."""
    key = f"{context}\x04{msgid}" if context else msgid
    if key not in catalog._catalog:  # pylint: disable=protected-access
        where = f" (msgctxt {context!r})" if context else ""
        untranslated.append(f"{msgid!r}{where} is missing from po/{lang}.po")
        return None
    return catalog.pgettext(context, msgid) if context else catalog.gettext(msgid)


def check_language(exe, sample, localedir, lang, work):
    catalog = gettext.translation("peitho", localedir=localedir, languages=[lang])
    untranslated = []
    open_label = expected(catalog, lang, "_Open", untranslated)
    open_label = open_label and open_label.replace("_", "")
    # The tag set's strings carry the context "tag set" (po/peitho-rhetoric-strings.c).
    tags = {t: expected(catalog, lang, t, untranslated, "tag set") for t in TAGS}
    groups = {g: expected(catalog, lang, g, untranslated, "tag set") for g in GROUPS}
    if tags["Metaphor"] is None:
        fail(f"{lang}: " + "; ".join(untranslated))
    total = None
    if ("%u annotation", 0) in catalog._catalog:  # pylint: disable=protected-access
        total = catalog.ngettext("%u annotation", "%u annotations", 0) % 0
    else:
        untranslated.append(f"'%u annotation' (plural) is missing from po/{lang}.po")

    env = {"LANGUAGE": lang, "LANG": "C.UTF-8", "PEITHO_LOCALEDIR": localedir,
           "XDG_DATA_HOME": os.path.join(work, lang, "data"),
           "XDG_CACHE_HOME": os.path.join(work, lang, "cache")}
    env.update({k: "" for k in ("LC_ALL", "LC_MESSAGES")})
    app = App(exe, [sample], work, env)
    try:
        frame = descendant(app.find(), "the main window", lambda n: n.roleName == "frame", 10)
        palette = descendant(frame, "the tag palette",
                             lambda n: n.roleName == "push button" and n.name == tags["Metaphor"],
                             15).parent.parent
        missing = list(untranslated)
        tags = {k: v for k, v in tags.items() if v}
        groups = {k: v for k, v in groups.items() if v}
        for english, translated in tags.items():
            if not descendants(palette, lambda n, t=translated:
                               n.roleName == "push button" and n.name == t):
                missing.append(f"palette button {translated!r} (for {english!r})")
        # The list that holds the translated tag: the welcome page has a list too (recent files).
        counts = descendant(frame, "the sidebar's tag counts", lambda n: n.roleName == "list"
                            and descendants(n, lambda m: m.roleName == "label"
                                            and m.name == tags["Metaphor"]))
        for english, translated in groups.items():
            if not descendants(counts, lambda n, t=translated:
                               n.roleName == "label" and n.name == t):
                missing.append(f"sidebar group {translated!r} (for {english!r})")
        # The name may still carry GTK 4.8's mnemonic leak ("_Öffnen Öffnen", see
        # /work/notes/A11Y.md); the a11y-e2e test judges names, this one the language.
        if open_label and not descendants(frame, lambda n: n.roleName == "push button"
                                          and open_label in (n.name or "").replace("_", "")):
            missing.append(f"header bar button {open_label!r} (for 'Open')")
        try:
            if total:
                wait_for(f"the total {total!r}", lambda: descendants(
                    frame, lambda n: n.roleName == "label" and n.name == total), 5)
        except Exception:
            missing.append(f"sidebar total {total!r}")
        english_left = [t for t, tr in tags.items() if t != tr and descendants(
            frame, lambda n, t=t: n.roleName == "push button" and n.name == t)]
        if english_left:
            missing.append(f"English palette buttons still shown: {english_left}")

        shots = os.environ.get("PEITHO_SCREENSHOT_DIR")
        if shots:
            subprocess.run(["import", "-window", "root",
                            os.path.join(shots, f"peitho-{lang}.png")], check=False)
        if missing:
            fail(f"LANGUAGE={lang}: not translated or not shown translated:\n  "
                 + "\n  ".join(missing))
        app.assert_alive()
        log(f"{lang}: {open_label}, {', '.join(tags.values())}, {', '.join(groups.values())}, "
            f"{total!r}")
    finally:
        app.stop()


def main():
    exe, sample_txt, localedir = sys.argv[1:4]
    work = os.environ.get("PEITHO_AT_SPI_TMPDIR") or fail("run me under tests/a11y/run-at-spi")
    sample = os.path.join(work, "gettysburg-address.txt")
    shutil.copyfile(sample_txt, sample)
    errors = []
    for lang in ("de", "fr"):
        try:
            check_language(exe, sample, localedir, lang, work)
        except Exception as error:  # check both languages, then fail
            errors.append(str(error))
    if errors:
        fail("\n".join(errors))


if __name__ == "__main__":
    run(main)
