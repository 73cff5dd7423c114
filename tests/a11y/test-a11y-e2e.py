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

import pyatspi

from peitho_at_spi import (App, audit_names, descendant, descendants, fail, focus_window,
                           is_focused, keys, log, run, set_text_selection, wait_for)

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PASSAGE = "a new nation"
KEYBOARD_PASSAGE = "our fathers"


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


def check_saved(path, expected):
    """EXPECTED: {tag id: (start, text)}, exactly the spans the saved document must have."""
    tree, text, anchors = text_and_anchors(path)
    spans = list(tree.getroot().iter(f"{TEI}span"))
    found = sorted(s.get("ana") for s in spans)
    if found != sorted(f"#{tag}" for tag in expected):
        fail(f"{path}: expected spans with ana {sorted(expected)}, found "
             f"{[(s.get(XML_ID), s.get('ana')) for s in spans]}")
    for span in spans:
        tag = span.get("ana")[1:]
        expected_start, expected_text = expected[tag]
        start_id = (span.get("from") or "").lstrip("#")
        end_id = (span.get("to") or "").lstrip("#")
        if start_id not in anchors or end_id not in anchors:
            fail(f"{path}: span {span.get(XML_ID)} points at anchors {start_id!r}/{end_id!r}, "
                 f"which are not in the text (anchors: {sorted(anchors)})")
        start, end = anchors[start_id], anchors[end_id]
        if text[start:end] != expected_text or start != expected_start:
            fail(f"{path}: the {tag} span covers [{start}, {end}) = {text[start:end]!r}, "
                 f"expected [{expected_start}, {expected_start + len(expected_text)}) = "
                 f"{expected_text!r}")
        log(f"saved TEI: span {span.get(XML_ID)} ana=#{tag} over {text[start:end]!r}")


def wait_saved(path, before, n_spans):
    def saved():
        if os.stat(path).st_mtime_ns == before:
            return False
        try:
            return len(list(ET.parse(path).getroot().iter(f"{TEI}span"))) == n_spans
        except ET.ParseError:
            return False  # never half-written (atomic save), but be patient anyway
    wait_for(f"{path} to be saved with {n_spans} annotation(s)", saved, 15)
    return os.stat(path).st_mtime_ns


def count_of(counts_list, tag_label):
    """The count shown beside TAG_LABEL in the sidebar's "Tag Counts" list."""
    for label in descendants(counts_list, lambda n: n.roleName == "label" and n.name == tag_label):
        siblings = [c for c in label.parent.children if c.roleName == "label"]
        after = siblings[siblings.index(label) + 1:] if label in siblings else []
        if after:
            return after[0].name
    return None


def audit_window(app, node, shortcut, what, library_internals):
    """Opens a window by SHORTCUT, audits its names, closes it with Escape."""
    main_window = node.children[0]
    focus_window(app)
    keys(shortcut)
    window = wait_for(f"the {what} window after {shortcut}", lambda: next(
        (w for w in node.children if w.roleName in ("frame", "dialog") and w != main_window
         and w.children), None), 10)
    problems = []
    if not window.name or window.name.startswith("Gtk") or window.name.startswith("Adw"):
        problems.append(f"{what} window: no title (exposed as {window.name!r})")
    problems += audit_names(window, f"{what} window", library_internals)
    log(f"audited the {what} window ({shortcut}): {len(problems)} problem(s)")
    keys("Escape")
    wait_for(f"the {what} window to close on Escape", lambda: len(
        [w for w in node.children if w.roleName in ("frame", "dialog")]) == 1, 5)
    return problems


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

    # The names looked for are the English ones, whatever the locale of the machine.
    app = App(exe, [tei], work, {"LC_ALL": "C.UTF-8", "LANGUAGE": ""})
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
        log("audited the names of the main window's controls")

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
        before = wait_saved(tei, before, 1)
        check_saved(tei, {"metaphor": (start, PASSAGE)})

        # The same from the keyboard alone: select with Shift+Ctrl+Right, tag with the palette's
        # shortcut Alt+2 (Metonymy), open the annotations at the cursor (Ctrl+I), save (Ctrl+S).
        focus_window(app)
        if not is_focused(text):
            try:
                text.grabFocus()
            except Exception:
                pass  # GTK 4.8 does not implement Component.GrabFocus; a click does it
        if not is_focused(text):
            x, y, width, _ = text.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            subprocess.run(["xdotool", "mousemove", str(x + width // 2), str(y + 20),
                            "click", "1"], check=True, timeout=10)
        wait_for("the keyboard focus in the text view", lambda: is_focused(text), 5)
        kstart = content.index(KEYBOARD_PASSAGE)
        iface.setCaretOffset(kstart)
        wait_for("the caret to move", lambda: iface.caretOffset == kstart, 5)
        keys("shift+ctrl+Right", "shift+ctrl+Right")
        wait_for(f"the keyboard selection {KEYBOARD_PASSAGE!r}", lambda: iface.getNSelections()
                 and tuple(iface.getSelection(0)) == (kstart, kstart + len(KEYBOARD_PASSAGE)), 5)
        keys("alt+2")
        wait_for("the total '2 annotations' after Alt+2", lambda: total.name == "2 annotations",
                 10)
        wait_for("the count 1 beside 'Metonymy' after Alt+2",
                 lambda: count_of(counts, "Metonymy") == "1", 10)
        log("keyboard: Shift+Ctrl+Right twice and Alt+2 tagged 'our fathers' as Metonymy")

        keys("ctrl+i")
        remove = descendant(node, "the annotation popover's 'Remove' button after Ctrl+I",
                            lambda n: n.roleName == "push button"
                            and (n.name or "").replace("_", "").startswith("Remove"), 10)
        popover = remove.parent.parent
        log("annotation popover: " + ", ".join(
            repr(b.name) for b in descendants(popover, lambda n: n.roleName == "push button")))
        problems += audit_names(popover, "annotation popover")
        keys("Escape")
        wait_for("the popover to close on Escape", lambda: is_focused(text), 5)
        keys("ctrl+s")
        wait_saved(tei, before, 2)
        check_saved(tei, {"metaphor": (start, PASSAGE),
                          "metonymy": (kstart, KEYBOARD_PASSAGE)})

        # The other windows, opened by their shortcuts: their controls need names too.
        problems += audit_window(app, node, "ctrl+comma", "Preferences", ())
        # GtkShortcutsWindow builds its own search entry and section switcher and leaves them
        # without a name in GTK 4.8; the app cannot reach them (private children).
        problems += audit_window(app, node, "ctrl+question", "Keyboard Shortcuts", (
            ("entry", "GtkSearchEntry"), ("push button", "GtkImage"),
            ("push button", "GtkMenuButton")))
        app.assert_alive()

        criticals = [line for line in app.output().splitlines()
                     if "-CRITICAL" in line or ("-WARNING" in line and "Gtk" in line)
                     or "runtime error:" in line or "Sanitizer" in line]
        report = []
        if criticals:
            report.append("peitho printed criticals, GTK warnings or sanitizer reports:\n  "
                          + "\n  ".join(criticals))
        if problems:
            report.append("controls without a usable accessible name:\n  "
                          + "\n  ".join(problems))
        if report:
            fail("\n".join(report))
        log("every control of the main, popover, preferences and shortcuts windows has a name")
    finally:
        app.stop()


if __name__ == "__main__":
    run(main)
