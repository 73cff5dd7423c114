/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Generated from data/tagsets/peitho-rhetoric.xml by build-aux/tagset-strings.py: do not edit.
 * Read by xgettext only (po/POTFILES), never compiled. */

static const char *tag_set_strings[] = {
  /* Translators: title of the built-in tag set. */
  NC_("tag set", "Rhetoric and argument"),
  /* Translators: name of a group of rhetorical devices (tropes). */
  NC_("tag set", "Tropes"),
  /* Translators: definition of the group “Tropes”, shown after its name. */
  NC_("tag set", "figures that turn a word or phrase away from its ordinary meaning."),
  /* Translators: name of the rhetorical tag “metaphor”. */
  NC_("tag set", "Metaphor"),
  /* Translators: short label of “Metaphor”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Met"),
  /* Translators: definition of the tag “Metaphor”, shown after its name. */
  NC_("tag set", "speaking of one thing in terms of another, without a word of comparison such as “like”."),
  /* Translators: an example of “Metaphor”; translate freely, keeping the device. */
  NC_("tag set", "The committee was a swamp in which every proposal sank."),
  /* Translators: name of the rhetorical tag “metonymy”. */
  NC_("tag set", "Metonymy"),
  /* Translators: short label of “Metonymy”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Mtn"),
  /* Translators: definition of the tag “Metonymy”, shown after its name. */
  NC_("tag set", "naming a thing by something closely associated with it."),
  /* Translators: an example of “Metonymy”; translate freely, keeping the device. */
  NC_("tag set", "The palace has refused to comment on the rumours."),
  /* Translators: name of the rhetorical tag “synecdoche”. */
  NC_("tag set", "Synecdoche"),
  /* Translators: short label of “Synecdoche”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Syn"),
  /* Translators: definition of the tag “Synecdoche”, shown after its name. */
  NC_("tag set", "letting a part stand for the whole, or the whole for a part."),
  /* Translators: an example of “Synecdoche”; translate freely, keeping the device. */
  NC_("tag set", "At harvest time the farm needed every pair of hands it could find."),
  /* Translators: name of the rhetorical tag “irony”. */
  NC_("tag set", "Irony"),
  /* Translators: short label of “Irony”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Iro"),
  /* Translators: definition of the tag “Irony”, shown after its name. */
  NC_("tag set", "saying the opposite of what is meant, or something other than it, so that the listener notices the gap."),
  /* Translators: an example of “Irony”; translate freely, keeping the device. */
  NC_("tag set", "After the third delay, she thanked the railway for its famous punctuality."),
  /* Translators: name of the rhetorical tag “hyperbole”. */
  NC_("tag set", "Hyperbole"),
  /* Translators: short label of “Hyperbole”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Hyp"),
  /* Translators: definition of the tag “Hyperbole”, shown after its name. */
  NC_("tag set", "deliberate exaggeration for emphasis, not meant to be taken literally."),
  /* Translators: an example of “Hyperbole”; translate freely, keeping the device. */
  NC_("tag set", "I have read this memo a thousand times and still cannot find the point."),
  /* Translators: name of the rhetorical tag “litotes”. */
  NC_("tag set", "Litotes"),
  /* Translators: short label of “Litotes”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Lit"),
  /* Translators: definition of the tag “Litotes”, shown after its name. */
  NC_("tag set", "affirming something by denying its opposite, usually as understatement."),
  /* Translators: an example of “Litotes”; translate freely, keeping the device. */
  NC_("tag set", "The new bridge is not without its critics."),
  /* Translators: name of a group of rhetorical devices (schemes). */
  NC_("tag set", "Schemes"),
  /* Translators: definition of the group “Schemes”, shown after its name. */
  NC_("tag set", "figures that work through the arrangement, repetition or sound of words rather than their meaning."),
  /* Translators: name of the rhetorical tag “anaphora”. */
  NC_("tag set", "Anaphora"),
  /* Translators: short label of “Anaphora”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Ana"),
  /* Translators: definition of the tag “Anaphora”, shown after its name. */
  NC_("tag set", "repeating the same word or phrase at the beginning of successive clauses or sentences."),
  /* Translators: an example of “Anaphora”; translate freely, keeping the device. */
  NC_("tag set", "We will reopen the library, we will repair the school, we will replant the park."),
  /* Translators: name of the rhetorical tag “epistrophe”. */
  NC_("tag set", "Epistrophe"),
  /* Translators: short label of “Epistrophe”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Epi"),
  /* Translators: definition of the tag “Epistrophe”, shown after its name. */
  NC_("tag set", "repeating the same word or phrase at the end of successive clauses or sentences."),
  /* Translators: an example of “Epistrophe”; translate freely, keeping the device. */
  NC_("tag set", "They asked for bread and were given promises; they asked for work and were given promises."),
  /* Translators: name of the rhetorical tag “antithesis”. */
  NC_("tag set", "Antithesis"),
  /* Translators: short label of “Antithesis”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Ant"),
  /* Translators: definition of the tag “Antithesis”, shown after its name. */
  NC_("tag set", "setting contrasting ideas side by side in balanced phrases."),
  /* Translators: an example of “Antithesis”; translate freely, keeping the device. */
  NC_("tag set", "A war is easy to begin and hard to end."),
  /* Translators: name of the rhetorical tag “chiasmus”. */
  NC_("tag set", "Chiasmus"),
  /* Translators: short label of “Chiasmus”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Chi"),
  /* Translators: definition of the tag “Chiasmus”, shown after its name. */
  NC_("tag set", "repeating words or ideas in reverse order, so that the second half mirrors the first."),
  /* Translators: an example of “Chiasmus”; translate freely, keeping the device. */
  NC_("tag set", "The town built the river wall, and the river wall built the town."),
  /* Translators: name of the rhetorical tag “parallelism”. */
  NC_("tag set", "Parallelism"),
  /* Translators: short label of “Parallelism”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Par"),
  /* Translators: definition of the tag “Parallelism”, shown after its name. */
  NC_("tag set", "giving related clauses or phrases the same grammatical structure."),
  /* Translators: an example of “Parallelism”; translate freely, keeping the device. */
  NC_("tag set", "The garden rewards patience, and the workshop rewards care."),
  /* Translators: name of the rhetorical tag “tricolon”. */
  NC_("tag set", "Tricolon"),
  /* Translators: short label of “Tricolon”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Tri"),
  /* Translators: definition of the tag “Tricolon”, shown after its name. */
  NC_("tag set", "a series of three parallel words, phrases or clauses, often rising in length or force."),
  /* Translators: an example of “Tricolon”; translate freely, keeping the device. */
  NC_("tag set", "We came to listen, to learn, and to change what needs changing."),
  /* Translators: name of the rhetorical tag “rhetorical-question”. */
  NC_("tag set", "Rhetorical question"),
  /* Translators: short label of “Rhetorical question”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "RQ"),
  /* Translators: definition of the tag “Rhetorical question”, shown after its name. */
  NC_("tag set", "a question asked to make a point rather than to get an answer."),
  /* Translators: an example of “Rhetorical question”; translate freely, keeping the device. */
  NC_("tag set", "Who among us would trade our children’s safety for a cheaper road?"),
  /* Translators: name of the rhetorical tag “alliteration”. */
  NC_("tag set", "Alliteration"),
  /* Translators: short label of “Alliteration”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "All"),
  /* Translators: definition of the tag “Alliteration”, shown after its name. */
  NC_("tag set", "repeating the same consonant sound at the start of nearby words."),
  /* Translators: an example of “Alliteration”; translate freely, keeping the device. */
  NC_("tag set", "Bold plans, broken promises and bitter voters."),
  /* Translators: name of a group of rhetorical devices (appeals). */
  NC_("tag set", "Appeals"),
  /* Translators: definition of the group “Appeals”, shown after its name. */
  NC_("tag set", "the three means of persuasion named by classical rhetoric: character, emotion and reason."),
  /* Translators: name of the rhetorical tag “ethos”. */
  NC_("tag set", "Ethos"),
  /* Translators: short label of “Ethos”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Eth"),
  /* Translators: definition of the tag “Ethos”, shown after its name. */
  NC_("tag set", "persuading through the speaker’s character, competence or credibility."),
  /* Translators: an example of “Ethos”; translate freely, keeping the device. */
  NC_("tag set", "I have taught in this district for thirty years, and I have never seen a budget like this one."),
  /* Translators: name of the rhetorical tag “pathos”. */
  NC_("tag set", "Pathos"),
  /* Translators: short label of “Pathos”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Pat"),
  /* Translators: definition of the tag “Pathos”, shown after its name. */
  NC_("tag set", "persuading by stirring the feelings of the audience."),
  /* Translators: an example of “Pathos”; translate freely, keeping the device. */
  NC_("tag set", "Think of the families who will spend this winter without heating."),
  /* Translators: name of the rhetorical tag “logos”. */
  NC_("tag set", "Logos"),
  /* Translators: short label of “Logos”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Log"),
  /* Translators: definition of the tag “Logos”, shown after its name. */
  NC_("tag set", "persuading through reasoning, evidence and logical argument."),
  /* Translators: an example of “Logos”; translate freely, keeping the device. */
  NC_("tag set", "The clinic now sees twice as many patients as last year, so last year’s budget cannot be enough."),
  /* Translators: name of a group of rhetorical devices (argument). */
  NC_("tag set", "Argument"),
  /* Translators: definition of the group “Argument”, shown after its name. */
  NC_("tag set", "the parts of a line of reasoning: what is claimed, what supports it, and how objections are met."),
  /* Translators: name of the rhetorical tag “claim”. */
  NC_("tag set", "Claim"),
  /* Translators: short label of “Claim”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Clm"),
  /* Translators: definition of the tag “Claim”, shown after its name. */
  NC_("tag set", "the position or conclusion that an argument sets out to establish."),
  /* Translators: an example of “Claim”; translate freely, keeping the device. */
  NC_("tag set", "The city should make its buses free to ride."),
  /* Translators: name of the rhetorical tag “evidence”. */
  NC_("tag set", "Evidence"),
  /* Translators: short label of “Evidence”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Evd"),
  /* Translators: definition of the tag “Evidence”, shown after its name. */
  NC_("tag set", "facts, figures, examples or testimony offered in support of a claim."),
  /* Translators: an example of “Evidence”; translate freely, keeping the device. */
  NC_("tag set", "In the towns that dropped their fares, ridership rose by a third within a year."),
  /* Translators: name of the rhetorical tag “warrant”. */
  NC_("tag set", "Warrant"),
  /* Translators: short label of “Warrant”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "War"),
  /* Translators: definition of the tag “Warrant”, shown after its name. */
  NC_("tag set", "the principle, often left unstated, that connects the evidence to the claim."),
  /* Translators: an example of “Warrant”; translate freely, keeping the device. */
  NC_("tag set", "A measure that brings more people onto the buses is worth what it costs."),
  /* Translators: name of the rhetorical tag “concession”. */
  NC_("tag set", "Concession"),
  /* Translators: short label of “Concession”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Con"),
  /* Translators: definition of the tag “Concession”, shown after its name. */
  NC_("tag set", "granting a point to the other side before answering it."),
  /* Translators: an example of “Concession”; translate freely, keeping the device. */
  NC_("tag set", "Free fares would, admittedly, cost the city some revenue."),
  /* Translators: name of the rhetorical tag “rebuttal”. */
  NC_("tag set", "Rebuttal"),
  /* Translators: short label of “Rebuttal”, drawn where a highlight begins; at most three letters, different from the other tags'. */
  NC_("tag set", "Reb"),
  /* Translators: definition of the tag “Rebuttal”, shown after its name. */
  NC_("tag set", "a reply to an objection that shows why it fails or matters less than it seems."),
  /* Translators: an example of “Rebuttal”; translate freely, keeping the device. */
  NC_("tag set", "Yet the fares lost are smaller than what the city spends on collecting them."),
};
