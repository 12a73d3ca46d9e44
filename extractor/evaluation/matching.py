"""Counting primitives shared by every benchmark scorer.

* :class:`Score` holds true positives and the two denominators, so scores of
  several documents add up (micro-averaging, as the CQE and TempEval-3 scorers do).
* :func:`match_one_to_one` pairs gold and predicted items so that each gold item
  and each prediction is used at most once, and the number of pairs is maximal
  (augmenting paths, Kuhn 1955). Greedy first-come pairing under-counts when one
  prediction could serve two gold items; maximum matching does not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence, TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Score:
    """Micro-averaged precision / recall / F1 from counts.

    ``tp`` pairs were matched one-to-one, out of ``predicted`` system items and
    ``gold`` gold items.
    """

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "tp": self.tp, "predicted": self.predicted, "gold": self.gold,
        }


def match_one_to_one(
    gold: Sequence[G],
    predicted: Sequence[P],
    is_match: Callable[[G, P], bool],
    preference: Callable[[G, P], float] | None = None,
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of ``gold`` to ``predicted`` under ``is_match``.

    Returns ``(gold_index, predicted_index)`` pairs sorted by gold index. Among
    candidate predictions of one gold item, lower ``preference`` is tried first
    (e.g. distance between spans), which makes the pairing deterministic and
    natural when several maximum matchings exist.
    """
    candidates: list[list[int]] = []
    for g in gold:
        options = [j for j, p in enumerate(predicted) if is_match(g, p)]
        if preference is not None:
            options.sort(key=lambda j, g=g: (preference(g, predicted[j]), j))
        candidates.append(options)

    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if candidates[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def score_matching(gold: Sequence, predicted: Sequence, pairs: Iterable[tuple[int, int]]) -> Score:
    return Score(len(list(pairs)), len(predicted), len(gold))


def unmatched(items: Sequence, pairs: Iterable[tuple[int, int]], side: int) -> list[int]:
    """Indexes of ``items`` not used by ``pairs`` (side 0 = gold, 1 = predicted)."""
    used = {pair[side] for pair in pairs}
    return [i for i in range(len(items)) if i not in used]


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half-open character spans share at least one character (TempEval-3 'relaxed')."""
    return a[0] < b[1] and b[0] < a[1]


def span_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def values_close(a: float, b: float, rel_tol: float) -> bool:
    """``|a - b| <= rel_tol * max(|a|, |b|)``; exact for zero."""
    if a == b:
        return True
    return abs(a - b) <= rel_tol * max(abs(a), abs(b))
