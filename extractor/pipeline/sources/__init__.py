"""Sources: who a statement is attributed to, and through whom.

An attribution has a *cue* and a *source* (Pareti 2016, PARC 3.0; Newell,
Margolin & Ruths 2018, PolNeAR). The cues recognized here, each a rule below:

* ``_prepositional_cue``: "according to X", "as cited by X", "per X";
* ``_citing_clause``: "Citing data from X, Y reported ..." - X is a source
  *via* Y (the chain runs from the original data to the outlet);
* ``_agentive_passive``: "figures released by X", "as reported by X";
* ``_speech_verb_subject``: "X said", "said X, a senior fellow at Y",
  "X reported that", data nouns as subjects ("data from X showed"), and the
  other cue classes PolNeAR annotates: stance ("X criticized"), directive ("X
  urged") and belief/intention verbs ("X wants"); a conjoined or participial
  verb shares its governor's subject ("X met reporters and added ...");
* ``_speaker_label``: transcript and headline labels ("PENCE: ...");
* ``_nominal_cue_possessor``: "X's claim that ...";
* ``_dash_attribution``: a quotation signed "― Jane Doe".

A cue inside quotation marks or inside the content of another attribution is
that attribution's content, not the article's own source (PolNeAR's univocal
annotation), except cited data, which claims chain.

The phrase a cue points to is resolved to a name (``_Resolver``): an actor in
it (its head, or an affiliation: "a spokesman for X", "X's campaign"); a proper
name spaCy did not tag ("Stumpf said"); a pronoun or relative pronoun, through
its antecedent (he/she: the nearest person, they: group or organization, it:
organization; current and two preceding sentences, a subject up to eight -
no antecedent, no source); a definite description ("the governor said") the
same way; else a *described* source named by its description ("a senior
official", "the poll"), which is an attribution (``doc._.attributions``) but not
one of the named ``doc._.sources`` that claims cite. Bare plurals ("Observers say", "officials said") read
generically: as subjects of a speech cue they are attributions (PolNeAR annotates them), described
and never named sources. The cue verbs, nouns and word lists are in
``data/attribution_cues.json``.

Modules: :mod:`.cues` (cue tables and rules), :mod:`.quotes` (quoted and reported content),
:mod:`.speakers` (from a cue's phrase to a name), :mod:`.finder` (the entry point and the component).
"""
from .finder import SourceRecognizer, find_sources, make_source_recognizer

__all__ = ["find_sources", "SourceRecognizer", "make_source_recognizer"]
