#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes collection-standoff.xml with catma-py's own writer (CATMA's TEI import format).

  PYTHONPATH=/path/to/catma-py python3 make-collection.py

The text is the first paragraph of the Gettysburg Address as Peitho imports it from
data/samples/gettysburg-address.txt; the offsets count its characters.
"""
import random
import uuid

from catma_py.catma import Annotation, Range, Tag, Tagset, TEIAnnotationWriter

random.seed(13)
from make_text import TEXT  # noqa: E402


def uid(n):
    return uuid.UUID(int=n)


def span(needle):
    start = TEXT.index(needle)
    return Range(start, start + len(needle))


figures = Tag("Figures", tag_uuid=uid(1), version="2026-11-30T10:00:00.000+0100", color=-1,
              author="Ada", color_prop_uuid=uid(101), author_prop_uuid=uid(102))
metaphor = Tag("metaphor", tag_uuid=uid(2), version="2026-11-30T10:00:00.000+0100", color=-2,
               author="Ada", parent=figures, color_prop_uuid=uid(103), author_prop_uuid=uid(104))
anaphora = Tag("anaphora", tag_uuid=uid(3), version="2026-11-30T10:00:00.000+0100", color=-3,
               author="Ada", parent=figures, color_prop_uuid=uid(105), author_prop_uuid=uid(106))
claim = Tag("Claim", tag_uuid=uid(4), version="2026-11-30T10:00:00.000+0100", color=-4,
            author="Ada", color_prop_uuid=uid(107), author_prop_uuid=uid(108))
tagset = Tagset("Rhetoric", [figures, metaphor, anaphora, claim],
                version="2026-11-30T10:00:00.000+0100", tagset_uuid=uid(9))

annotations = []
for n, (tag, needle, author, props) in enumerate([
        (metaphor, "brought forth", "Ada", {"certainty": "high"}),
        (claim, "all men are created equal", "Ada", {}),
        (anaphora, "conceived in Liberty", "Grace", {"comment": "not really anaphora"}),
        (metaphor, "new nation", "Grace", {}),
        (figures, "Four score and seven years ago", "Grace", {}),
        (claim, "dedicated to the proposition that all men are created equal", "Ada", {}),
]):
    anno = Annotation(tag, anno_uuid=uid(1000 + n))
    anno.ranges = [span(needle)]
    anno.add_property("catma_markupauthor", author, adhoc=True)
    for key, value in props.items():
        anno.add_property(key, value, adhoc=True)
    annotations.append(anno)

writer = TEIAnnotationWriter(len(TEXT), "Gettysburg, rhetoric", [tagset], [annotations],
                             author="Ada", documentid=uid(7))
writer.write_to_tei("collection-standoff.xml", write_on_stdout=False)
