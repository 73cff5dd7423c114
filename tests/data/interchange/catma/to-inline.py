#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns collection-standoff.xml (catma-py's pointer form) into collection-inline.xml, CATMA's
form with the text inside the segments: every ptr "#char=S,E" is replaced by characters S-E of
the text (the same TEXT as make-collection.py)."""
import re

from make_text import TEXT

with open("collection-standoff.xml", encoding="utf-8") as f:
    xml = f.read()


def text_of(match):
    start, end = int(match.group(1)), int(match.group(2))
    return (TEXT[start:end].replace("&", "&amp;").replace("<", "&lt;"))


xml = re.sub(r'<ptr target="catma://[^"#]*#char=(\d+),(\d+)" type="inclusion" />', text_of, xml)
with open("collection-inline.xml", "w", encoding="utf-8") as f:
    f.write(xml)
