#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the translatable strings of a TEI tag set as NC_("tag set", ...) calls.

xgettext cannot take the definition of a tag out of its catDesc (it is the text between
<term> and <q>, without the ": " that follows the term), so ITS rules cannot extract what the
core looks up with g_dpgettext2 (GETTEXT_PACKAGE, "tag set", msgid). This script writes a C
file that only xgettext reads (it is listed in po/POTFILES and never compiled).

  tagset-strings.py [TAGSET.xml [OUT.c]]   write OUT.c
  tagset-strings.py --check [...]          exit 1 if OUT.c is not up to date
"""

import os
import sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SRCROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_IN = os.path.join(SRCROOT, "data", "tagsets", "peitho-rhetoric.xml")
DEFAULT_OUT = os.path.join(SRCROOT, "po", "peitho-rhetoric-strings.c")


def collapse(text):
    """Whitespace runs to one space, trimmed: what the reader does (peitho_tei_collapse)."""
    return " ".join(text.split())


def split_cat_desc(cat_desc):
    """Return (label, definition, example, abbreviation) the way the TEI reader reads a
    catDesc (src/core/peitho-tei-taxonomy.c, read_cat_desc)."""
    terms = cat_desc.findall(TEI + "term")
    term = next((t for t in terms if t.get("type") != "abbreviation"), None)
    abbr = next((t for t in terms if t.get("type") == "abbreviation"), None)
    example = cat_desc.find(TEI + "q")
    label = collapse("".join(term.itertext())) if term is not None else ""
    rest = [cat_desc.text or ""]
    for child in cat_desc:
        if child is not term and child is not abbr and child is not example:
            rest.append("".join(child.itertext()))
        rest.append(child.tail or "")
    definition = collapse("".join(rest)).lstrip(": ")
    example_text = collapse("".join(example.itertext())) if example is not None else ""
    abbr_text = collapse("".join(abbr.itertext())) if abbr is not None else ""
    return label, definition, example_text, abbr_text


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def entries(path):
    root = ET.parse(path).getroot()
    taxonomy = root.find(f".//{TEI}taxonomy")
    if taxonomy is None:
        sys.exit(f"{path}: no <taxonomy> element")
    # The reader takes the tag set's title from the taxonomy's desc, bibl or gloss.
    for name in ("desc", "bibl", "gloss"):
        title = taxonomy.find(TEI + name)
        if title is not None and collapse("".join(title.itertext())):
            yield "title of the built-in tag set", collapse("".join(title.itertext()))
            break
    for group in taxonomy.findall(TEI + "category"):
        yield from category_entries(group, "group")
        for tag in group.findall(TEI + "category"):
            yield from category_entries(tag, "tag")


def category_entries(category, kind):
    cat_desc = category.find(TEI + "catDesc")
    if cat_desc is None:
        return
    ident = category.get(XML_ID, "?")
    label, definition, example, abbreviation = split_cat_desc(cat_desc)
    if label:
        yield f"name of a {kind} of rhetorical devices ({ident})" if kind == "group" \
            else f"name of the rhetorical tag \u201c{ident}\u201d", label
    if abbreviation:
        yield (f"short label of \u201c{label}\u201d, drawn where a highlight begins; "
               "at most three letters, different from the other tags'"), abbreviation
    if definition:
        yield f"definition of the {kind} \u201c{label}\u201d, shown after its name", definition
    if example:
        yield f"an example of \u201c{label}\u201d; translate freely, keeping the device", example


def render(path):
    rel = os.path.relpath(path, SRCROOT)
    lines = [
        "/* SPDX-License-Identifier: GPL-3.0-or-later */",
        f"/* Generated from {rel} by build-aux/tagset-strings.py: do not edit.",
        " * Read by xgettext only (po/POTFILES), never compiled. */",
        "",
        "static const char *tag_set_strings[] = {",
    ]
    seen = set()
    for comment, text in entries(path):
        if text in seen:
            continue
        seen.add(text)
        lines.append(f"  /* Translators: {comment}. */")
        lines.append(f'  NC_("tag set", {c_string(text)}),')
    lines.append("};")
    return "\n".join(lines) + "\n"


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    src = args[0] if len(args) > 0 else DEFAULT_IN
    out = args[1] if len(args) > 1 else DEFAULT_OUT
    text = render(src)
    if check:
        try:
            with open(out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{out} is out of date: run build-aux/tagset-strings.py", file=sys.stderr)
            return 1
        return 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
