"""Counts that only scope ``all`` reports (quantity-extraction benchmarks count every
quantity): ages, proportions ("a third of"), hyphenated and suspended compounds ("four-,
five- and six-cylinder"), vague plurals as ranges, anaphoric and indefinite counts, bare numbers.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .changes import _levels_after_change
from .exclusions import _is_age, _is_date_time_or_ordinal, _is_identifier_number, _is_list_marker_or_fraction, _is_tally
from .numbers import _Core, _core_at, _Found, _fraction_word_value
from .tables import _match_seq, _tables
from .units import _counted_noun, _currency_after, _quantulum_unit_name

# ------------------------------------------------- scope 'all': every quantity, checkable or not

def _counts_time_units(doc: Doc, core: _Core) -> bool:
    """'five seasons', 'three nights': time words that are counted, not measured as a span
    (the period finder reads years and hours; spaCy tags these DATE or TIME all the same)."""
    noun = _counted_noun(doc, core.end)
    return noun is not None and _noun_lemma(noun) in _tables()["counted_time_set"]


def _age(doc: Doc, core: _Core) -> Optional[tuple[str, int]]:
    """'a 50-year-old man', 'an 18-month-old', '400 million-year-old bedrock', 'aged 45': (unit, end
    token). The appositive age after a name ('Lee, 66, said') is not read: the CQE gold annotates it
    in one of its three occurrences, and the rule's gain did not show on the other fold."""
    t = _tables()
    j, n = core.end, len(doc)
    k = j + (j < n and doc[j].text == "-")
    if k < n and doc[k].lower_.rstrip("s") in t["age_units"]:
        unit = t["age_units"][doc[k].lower_.rstrip("s")]
        m = k + 1 + (k + 1 < n and doc[k + 1].text == "-")
        if m < n and doc[m].lower_ == "old":
            return unit, m + 1
        return None
    if core.start > 0 and doc[core.start - 1].lower_ in t["age_cues_before"]:
        return t["age_units"]["year"], j
    if core.start > 1 and doc[core.start - 1].lower_ == "of" and doc[core.start - 2].lower_ == "age":
        return t["age_units"]["year"], j  # 'over the age of 21'
    return None


def _partitive_noun(doc: Doc, j: int) -> Optional[Token]:
    """'one of the best screens', 'thousands of COVID-19 tests': the noun of the 'of' phrase after a
    number (the parser's object of 'of'), unless another quantity stands in between ('280 million of
    the 1.5 billion shekels' has its own unit, later)."""
    if j >= len(doc) or doc[j].lower_ != "of":
        return None
    objects = [c for c in doc[j].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and c.i - j <= 6]
    if not objects:
        return None
    noun = objects[0]
    if any(t.like_num and t.dep_ != "punct" or t.lower_ in _tables()["magnitudes"] for t in doc[j + 1:noun.i]):
        return None
    return noun if noun.pos_ == "NOUN" or noun.tag_ == "NNPS" else None


def _proportion(doc: Doc, i: int) -> Optional[_Found]:
    """'a third of the population', 'half of which', 'two-thirds of sales', 'one out of three
    Germans', 'one in five adults': a part of a whole, as a fraction (unit 'fraction', scope 'all')."""
    t = _tables()
    words = t["number_words"]
    n = len(doc)
    low = doc[i].lower_
    if low not in ("a", "half") and low not in words and not low.isdigit():
        return None   # runs on every token in scope 'all': the cheap test first
    if any(doc[k].lower_ == "of" and k + 2 < n and doc[k + 1].lower_ in ("a", "an") and doc[k + 2].lower_ in t["magnitudes"]
           for k in range(i + 1, min(n, i + 4))):
        return None  # 'a quarter of a million people' is a number, not a share (_fraction_of_a_magnitude)

    def fraction_at(k: int) -> Optional[float]:
        return _fraction_word_value(doc[k]) if k < n else None

    # 'a third of', 'one quarter of', 'half of' (not 'the first half of')
    if low in ("a", "one") and i + 2 < n and fraction_at(i + 1) and doc[i + 2].lower_ == "of":
        return _Found(i, i + 2, fraction_at(i + 1), "fraction", None)
    if low == "half" and i + 1 < n and doc[i + 1].lower_ == "of" and not (i > 0 and doc[i - 1].lower_ in ("the", "first", "second")):
        return _Found(i, i + 1, 0.5, "fraction", None)
    # 'two-thirds of'
    if low in words and i + 3 < n and doc[i + 1].text == "-" and fraction_at(i + 2) and doc[i + 3].lower_ == "of":
        return _Found(i, i + 3, words[low] * fraction_at(i + 2), "fraction", None)
    # 'one out of three', 'one in five' before a noun
    if low in words or low.isdigit():
        part = words[low] if low in words else float(low)   # "zero" is 0, not missing
        k = i + 1
        if k + 1 < n and doc[k].lower_ == "out" and doc[k + 1].lower_ == "of":
            k += 2
        elif k < n and doc[k].lower_ == "in":
            k += 1
        else:
            return None
        whole = words.get(doc[k].lower_) if k < n else None
        if whole is None and k < n and doc[k].text.isdigit():
            whole = float(doc[k].text)
        if whole and part < whole and k + 1 < n and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            return _Found(i, k + 1, part / whole, "fraction", None)
    return None


def _hyphenated_count(doc: Doc, i: int) -> Optional[_Found]:
    """'a six-cylinder engine', and the suspended hyphens of 'four-, five- and six-cylinder
    engines': a number hyphenated to a noun counts that noun (scope 'all'; to a reader of claims
    it describes the thing modified). Time words are left to the periods ('a six-year high')."""
    t = _tables()
    tok, n = doc[i], len(doc)
    word = tok.lower_.rstrip("-")
    value = t["number_words"].get(word)
    if value is None and word.isdigit():
        value = float(word)
    if value is None:
        return None

    def noun_after_hyphen(k: int) -> Optional[Token]:
        if k + 2 < n and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ \
                and doc[k + 2].pos_ == "NOUN" and doc[k + 2].lower_ not in t["time_set"] \
                and doc[k + 2].lemma_.lower() not in t["time_set"] and not _quantulum_unit_name(doc[k + 2].text) \
                and not _currency_after(doc, k + 1)[0] and not _names_a_number(k + 2):
            # not money ('a 12-cent dividend') nor a number read on (_names_a_number)
            return doc[k + 2]
        return None

    def _names_a_number(k: int) -> bool:
        """The word after the hyphen carries the number on, it is not what is counted: a range
        ('5-10W', '30-to-60'), a fraction ('two-thirds', 'one-eighth': number and ordinal words),
        a percent ('a 14-percent rise', '6-per-cent'), a bound ('15-plus') or a broadcast decimal
        ('17-point-six')."""
        word = doc[k]
        if any(c.isdigit() for c in word.text) or word.like_num or word.lemma_.lower() in t["fraction_words"]:
            return True
        if (word.lower_,) in t["percent_seqs"] or word.lower_ == "per" or (word.lower_,) in t["bound_after"]:
            return True
        return word.lower_ in t["point_words"] and k + 2 < n and doc[k + 1].text == "-" and not word.whitespace_ \
            and (doc[k + 2].like_num or doc[k + 2].text[:1].isdigit())

    noun, end = noun_after_hyphen(i), i + 3
    if noun is None and tok.text.endswith("-") and len(tok.text) > 1:   # 'four-,' waits for the last member
        for k in range(i + 1, min(n, i + 8)):
            if doc[k].lower_.rstrip("-") in t["number_words"] or doc[k].text.rstrip("-").isdigit():
                noun = noun_after_hyphen(k)
                if noun is not None or not doc[k].text.endswith("-"):
                    break
            elif not (doc[k].is_punct or doc[k].lower_ in ("and", "or")):
                break
        end = i + 1
    if noun is None:
        return None
    return _Found(i, end, float(value), "count", None, of=_noun_lemma(noun))


def _bare_number_range(doc: Doc, i: int, lower: int) -> Optional[_Found]:
    """'jumped from 240 to 273', 'between 12 and 15': a range of two bare numbers (scope 'all')."""
    a = _core_at(doc, i)
    j = a.end if a else i
    if a is None or a.is_words or a.year_like or j + 1 >= len(doc) or doc[j].lower_ not in ("to", "and", "-", "–"):
        return None
    opener = doc[i - 1].lower_ if i > lower else ""
    if opener not in ("from", "between") or (doc[j].lower_ == "and") != (opener == "between"):
        return None
    b = _core_at(doc, j + 1)
    if b is None or b.is_words or b.year_like or not _is_bare_quantity(doc, b) or _is_date_time_or_ordinal(doc, a):
        return None
    if opener == "from" and _levels_after_change(doc, i - 1, "dimensionless"):
        # 'jumped from 240 to 273': two levels, as with units (_bare_range); the second follows
        return _Found(i, a.end, a.value, "dimensionless", a.precision, core=a)
    return _Found(i - 1, b.end, (a.value + b.value) / 2, "dimensionless", max(a.precision, b.precision), "range",
                  a.value, b.value, core=b)


def _is_bare_quantity(doc: Doc, core: _Core) -> bool:
    """A number with no unit that still states a quantity: 'estimates of 64,900', 'rose 8% to 3.65'.
    Not a year, date, clock time, ordinal, label ('iPhone 12'), list marker, score or age."""
    if core.year_like or core.is_words:
        return False  # a number word with no noun is a pronoun or an idiom ('a baker's dozen', 'at one')
    n = len(doc)
    j = core.end
    if j + 1 < n and doc[j].lower_ in _tables()["range_joiners"] and (doc[j + 1].like_num or doc[j + 1].text[:1].isdigit()):
        return False  # the first number of a range whose unit did not follow: '1 to 1.5 degrees'
    if j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not doc[j].text.isupper():
        return False  # part of a name: 'iPhone 11 Pro', '787 Dreamliner', '49 Zorro Ranch Road'
    return not (_is_date_time_or_ordinal(doc, core) or _is_identifier_number(doc, core)
                or _is_list_marker_or_fraction(doc, core) or _is_tally(doc, core) or _is_age(doc, core))


def _vague_plural(doc: Doc, i: int) -> Optional[_Found]:
    """'dozens of people', 'hundreds of miles', 'tens of thousands of tourists', 'millions of
    dollars': a plural magnitude word M states a quantity between M and ten times M (data:
    vague_plural_values). It needs 'of' and what is counted or measured after it."""
    t = _tables()
    values = t["vague_plural_values"]
    k, mult = i, 1.0
    while k < len(doc) and doc[k].lower_ in values and k + 1 < len(doc) and doc[k + 1].lower_ == "of":
        mult *= values[doc[k].lower_]
        k += 2
    if k == i or k >= len(doc):
        return None
    low, high = mult, mult * 10
    code, end = _match_seq(doc, k, t["currency_word_seqs"])
    if code:
        return _Found(i, end, (low + high) / 2, code, None, "range", low, high)
    unit = _quantulum_unit_name(doc[k].text) if doc[k].pos_ == "NOUN" else None
    if unit:
        return _Found(i, k + 1, (low + high) / 2, unit, None, "range", low, high)
    noun = _counted_noun(doc, k) or _partitive_noun(doc, k - 1)  # 'thousands of COVID-19 tests'
    if noun is None:
        return None
    return _Found(i, noun.i + 1, (low + high) / 2, "count", None, "range", low, high, of=_noun_lemma(noun))


def _noun_lemma(tok: Token) -> str:
    """The counted noun's lemma; spaCy leaves plural proper nouns as written ('Americans',
    'World Cups'), so their plural '-s' is dropped here: 'american', 'cup'."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_ and len(lemma) > 3 and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _is_anaphoric_or_indefinite_count(doc: Doc, core: _Core) -> bool:
    """'the two countries' points back at a known set and 'one trader said' is an indefinite
    article in disguise: neither states a quantity a reader could check."""
    if core.is_words and core.value == 1 and doc[core.start].lower_ == "one":
        # a focus particle makes it a real count again: 'in just one area', 'only one ship'
        return not (core.start > 0 and doc[core.start - 1].lower_ in ("just", "only", "exactly", "merely"))
    if core.start > 0:
        prev = doc[core.start - 1]
        if prev.lower_ in ("the", "these", "those", "its", "their", "his", "her", "our", "both") or prev.tag_ == "POS":
            return True
    return False
