# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, as assistive technology drives Peitho: open the sample (a TEI copy made with
peitho-cli, so that Save writes in place), select a passage over the Text interface, activate the
palette button named "Metaphor", read the counts in the sidebar, press Save, and check the TEI on
disk. On the way, every control of the window must have a usable accessible name.

Usage (under tests/a11y/run-at-spi): test-a11y-e2e.py PEITHO PEITHO-CLI SAMPLE.txt"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from peitho_at_spi import (App, audit_names, descendant, descendants, fail, log, run,
                           set_text_selection, wait_for)

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PASSAGE = "a new nation"


def text_and_anchors(path):
    """The document's text (paragraphs joined by a blank line) and each anchor's offset."""
    tree = ET.parse(path)
    body = tree.getroot().find(f"{TEI}text/{TEI}body")
    if body is None:
        fail(f"{path}: no text/body")
    pieces, anchors, length = [], {}, 0

    def walk(element):
        nonlocal length
        if element.tag == f"{TEI}anchor":
            anchors[element.get(XML_ID)] = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)

    for i, p in enumerate(body.iter(f"{TEI}p")):
        if i:
            pieces.append("\n\n")
            length += 2
        walk(p)
    return tree, "".join(pieces), anchors


def check_saved(path, expected_start, expected_text):
    tree, text, anchors = text_and_anchors(path)
    spans = list(tree.getroot().iter(f"{TEI}span"))
    metaphors = [s for s in spans if s.get("ana") == "#metaphor"]
    if len(spans) != 1 or len(metaphors) != 1:
        fail(f"{path}: expected exactly one span, with ana=\"#metaphor\"; found "
             f"{[(s.get(XML_ID), s.get('ana')) for s in spans]}")
    span = metaphors[0]
    start_id = (span.get("from") or "").lstrip("#")
    end_id = (span.get("to") or "").lstrip("#")
    if start_id not in anchors or end_id not in anchors:
        fail(f"{path}: span {span.get(XML_ID)} points at anchors {start_id!r}/{end_id!r}, "
             f"which are not in the text (anchors: {sorted(anchors)})")
    start, end = anchors[start_id], anchors[end_id]
    if text[start:end] != expected_text or start != expected_start:
        fail(f"{path}: the metaphor covers [{start}, {end}) = {text[start:end]!r}, "
             f"expected [{expected_start}, {expected_start + len(expected_text)}) = "
             f"{expected_text!r}")
    log(f"saved TEI: span {span.get(XML_ID)} ana=#metaphor over {text[start:end]!r}")


def count_of(counts_list, tag_label):
    """The count shown beside TAG_LABEL in the sidebar's "Tag Counts" list."""
    for label in descendants(counts_list, lambda n: n.roleName == "label" and n.name == tag_label):
        siblings = [c for c in label.parent.children if c.roleName == "label"]
        after = siblings[siblings.index(label) + 1:] if label in siblings else []
        if after:
            return after[0].name
    return None


def main():
    exe, cli, sample = sys.argv[1:4]
    work = os.environ.get("PEITHO_AT_SPI_TMPDIR") or fail("run me under tests/a11y/run-at-spi")
    txt = os.path.join(work, "gettysburg-address.txt")
    tei = os.path.join(work, "gettysburg-address.xml")
    shutil.copyfile(sample, txt)
    result = subprocess.run([cli, "import", "-o", tei, txt], capture_output=True, text=True,
                            env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
    if result.returncode != 0:
        fail(f"peitho-cli import failed ({result.returncode}): {result.stderr}")
    before = os.stat(tei).st_mtime_ns

    app = App(exe, [tei], work)
    try:
        node = app.find()
        log(f"found the app as '{node.name}' (pid {app.proc.pid})")
        frame = descendant(node, "the main window (role frame)",
                           lambda n: n.roleName == "frame", 10)
        text = descendant(frame, "the text view named 'Text'",
                          lambda n: n.roleName == "text" and n.name == "Text", 15)
        iface = text.queryText()
        content = wait_for("the sample's text in the text view",
                           lambda: iface.characterCount > 1000 and iface.getText(0, -1))
        if "Four score and seven years ago" not in content:
            fail(f"the text view does not show the sample: {content[:80]!r}")
        total = descendant(frame, "the total '0 annotations' in the sidebar",
                           lambda n: n.roleName == "label" and n.name == "0 annotations")
        counts = descendant(frame, "the sidebar list 'Tag Counts'",
                            lambda n: n.roleName == "list" and n.name == "Tag Counts")

        # Reported at the end, so that a badly named control does not hide the rest.
        problems = audit_names(frame, "main window")

        start = content.index(PASSAGE)
        set_text_selection(text, start, start + len(PASSAGE))
        log(f"selected [{start}, {start + len(PASSAGE)}) {PASSAGE!r} over AT-SPI")

        palette = descendant(frame, "the 'Tag Palette'", lambda n: n.name == "Tag Palette")
        metaphor = descendant(palette, "the palette button 'Metaphor'",
                              lambda n: n.roleName == "push button" and n.name == "Metaphor")
        metaphor.doActionNamed("click")

        wait_for("the total '1 annotation' in the sidebar", lambda: total.name == "1 annotation",
                 10)
        wait_for("the count 1 beside 'Metaphor' in 'Tag Counts'",
                 lambda: count_of(counts, "Metaphor") == "1", 10)
        if count_of(counts, "Metonymy") != "0":
            fail(f"'Metonymy' counts {count_of(counts, 'Metonymy')!r}, expected '0'")
        log("sidebar: total '1 annotation', Metaphor 1")

        save = descendant(frame, "the header bar button 'Save'",
                          lambda n: n.roleName == "push button" and n.name == "Save")
        save.doActionNamed("click")

        def saved():
            if os.stat(tei).st_mtime_ns == before:
                return False
            try:
                return any(True for _ in ET.parse(tei).getroot().iter(f"{TEI}span"))
            except ET.ParseError:
                return False  # never half-written (atomic save), but be patient anyway
        wait_for(f"{tei} to be saved with the annotation", saved, 15)
        check_saved(tei, start, PASSAGE)
        app.assert_alive()

        criticals = [line for line in app.output().splitlines()
                     if "-CRITICAL" in line or "-WARNING" in line and "Gtk" in line]
        if criticals:
            fail("peitho printed criticals or GTK warnings:\n  " + "\n  ".join(criticals))
        if problems:
            fail("controls without a usable accessible name:\n  " + "\n  ".join(problems))
        log("every control of the main window has an accessible name")
    finally:
        app.stop()


if __name__ == "__main__":
    run(main)
