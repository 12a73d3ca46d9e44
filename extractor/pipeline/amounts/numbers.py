"""Numbers and magnitudes: the *core* of an amount.

Digits ("271.2", "$1.5bn", "20.9%"), number words ("two", "nine-point-42", "half a
million"), fractions of a magnitude ("a quarter of a million") and the magnitude word after a
number ("million", "bn"). A core records where it is, its value and its precision; the
found-amount record (:class:`_Found`) is what the other modules build from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from .tables import _tables
from .units import (RUPEE_AS_WRITTEN, _currency_after, _currency_before, _currency_of_the_state_named_most, _glued_seq,
                    _quantulum_unit_name)

# ------------------------------------------------------------------ value parsing

@dataclass
class _Core:
    """A number before its unit: tokens [start, end), value, precision (base units)."""

    start: int
    end: int
    value: float
    precision: float
    currency: Optional[str] = None
    percent: bool = False
    sign: str = ""
    has_magnitude: bool = False
    is_words: bool = False
    year_like: bool = False
    mult: float = 1.0
    unit: Optional[str] = None       # a measure glued to the digits ('155mph')
    glued_unit_end: bool = False
    approx: bool = False
    below: bool = False              # 'sub-7': less than the number
    split_prefix: bool = False       # the currency symbol is the token before
    transliterated: bool = False     # 'PS2.7m': an ASCII-transliterated sign, needs a scale to be money


@dataclass
class _Found:
    start: int          # first token, bound cue included
    end: int            # token after the last one
    value: float
    unit: str
    precision: Optional[float]
    bound: str = "exact"
    low: Optional[float] = None
    high: Optional[float] = None
    change: Optional[str] = None
    of: Optional[str] = None
    per: Optional[str] = None
    core: Optional[_Core] = field(default=None, repr=False)


def _digit_precision(num: str) -> float:
    """Half a unit of the last stated digit: '271.2' -> 0.05, '3,000' -> 0.5."""
    if "." in num:
        return 0.5 * 10 ** -len(num.split(".", 1)[1])
    return 0.5


# a lettered currency abbreviation with its full stop, glued to the digits ('Kes.4 trillion', 'Rs.1,000')
_ABBREVIATED_PREFIX = re.compile(r"^([A-Za-z]{2,4})\.(?=\d)")


def _numeric_core(doc: Doc, i: int) -> Optional[_Core]:
    """Digits in one token, with a glued currency ('US$271.2m', '115USD'), magnitude, '%' or unit ('155mph')."""
    t = _tables()
    text = doc[i].text
    if text.lower().startswith("minus-"):  # 'minus-130 degrees'
        text = "-" + text[6:]
    below = text.lower().startswith("sub-") and text[4:5].isdigit()
    if below:  # 'sub-7 nanometer chips': under the number
        text = text[4:]
    dollar_split = i > 0 and doc[i - 1].text == "$" and not doc[i - 1].whitespace_ and text[:1].isalpha()
    if dollar_split:  # Australian style '$US55,931,000' is tokenized '$' + 'US55,931,000'
        text = "$" + text
    abbreviated = _ABBREVIATED_PREFIX.match(text)
    if abbreviated and (abbreviated[1].lower() in t["currency_symbols"] or abbreviated[1].upper() in t["codes"]
                        or abbreviated[1].lower() in t["written_symbols_folded"]):
        text = abbreviated[1] + text[abbreviated.end(1) + 1:]   # 'Kes.3.2 trillion': the full stop is the abbreviation's
    m = t["numeric_re"].match(text)
    if not m or (dollar_split and not m["cur"]):
        return None
    num = m["num"].replace(",", ".") if m["dcomma"] else m["num"]
    value = float(num.replace(",", ""))
    prec = _digit_precision(num)
    core = _Core(i, i + 1, value, prec, sign=m["sign"].replace("−", "-"), split_prefix=dollar_split)
    if m["cur"]:
        cur = m["cur"]
        core.currency = t["currency_symbols"].get(cur.lower()) or t["codes"].get(cur.upper())
        if core.currency is None and cur.lower() in t["written_symbols_folded"]:
            # 'SR31.4 billion', 'Dh512 billion': only as written so ('sr5' is no currency)
            core.currency = t["written_symbols"].get(cur)
            if core.currency is None:
                return None
        if cur.lower() in ("sh", "shs"):
            if cur not in ("Sh", "Shs"):
                return None   # ('SH2' is a highway) 'Sh4.1 billion' only as written so
            core.currency = _currency_of_the_state_named_most(doc, "shilling")
        if cur in RUPEE_AS_WRITTEN:
            # 'Rs3,359,862 million' glued to its digits, as 'Rs. 7,181 million' apart: the rupee of the
            # rupee state the text names most
            core.currency = _currency_of_the_state_named_most(doc, "rupee")
        if core.currency is None and cur.lower() in t["transliterated"]:
            # 'PS2.7m', 'Y=28,030': '£' and '¥' as ASCII feeds write them (data: transliterated_currency_signs)
            core.currency = t["transliterated"][cur.lower()]
            # ('PS4' is a console, 'N95' a mask: 'PS' needs a decimal point, a comma or a scale, 'N' a scale)
            core.transliterated = cur.lower() in ("n", "r") or (cur.lower() == "ps" and "," not in num and "." not in num)
    suf = m["suf"] or ""
    if suf:
        if not _glued_suffix(doc, core, suf):
            return None
    if core.sign == "~":  # '~45g': a hedge, read as bound 'approx'
        core.sign = ""
        core.approx = True
    core.below = below
    if core.sign == "-" and not core.percent:
        core.value = -core.value
    core.year_like = (not m["cur"] and not suf and not m["sign"]
                      and re.fullmatch(r"1\d\d\d|2[01]\d\d", num) is not None)
    return core


def _glued_suffix(doc: Doc, core: _Core, suf: str) -> bool:
    """Read what is glued after the digits: '%', 'bn', 'm' (money only), 'M', 'USD', 'mph'; False = not an amount."""
    t = _tables()
    low = suf.lower()
    if suf == "%" or low in t["percent_units"] and t["percent_units"][low] == "percent":
        core.percent = True  # '20.9%', and British '5pc'
        return True
    unit, end = _glued_seq(doc, core.start, low, t["percent_seqs"])
    if unit:  # '5.3per cent': the space before the words was lost
        core.percent, core.unit = unit == "percent", None if unit == "percent" else unit
        core.end = end
        return True
    if low in t["time_set"] or low in ("st", "nd", "rd", "th", "s"):
        return False  # '1.56pm', '80th', '1990s'
    if suf in ("H", "Q") and core.value in (1, 2, 3, 4):
        return False  # '1H', '3Q': a half or quarter of the year in wire copy, a period
    mult = t["magnitudes"].get(low)
    money = bool(core.currency or _currency_before(doc, core.start)[0] or _currency_after(doc, core.start + 1)[0])
    if mult is None and low in t["money_only_magnitudes"] and (money or suf == "M" or suf == "B"):
        # news headlines write '4.3M sales'; a lower-case 'm' without money is a metre
        mult = t["money_only_magnitudes"][low]
    if mult is not None:
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult = mult
        return True
    if suf.upper() in t["codes"] and core.currency is None:
        core.currency = t["codes"][suf.upper()]
        core.glued_unit_end = True
        return True
    if low in t["subunits"]:
        # '118.5p', '4p': pence written onto the number, as British share prices are
        # (quantulum3 reads 'p' as pints)
        core.unit = t["subunits"][low]
        return True
    unit = _quantulum_unit_name(suf)
    if unit:
        core.unit = unit
        return True
    return False


def _hyphen_parts(doc: Doc, i: int, limit: int = 5) -> tuple[list[str], int]:
    """Words joined by hyphens without spaces ('nine-point-42', 'twenty-five'), split on '-'."""
    j, text = i, ""
    while j < len(doc) and j - i < limit:
        text += doc[j].text
        if doc[j].whitespace_ or j + 1 >= len(doc):
            j += 1
            break
        nxt = doc[j + 1].text
        if not (doc[j].text == "-" or nxt == "-" or nxt.startswith("-") or doc[j].text.endswith("-")):
            j += 1
            break
        j += 1
    parts = [p for p in text.lower().split("-") if p]
    return parts, j


def _words_core(doc: Doc, i: int) -> Optional[_Core]:
    """Spelled-out numbers: 'two billion', 'twenty-five', 'nine-point-42 million', 'half a million'."""
    t = _tables()
    words, mags, fracs = t["number_words"], t["magnitudes"], t["fraction_words"]
    first = doc[i].lower_
    if first not in words and first not in ("a", "an") and first not in fracs:
        return None
    fraction_of = _fraction_of_a_magnitude(doc, i)
    if fraction_of is not None:
        return fraction_of
    total = current = 0.0
    last_place = 1.0
    seen = False
    j = i
    decimals = None  # digits after 'point'
    half = 0.0
    and_a = False   # 'one and a half billion': a fraction added to the number before it
    while j < len(doc):
        parts, nxt = _hyphen_parts(doc, j)
        if not parts:
            break
        ok = True
        for k, p in enumerate(parts):
            if decimals is not None and (p.isdigit() or (p in words and words[p] < 10)):
                decimals += p if p.isdigit() else str(int(words[p]))
                continue
            if and_a:
                if p not in fracs or p == "third":
                    ok = False
                    break
                current += fracs[p]
                last_place = fracs[p]
                and_a = False
                continue
            before = parts[k - 1] if k > 0 else doc[j - 1].lower_ if j > i else None
            if p in ("a", "an") and seen and decimals is None and current and before == "and":
                and_a = True   # ('one-and-a-half', 'two and a half')
                continue
            if p == "dozen" and decimals is None:
                current = (current or 1.0) * 12  # 'a dozen', 'two dozen'
                last_place = 12.0
                seen = True
                continue
            if p in words and decimals is None:
                current += words[p]
                last_place = 12.0 if p == "dozen" else 1.0
                seen = True
            elif p == "point" and seen and decimals is None:
                decimals = ""
            elif p in ("a", "an") and not seen and k == 0:
                # 'a million', 'a hundred', 'a dozen'; 'a five per cent rise' is an article
                if nxt >= len(doc) or doc[nxt].lower_ not in mags and doc[nxt].lower_ != "dozen":
                    ok = False
                    break
                current = 1.0
                last_place = 1.0
            elif p in fracs and p != "third" and not seen and j == i:
                half = fracs[p]  # 'half a million', 'a quarter million'
                if nxt < len(doc) and doc[nxt].lower_ in mags:
                    current = 1.0
            elif p == "and" and seen and decimals is None:
                pass
            elif p in mags and p.isalpha() and len(p) > 3 and (seen or current):
                if decimals:
                    current += float("0." + decimals)
                    last_place = 10 ** -len(decimals)
                    decimals = None
                if p == "hundred":
                    current *= 100
                    last_place = 100.0
                else:
                    total += current * mags[p]
                    last_place *= mags[p]
                    current = 0.0
                seen = True
            else:
                ok = False
                if k > 0 and seen and _hyphenated_money_word(doc, j, k, p):
                    j += 2 * k - 1  # 'a one-yen bid': the number ends before '-yen'
                break
        if not ok:
            break
        j = nxt
    # trailing 'and' or 'a' is not part of the number
    while j > i and (doc[j - 1].lower_ in ("and", "a", "an", "point", "-") or doc[j - 1].lower_ in fracs):
        j -= 1
    if j == i or not seen:
        return None
    if decimals:
        current += float("0." + decimals)
        last_place = 10 ** -len(decimals)
    value = total + current
    if half:
        value *= half
        last_place *= half
    if value == 0 and doc[i].lower_ != "zero":
        return None
    mult = _round_pow10(last_place) if last_place >= 100 else 1.0
    return _Core(i, j, value, 0.5 * last_place, is_words=True, has_magnitude=last_place >= 100, mult=mult)


def _hyphenated_money_word(doc: Doc, j: int, k: int, word: str) -> bool:
    """Is part ``k`` of the hyphen group at token ``j`` a currency ('one-yen', 'ten-dollar'), with
    every part its own token (word, '-', word), so that the number can end before it?"""
    t = _tables()
    if word not in t["currency_single_words"] and word not in t["subunits"]:
        return False
    return all(doc[j + 2 * m + 1].text == "-" for m in range(k) if j + 2 * m + 1 < len(doc))


def _fraction_word_value(tok: Token) -> Optional[float]:
    """'third' and 'thirds' -> 1/3, 'half' -> 0.5 (data: fraction_words)."""
    fracs = _tables()["fraction_words"]
    return fracs.get(tok.lemma_.lower()) or fracs.get(tok.lower_)


def _fraction_of_a_magnitude(doc: Doc, i: int) -> Optional[_Core]:
    """'a quarter of a million', 'three quarters of a billion', 'three-quarters billion', 'half of a million'."""
    t = _tables()
    n = len(doc)
    k, count = i, 1.0
    if doc[k].lower_ in t["number_words"]:
        count, k = t["number_words"][doc[k].lower_], k + 1
        if k < n and doc[k].text == "-" and not doc[k - 1].whitespace_:  # 'three-quarters'
            k += 1
    elif doc[k].lower_ in ("a", "an"):
        k += 1
    if k + 1 >= n:
        return None
    frac = _fraction_word_value(doc[k])
    if not frac:
        return None
    k += 1
    if k + 1 < n and doc[k].lower_ == "of" and doc[k + 1].lower_ in ("a", "an"):
        k += 2  # 'of a' is optional: 'three quarters billion dollars'
    mag = t["magnitudes"].get(doc[k].lower_) if k < n else None
    if not mag or mag < 1000:
        return None
    value = count * frac * mag
    return _Core(i, k + 1, value, 0.5 * frac * mag, is_words=True, has_magnitude=True, mult=_round_pow10(mag))


def _extend_with_magnitude(doc: Doc, core: _Core) -> None:
    """'271.2 million', '1.5 bn', '$5 m' (the bare 'm' only after a currency)."""
    t = _tables()
    j = core.end
    money = bool(core.currency or _currency_before(doc, core.start)[0])
    last = None   # the scale just read
    while j < len(doc):
        if doc[j].is_space and "\n" not in doc[j].text and j + 1 < len(doc) and doc[j + 1].lower_ in t["magnitudes"]:
            j += 1   # "$4.3  billion": a second space typed before the scale
            continue
        if doc[j].text in ("-", "‑") and j == core.end and j + 1 < len(doc) and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].lower_ in t["magnitudes"]:
            j += 1   # '41.7-million tonnes', 'a 2-billion-dollar deal': the scale joined by a hyphen
        low = doc[j].lower_
        if low.endswith(".") and len(low) > 1 and doc[j].is_sent_end:
            low = low[:-1]  # the tokenizer keeps the full stop on 'm.' at the end of a sentence
        mult = t["magnitudes"].get(low)
        glued_capital = doc[j].text in ("M", "B") and not doc[j - 1].whitespace_  # headline '4.3M sales'
        # ('31.4m tonnes of LNG', '6m barrels': a glued 'm' before a measure is a million, not a metre)
        # ('12.4m metric tonnes': over the measure's qualifier too)
        after = j + 2 if j + 2 < len(doc) and doc[j + 1].lower_ in ("metric", "short", "long") else j + 1
        measured = not doc[j - 1].whitespace_ and after < len(doc) and doc[after].lower_ in t["measures_after_magnitude"]
        if mult is None and low in t["money_only_magnitudes"] and (money or glued_capital or measured
                                                                    or _currency_after(doc, j + 1)[0]):
            mult = t["money_only_magnitudes"][low]
        if mult is None or (low == "hundred" and core.has_magnitude):
            break
        if mult == last:
            j += 1   # '$84.6 mln million': one scale written twice (an edit left both), not a trillion
            continue
        last = mult
        # 'a million' style words already consumed their magnitude
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult *= mult
        core.year_like = False
        j += 1
    j = _smaller_places(doc, core, j, last)
    core.end = j


def _smaller_places(doc: Doc, core: _Core, j: int, last: Optional[float]) -> int:
    """'22 billion 345 million dollars', '3 million 250 thousand tonnes': a figure spelled out by
    its places, as Turkish, Vietnamese and Russian official releases (and their wire translations)
    write it. Each further part is at most three digits with a smaller scale than the one before;
    their sum is the figure, and its precision is the last place's. Returns the token after."""
    t = _tables()
    sign = -1 if core.value < 0 else 1
    while last and j + 1 < len(doc):
        # "2 trillion and 410 billion yuan": Chinese releases in English join the places with 'and'
        # (only the next place down: "2 billion and 500 thousand" is no such figure)
        # (they write the currency after the figure: "$2 billion and 40 million people" is two amounts)
        joined = doc[j].lower_ == "and" and j + 2 < len(doc) and re.fullmatch(r"\d{1,3}", doc[j + 1].text) \
            and t["magnitudes"].get(doc[j + 2].lower_) == last / 1e3 and core.currency is None \
            and not (core.start > 0 and doc[core.start - 1].is_currency)
        if joined:
            j += 1
        if not re.fullmatch(r"\d{1,3}", doc[j].text):
            break
        mult = t["magnitudes"].get(doc[j + 1].lower_)
        if last == 1e3 and mult == 1e6 and abs(core.value) < 1e6:
            # '50 thousand 459 million dollars': the long scale's 'thousand million' (Spanish 'mil
            # millones') translated word for word, thousands of millions
            core.value = core.value * 1e6 + sign * float(doc[j].text) * mult
            core.precision = 0.5 * mult
            last = mult
            j += 2
            continue
        if not mult or mult >= last or float(doc[j].text) * mult >= last:
            break
        core.value += sign * float(doc[j].text) * mult
        # a last place joined by 'and' in round tens is rounded to them ("1 trillion and 270 billion": to
        # the nearest ten billion, as those releases round the sums they subtract)
        zeros = len(doc[j].text) - len(doc[j].text.rstrip("0")) if joined and doc[j].text.strip("0") else 0
        core.precision = 0.5 * mult * 10 ** zeros
        last = mult
        j += 2
    return j


_SPOKEN_POINT = re.compile(r"-point-([a-z0-9]+(?:-[a-z0-9]+)*)")


def _spoken_decimals(doc: Doc, core: _Core) -> None:
    """'12-point-four million', '63-point-two percent', '13-point-35': broadcast copy writes a
    figure as it is read aloud, the decimal point as the word 'point' hyphenated to the digits
    before and after it (the decimals as digits or as single-digit number words). Extends a
    whole-number core in place; 'nine-point-42' (a number word first) is read by _words_core."""
    if doc[core.start].whitespace_ or core.end >= len(doc) or not doc[core.end].text.startswith("-"):
        return  # the cheap test first: this runs on every number
    if core.end != core.start + 1 or core.has_magnitude or core.percent or core.unit or core.currency \
            or "." in doc[core.start].text or core.value != int(core.value):
        return
    words = _tables()["number_words"]
    j, text, best = core.end, "", None
    while j < len(doc) and j - core.end < 8 and not doc[j - 1].whitespace_:
        text += doc[j].lower_
        m = _SPOKEN_POINT.fullmatch(text)
        if m:
            parts = m[1].split("-")
            if all(p.isdigit() or words.get(p, 10) < 10 for p in parts):
                best = j + 1, "".join(p if p.isdigit() else str(int(words[p])) for p in parts)
        j += 1
    if best is None:
        return
    core.end, decimals = best
    fraction = float("0." + decimals)
    core.value += -fraction if core.value < 0 else fraction
    core.precision = 0.5 * 10 ** -len(decimals)
    core.year_like = False


def _spaced_decimal_point(doc: Doc, core: _Core) -> None:
    """'27. 45 billion U.S. dollars': a decimal point set apart from its decimals by a stray space,
    as wire copy typeset from tables prints it. Edited news never starts a sentence with a
    figure (AP, Reuters and Xinhua style), so whole digits, a full stop and digits followed by a
    magnitude or a percent word are one number, not a sentence end and a new sentence; a year
    before the stop ('built in 1998. 12 workers') is a sentence end."""
    i, n = core.start, len(doc)
    if doc[i].whitespace_ or i + 3 >= n or doc[i + 1].text != ".":
        return  # the cheap test first: this runs on every number
    if core.end != i + 1 or core.has_magnitude or core.percent or core.unit or core.year_like \
            or not doc[i].text.isdigit() or len(doc[i].text) > 3:
        return
    stop, decimals, after = doc[i + 1], doc[i + 2], doc[i + 3]
    if doc[i].whitespace_ or stop.text != "." or stop.whitespace_ != " " or not decimals.text.isdigit():
        return
    t = _tables()
    if after.lower_ not in t["magnitudes"] and after.lower_ not in t["percent_units"] and after.text != "%":
        return
    core.end = i + 3
    core.value = float(f"{doc[i].text}.{decimals.text}") * (-1 if core.value < 0 else 1)
    core.precision = _digit_precision(f"{doc[i].text}.{decimals.text}")


def _core_at(doc: Doc, i: int) -> Optional[_Core]:
    if i >= len(doc):  # a range joiner at the end of the text ('5 to')
        return None
    core = _numeric_core(doc, i)
    if core is not None:
        _spoken_decimals(doc, core)
        _spaced_decimal_point(doc, core)
    else:
        core = _words_core(doc, i)
    if core is not None:
        _extend_with_magnitude(doc, core)
        if core.transliterated and not core.has_magnitude:
            return None  # 'PS5' is a games console, 'PS5m' five million pounds
    return core


def _apply_scale(core: _Core, mult: float) -> None:
    if mult != 1.0 and not core.has_magnitude:
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult = mult
        core.year_like = False


def _round_pow10(x: float) -> float:
    """Largest power of ten not above x (the place of a number word: 'billion' -> 1e9)."""
    p = 1.0
    while p * 10 <= x * 1.0000001:
        p *= 10
    return p


def _magnitude_of(core: _Core) -> float:
    """The multiplier a core's magnitude word applied ('2 billion' -> 1e9)."""
    return core.mult
