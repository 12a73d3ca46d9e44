"""Claims: amounts, periods, actors and sources assembled into checkable statements.

* ``trade_value``: a money amount in a clause about trade ("North Korea
  imported more than $228 million worth of goods from its neighbor").
* ``trade_change``: a change (percent or times) in such a clause ("China's
  exports to North Korea rose 20.9% from a year earlier"), with its basis
  (``year_on_year`` / ``period_on_period``) read from the comparison phrase.
* ``comparison``: a superlative with a reference ("the highest since December
  2019", "its highest level in over six years").
* ``quantity``: any other amount, with the actors of its sentence.

Direction follows the argument structure of the trade word (the lexicon in
``data/trade_lexicon.json``): the agent of an *import* word (subject of
"imported", possessor of "imports") is the importer and its "from" party the
exporter; an *export* word the reverse; "trade between A and B", "A's trade
with B" and "A-B trade" are totals. A party the sentence leaves out comes from
discourse: the previous trade claim's parties, else the article's two most
mentioned states (news copy names the pair once and then says "imports rose").

The period of a claim is the one its clause names, never a comparison's
reference ("since December 2019") nor a change's basis ("a year earlier");
an amount inside "when ..." attached to a period takes that period. A clause
with no period takes the data period of the previous trade sentence (news
states the month once: "Trade last month reached ... The North imported ...").

Sources are those of the sentence, original data first, followed by whoever
relayed them ("Citing data from GAC, NK News reported"); a sentence without
one inherits the sources of the preceding sentence of its paragraph.

Modules, from the bottom up: :mod:`.words` (the lexicon), :mod:`.context` (one document's view),
:mod:`.goods` (what a figure is of), :mod:`.parties` (frames and who trades with whom),
:mod:`.lists` ("respectively"), :mod:`.sizes` (a part no larger than its whole),
:mod:`.periods` (which period a figure is for), :mod:`.assembly` (the claims and the component).
"""
from .assembly import ClaimAssembler, assemble_claims, claim_id, make_claim_assembler

__all__ = ["assemble_claims", "claim_id", "ClaimAssembler", "make_claim_assembler"]
