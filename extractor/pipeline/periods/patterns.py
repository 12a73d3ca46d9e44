"""The periods tables (``data/periods.json``), the regular-expression fragments the rules
are written in (month and weekday names, years, day numbers, number words, units, bounds), and
the strings a rule's matches must hold (:func:`required_strings`), which let the candidates skip
the rules a text cannot match.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from re import _constants as _sre_constants   # (the regular-expression parser's node names)
from re import _parser as _sre_parser

_DATA = json.loads((Path(__file__).parents[1] / "data" / "periods.json").read_text(encoding="utf-8"))
MONTHS: dict[str, int] = _DATA["months"]
AMBIGUOUS_MONTHS: set[str] = set(_DATA["ambiguous_months"])
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
ORDINALS: dict[str, int] = _DATA["ordinals"]
NUMBERS: dict[str, float] = _DATA["numbers"]
VAGUE: list[str] = _DATA["vague_numbers"]
UNIT_ABBREVIATIONS: dict[str, list] = _DATA["unit_abbreviations"]
UNITS: dict[str, list] = {**_DATA["units"], **UNIT_ABBREVIATIONS}
BOUNDS: dict[str, str] = _DATA["bounds"]
DEICTIC_SHIFT: dict[str, int] = _DATA["deictic_shift"]
ANAPHORIC_DIRECTION: dict[str, int] = _DATA["anaphoric_direction"]
DAY_WORDS: dict[str, int] = _DATA["day_words"]
SEASONS: dict[str, str] = _DATA["seasons"]
SEASON_MONTHS: dict[str, list[int]] = _DATA["season_months"]
PART_OF_PERIOD: dict[str, str] = _DATA["part_of_period"]
FUTURE_AUX: set[str] = set(_DATA["future_auxiliaries"])
FUTURE_VERBS: set[str] = set(_DATA["future_verbs"])
SET_CUES: set[str] = set(_DATA["set_cues"])
YEAR_NOUN_BLOCKERS: set[str] = set(_DATA["year_noun_blockers"])
UPCOMING_DAYS: int = _DATA["upcoming_day_window"]
HOLIDAYS: dict[str, list[int]] = _DATA["holidays"]
SCHEDULED_DAYS: int = _DATA["scheduled_date_window"]
NARRATIVE_MONTHS_AHEAD: int = _DATA["narrative_months_ahead"]
SCHEDULED_DATE_WORDS: set[str] = set(_DATA["scheduled_date_words"])
EXTENSION_VERBS: set[str] = set(_DATA["extension_verbs"])

# --------------------------------------------------------------------------- regex fragments


def _alt(words, *, capitalised: bool = False) -> str:
    """Alternation, longest first; ``capitalised`` matches only Title/UPPER case (proper names)."""
    words = sorted(set(words), key=len, reverse=True)
    if capitalised:
        forms = []
        for w in words:
            forms += [re.escape(w.title()), re.escape(w.upper())]
        return "(?-i:" + "|".join(dict.fromkeys(forms)) + ")"
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


_UNITS_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
B = r"(?<![\w$€£¥#/-])"          # left word boundary that also refuses "$2019", "No.#2019", "45-"
E = r"(?![\w])"                    # right word boundary
# an abbreviation keeps its dot ("Sept. 4"); a full name never takes the sentence's full stop
MON = ("(?:" + _alt([m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")], capitalised=True) + r"\.?|"
       + _alt([m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")], capitalised=True) + ")")
WDAY = ("(?:" + _alt([w for w in WEEKDAYS if len(w) <= 5 and not w.endswith("day")], capitalised=True) + r"\.?|"
        + _alt([w for w in WEEKDAYS if w.endswith("day")], capitalised=True) + ")")
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
#: "year-to-date", "so far this year", "this year so far", "so far in 2019", "the year so far": a year up to its
#: latest month reported ("so far" left out of the span, as TimeML's TIMEX3 leaves it: "so far <this year>")
YEAR_TO_DATE = (r"(?:the\s+|this\s+)?year[-\s]to[-\s]date|this\s+year(?=\s+so\s+far)|(?<=\bso\sfar\s)this\s+year"
                r"|(?<=\bso\sfar\sin\s)(?P<yr>" + YEAR + r")|the\s+year(?=\s+so\s+far)")
#: "the beginning of this year", "the start of the year": the year's start (after "since", the year so far)
START_OF_THE_YEAR = re.compile(r"(?:the\s+)?(?:beginning|start)\s+of\s+(?:this|the|the\s+current)\s+year", re.IGNORECASE)
#: "January", "January this year", "January 2020": after "since", the year so far (see START_OF_THE_YEAR)
JANUARY_ON_ITS_OWN = re.compile(r"(?:January|Jan\.?)(?:\s*,?\s*(?:this\s+year|(?:19|20)\d\d))?", re.IGNORECASE)
#: A year written in a period's own words ("March 2022", "FY2023", "Q1'24"): its year was read, not inferred
WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d|'\d\d\b")
DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_NUM_BASE = (r"(?:\d+\s+1/2(?![\d/])|\d+(?:\.\d+)?|(?:" + "|".join(_TENS) + r")-(?:" + "|".join(_UNITS_WORDS) + r")|"
             + _alt(NUMBERS) + ")")
NUM = _NUM_BASE + r"(?:[\s-]+and[\s-]+a[\s-]+half)?"  # "seven and a half years", "four-and-a-half"; "2 1/2 years"
_UNIT_ABBREVIATION = "(?-i:" + "|".join(sorted(UNIT_ABBREVIATIONS, key=len, reverse=True)) + ")"  # lower case only
UNIT = "(?:" + _alt(_DATA["units"]) + "|" + _UNIT_ABBREVIATION + ")"
# a unit word after its number; an abbreviation may be glued to the digits ('40min')
UNIT_GAP = r"(?:[\s-]+|(?<=\d)(?=" + _UNIT_ABBREVIATION + r"\b))"
# words between a number and its unit of time: 'five straight months', 'ten trading days'
# 'two more weeks', 'an additional year': the added span is a span of that length too
SPAN_MODIFIERS = r"(?:(?:trading|business|working|consecutive|straight|calendar|full|more|additional|extra|further)\s+){0,2}"
BOUND = _alt(BOUNDS)
ORD = _alt(ORDINALS)
# "early August", "the end of 2023"; hyphenated "mid-May", "late-November"
PART = (r"(?:" + _alt([p for p in PART_OF_PERIOD if not p.endswith("-")]) + r"\s+|"
        + _alt([p for p in PART_OF_PERIOD if p.endswith("-")]) + ")")
SEASON = _alt(SEASONS)
OFYEAR = (r"(?:,?\s+(?:of\s+|in\s+)?(?:(?:the\s+year\s+)?(?P<yr>" + YEAR + r")|fiscal\s+(?:year\s+)?(?P<fyr>" + YEAR
          + r")|(?P<ryr>(?:the\s+)?(?:this|last|next|previous|current|prior|same)\s+year|the\s+year|that\s+year)))")
# holiday names as written (capitalised), an apostrophe straight or curly
HOLIDAY = "(?-i:" + "|".join(re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+")
                             for h in sorted(HOLIDAYS, key=len, reverse=True)) + ")"


# --------------------------------------------------------------------------- required strings
# Most rules find nothing in most texts, and a regular expression that opens with a lookbehind
# is tried at every position of the text. A rule can only match a text that holds one string
# of each of its required sets (its literal words, read from the parsed pattern), a test that
# costs a substring search: the candidates skip the rules a text cannot match.

_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT)
# the four characters outside ASCII that an IGNORECASE pattern matches to an ASCII letter and
# that str.casefold() does not fold to it
_SRE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _required_sets(items) -> list[frozenset[str]]:
    """Sets of strings such that every match of this parsed sequence holds one string of each."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if run:
            out.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _sre_constants.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _sre_constants.SUBPATTERN:
            out.extend(_required_sets(av[3]))
        elif op is _sre_constants.ATOMIC_GROUP:
            out.extend(_required_sets(av))
        elif op is _sre_constants.BRANCH:
            # one string of the best set of each alternative
            best = [max((s for s in _required_sets(a)), key=_selectivity, default=None) for a in av[1]]
            if all(s is not None for s in best):
                out.append(frozenset().union(*best))
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_required_sets(av[2]))
        # (a character class, an optional part, an assertion: nothing required)
    flush()
    return out


def _selectivity(strings) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def required_strings(rx: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """For each of the pattern's required sets, its strings casefolded; a set holding a string of
    one character is left out (nearly every text has it)."""
    sets = {tuple(sorted({s.casefold() for s in strings}))
            for strings in _required_sets(_sre_parser.parse(rx.pattern, rx.flags))}
    return tuple(sorted((s for s in sets if min(map(len, s)) > 1), key=_selectivity, reverse=True))


# --------------------------------------------------------------------------- first characters
# A rule is tried at every word start of the text, and most words can start none of its matches:
# a lookahead on the characters its matches can open with fails at once where the rule itself would
# first try each of its leading alternatives (the optional "the", the parts of a period, the month
# names ...). The class is read from the parsed pattern, each character as the pattern's case rule
# there says (the month names are capitalised), so it never refuses a place where the rule matches.

_CLASS_CATEGORIES = {_sre_constants.CATEGORY_WORD: r"\w", _sre_constants.CATEGORY_DIGIT: r"\d",
                     _sre_constants.CATEGORY_SPACE: r"\s"}


class _AnyCharacter(Exception):
    """A match may open with nearly any character (a negated class, a dot): no test."""


def _class_members(op, av) -> list[str]:
    if op is _sre_constants.LITERAL:
        return [re.escape(chr(av))]
    members = []
    for item, value in av:   # (an IN)
        if item is _sre_constants.LITERAL:
            members.append(re.escape(chr(value)))
        elif item is _sre_constants.RANGE:
            members.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif item is _sre_constants.CATEGORY and value in _CLASS_CATEGORIES:
            members.append(_CLASS_CATEGORIES[value])
        else:
            raise _AnyCharacter
    return members


def _first_characters(items, flags: int) -> tuple[list[tuple[str, bool]], bool]:
    """The class members (each with whether case is ignored there) a match of this parsed sequence
    can open with, and whether it can match the empty string (then what follows it can open the
    match too)."""
    members: list[tuple[str, bool]] = []
    for op, av in items:
        if op in (_sre_constants.LITERAL, _sre_constants.IN):
            ignore_case = bool(flags & re.IGNORECASE)
            return members + [(m, ignore_case) for m in _class_members(op, av)], False
        if op in (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            continue   # (zero width: the next item opens the match)
        if op is _sre_constants.SUBPATTERN:
            found, empty = _first_characters(av[3], (flags | av[1]) & ~av[2])
        elif op is _sre_constants.ATOMIC_GROUP:
            found, empty = _first_characters(av, flags)
        elif op is _sre_constants.BRANCH:
            found, empty = [], False
            for alternative in av[1]:
                more, can_be_empty = _first_characters(alternative, flags)
                found += more
                empty = empty or can_be_empty
        elif op is _sre_constants.GROUPREF_EXISTS:   # (?(group)yes|no): either
            found, empty = _first_characters(av[1], flags)
            if av[2] is None:
                empty = True
            else:
                more, can_be_empty = _first_characters(av[2], flags)
                found += more
                empty = empty or can_be_empty
        elif op in _REPEATS:
            found, empty = _first_characters(av[2], flags)
            empty = empty or av[0] == 0
        else:
            raise _AnyCharacter
        members += found
        if not empty:
            return members, False
    return members, True


def first_character_class(pattern: str, flags: int) -> str:
    """A pattern of one character that holds wherever a match of ``pattern`` (compiled with
    ``flags``) can start: the characters its matches open with; "" when that is (nearly) any."""
    try:
        members, can_be_empty = _first_characters(_sre_parser.parse(pattern, flags), flags)
    except _AnyCharacter:
        return ""
    if can_be_empty or not members:
        return ""
    classes = ["(?" + ("i" if ignore_case else "-i") + ":[" + "".join(dict.fromkeys(m for m, i in members if i == ignore_case)) + "])"
               for ignore_case in (True, False) if any(i == ignore_case for _, i in members)]
    return "(?:" + "|".join(classes) + ")"


def folded(text: str) -> str:
    """The text as :func:`required_strings` are tested on it (IGNORECASE's folding of ASCII letters)."""
    return (text if text.isascii() else text.translate(_SRE_FOLDS)).casefold()


def may_match(required: tuple[tuple[str, ...], ...], folded_text: str) -> bool:
    return all(any(s in folded_text for s in strings) for strings in required)
