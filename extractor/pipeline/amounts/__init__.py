"""Amounts: money, percentages, changes, counts and measured quantities.

Rules in the style of textacy's ``extract/`` modules: pure functions over a
parsed :class:`spacy.tokens.Doc`, each named after the bit of news-writing
convention it encodes. All word lists (currencies, magnitudes, number words,
bound cues, change verbs ...) live in ``data/amounts.json``.

The scan is token-level and left to right: find a number *core* (digits such as
"271.2", "$1.5bn", "20.9%" or number words such as "two", "nine-point-42",
"half a million"), grow it with magnitudes and a unit (currency, percent,
quantulum3 unit, counted noun), then look left for a bound cue and for
what marks it as a change. spaCy's NER labels are hints only.

Decisions (see the contract, ``shared/claims-schema.md``):

* ranges ("$1-2 billion", "between 1.5 and 2 percent") have ``bound="range"``,
  ``low``/``high`` filled and ``value`` = the midpoint, so that a consumer that
  ignores ranges still gets a central figure;
* ``precision`` is half a unit of the last stated digit times the magnitude;
  for number words the last word's place counts ("two billion" -> 5e8,
  "three hundred" -> 50), for fractions half the fraction ("half a million" -> 2.5e5);
  "doubled"/"tripled" carry no precision (None);
* vague plurals ("tens of thousands of tourists", "millions of dollars") are
  not amounts: there is no definite value to check;
* "a million" is an amount only with a currency or a counted noun after it;
* bare numbers with no unit and no counted noun after them are not amounts
  (they are mostly scores, ages, identifiers and list markers in news);
* the three exclusions above, and ages and 'one X' counts, hold in the default scope
  "claims"; scope "all" (``find_amounts(doc, "all")``, the component's ``scope`` config)
  reports them too, as quantity-extraction benchmarks count every quantity (the section
  'scope all' below);
* durations ("six years") are periods and are left to the period extractor;
* ``¥`` (and ``￥``) is JPY or CNY by the sentence's country cues, else by the country the document
  names more often (CNY on a tie);
* numbers are read as real copy writes them: broadcast decimals ("12-point-four million"), a
  decimal point set apart by a stray space ("27. 45 billion"), a percent hyphenated or glued to
  the number ("a 14-percent increase", "5.3per cent"); "N times" is a ratio (unit ``times``) only
  in a multiplicative comparison ("3.5 times more than", "three times that of 2019").

Modules, from the bottom up: :mod:`.tables` (the word tables), :mod:`.units` (units named by
words), :mod:`.numbers` (number cores and magnitudes), :mod:`.exclusions` (numbers that are
not amounts), :mod:`.bounds`, :mod:`.changes`, :mod:`.measures` (the unit a number takes),
:mod:`.counts` (scope ``all``), :mod:`.recognizer` (the scan and the component).
"""
from .recognizer import AmountRecognizer, find_amounts, make_amount_recognizer
from .tables import AmountDataError

__all__ = ["find_amounts", "AmountRecognizer", "AmountDataError", "make_amount_recognizer"]
