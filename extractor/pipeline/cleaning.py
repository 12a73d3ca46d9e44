"""Clean text: drop the web-page chrome that pasted news articles carry.

Plain text copied from a news page holds more than the story: breadcrumbs
("Home > National > North Korea"), print/share buttons, photo captions that
appear twice (once under the picture, once in the lightbox), bylines with an
e-mail address, and a footer of login and comment prompts. Offsets in the
output point into the text this module returns, so it only ever *drops whole
lines*; it never rewrites characters inside a kept line.

Rules (each a pattern table in ``data/boilerplate.json``):

* ``noise_lines``: a line that is only chrome is dropped.
* ``link_list_headings``: a heading of links to other stories ("Related News") and the
  list lines right after it (a dash or a bullet first) are dropped.
* ``footer_markers``: the first footer line (a comment or login prompt, a
  copyright notice) and everything after it are dropped.
* repeated paragraphs: a paragraph that repeats an earlier one (whitespace
  folded) is kept once. This is what keeps a caption shown twice from yielding
  its claims twice, and the headline repeated above the story once.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class BoilerplatePatterns:
    noise_lines: tuple[re.Pattern, ...]
    footer_markers: tuple[re.Pattern, ...]
    link_list_headings: tuple[re.Pattern, ...] = ()


@cache
def boilerplate_patterns() -> BoilerplatePatterns:
    raw = json.loads((DATA / "boilerplate.json").read_text(encoding="utf-8"))
    compile_all = lambda pats: tuple(re.compile(p, re.IGNORECASE) for p in pats)  # noqa: E731
    return BoilerplatePatterns(compile_all(raw["noise_lines"]), compile_all(raw["footer_markers"]),
                               compile_all(raw["link_list_headings"]))


@dataclass
class CleanedText:
    text: str
    dropped: list[str] = field(default_factory=list)   # the lines removed, for --verbose and tests


def _fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_noise_line(line: str, patterns: BoilerplatePatterns) -> bool:
    # A line ending like a sentence is prose even when it starts like chrome
    # ("By 2030, exports ..." is not a byline).
    stripped = line.strip()
    if len(stripped) > 120 or (stripped.endswith((".", "?", "!", "”", '"')) and len(stripped.split()) > 6):
        return False
    return any(p.fullmatch(stripped) for p in patterns.noise_lines)


def _is_footer_marker(line: str, patterns: BoilerplatePatterns) -> bool:
    stripped = line.strip()
    return len(stripped) <= 160 and any(p.fullmatch(stripped) for p in patterns.footer_markers)


_LIST_ITEM = re.compile(r"[-–•*·]\s")
# (after a word, a year, a percent; a closing bracket, "(MTA).Imports", or a capitals' sign or acronym,
# "RM.Imports", whose letters no full stop splits as "U.S." has)
_GLUED_SENTENCES = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d{4})|(?<=\d%)|(?<=\w\))|(?<=[A-Z]{2}))(?<!www)\.(?=[A-Z][a-z]+\b)"
                              r"(?![A-Za-z]+\.[a-z]{2,})")
# "Taiwan`s exports": a grave accent or acute typed for the apostrophe of a possessive
_ACCENT_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[`´](?=s\b)")
# "the Korea Trade-Investment Promotion Agency(KOTRA)": an acronym's bracket typed without its space,
# which the tokenizer would keep inside the name's last word
_GLUED_ACRONYM = re.compile(r"(?<=[a-z])\((?=[A-Z][A-Za-z&]{1,11}\))")
_ENDS_A_SENTENCE = re.compile(r"[.!?:;\"”’')\]]\s*$")
_ENDS_WITH_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}\s*$")


def _unwrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped copy ("... 12,000 tonnes of coal" / "from China in March"): a line that does not
    end a sentence, followed directly (no blank line) by one that starts in lower case, goes on
    with it. Headlines, datelines and captions start their next line in upper case and stay apart."""
    out: list[str] = []
    for line in lines:
        # (an initialism's full stop, "3.5 billion U.S." / "dollars", ends no sentence a lower-case line goes on)
        if out and out[-1].strip() and line.strip() and not (_ENDS_A_SENTENCE.search(out[-1])
                                                             and not _ENDS_WITH_INITIALS.search(out[-1])) and (
                line.lstrip()[:1].islower() or _GOES_ON.match(line.lstrip()) and _stops_mid_clause(out[-1])):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        elif len(out) >= 2 and not out[-1].strip() and out[-2].strip() and line.strip() \
                and not _ENDS_A_SENTENCE.search(out[-2]) and _GOES_ON.match(line.lstrip()) \
                and _stops_mid_clause(out[-2]):
            # "Exports fell" / (blank) / "8 percent in May": a wire line broken mid-sentence, even
            # across a blank line, when it stops on a lower-case word and goes on with a figure or a
            # lower-case word
            out.pop()
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _stops_mid_clause(line: str) -> bool:
    """The line stops on a lower-case word ('... in the first seven months fell')."""
    words = line.rstrip().split()
    return bool(words) and words[-1].isalpha() and words[-1].islower()


_GOES_ON = re.compile(r"(?:[a-z]|\d[\d.,]*\s*(?:%|per\s?cent|percent|pct|[a-z]))")


def clean_text(raw: str) -> CleanedText:
    """Return the article text without page chrome, paragraphs joined by a blank line.

    >>> clean_text("Home > World\\n\\nTrade rose.\\n\\nShare this article").text
    'Trade rose.'
    """
    patterns = boilerplate_patterns()
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    # the non-breaking hyphen some sites set in ranges ("Mar 1\u201120") is a hyphen to every reader
    text = text.replace("\u2011", "-")
    kept: list[str] = []
    seen: set[str] = set()
    dropped: list[str] = []
    # "...has more.Report: ...": a transcript's sentences glued without a space
    text = _GLUED_SENTENCES.sub(". ", text)
    text = _ACCENT_APOSTROPHE.sub("\u2019", text)
    text = _GLUED_ACRONYM.sub(" (", text)
    lines = _unwrapped(text.split("\n"))
    in_link_list = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if in_link_list and _LIST_ITEM.match(line.strip()):
            dropped.append(line)   # "- June 9, 2023 Another story's headline ...": not this story
            continue
        in_link_list = len(line.strip()) <= 60 and any(p.fullmatch(line.strip()) for p in patterns.link_list_headings)
        if _is_footer_marker(line, patterns):
            if not kept:
                # "© Wire. FILE PHOTO: ..." above the story: a photo credit, not the page's footer
                dropped.append(line)
                continue
            dropped.extend(l for l in lines[i:] if l.strip())
            break
        if _is_noise_line(line, patterns):
            dropped.append(line)
            continue
        key = _fold(line)
        if key in seen:
            dropped.append(line)
            continue
        seen.add(key)
        kept.append(line.strip())
    return CleanedText("\n\n".join(kept), dropped)
