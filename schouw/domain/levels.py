"""The CROW image-quality levels as an ordered type.

"Meets norm B" must be a comparison, not string matching: ``Level.A >= Level.B`` is
true because A is better than B. The order is A+ > A > B > C > D.
"""

from __future__ import annotations

from enum import Enum
from functools import total_ordering


@total_ordering
class Level(Enum):
    """One CROW level. Compare with <, >=, ...: a *higher* level is *better* quality."""

    A_PLUS = "A+"
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def rank(self) -> int:
        """4 for A+ down to 0 for D: bigger is better."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def meets(self, norm: Level) -> bool:
        """True when this measured level is at or above the norm."""
        return self.rank >= norm.rank

    @classmethod
    def parse(cls, text: str) -> Level:
        """Read a level as people write it: 'A+', 'a+', 'A_PLUS', ' b '."""
        key = text.strip().upper().replace("PLUS", "+").replace("_", "")
        for level in cls:
            if level.value == key:
                return level
        raise ValueError(text)

    def __str__(self) -> str:
        return self.value


_RANK = {Level.A_PLUS: 4, Level.A: 3, Level.B: 2, Level.C: 1, Level.D: 0}

#: All levels, best first: the order reports and level buttons use.
ALL_LEVELS: tuple[Level, ...] = (Level.A_PLUS, Level.A, Level.B, Level.C, Level.D)

#: The labels most municipalities use (DOMAIN.md); a profile may replace them.
DEFAULT_LABELS: dict[Level, str] = {
    Level.A_PLUS: "zeer hoog",
    Level.A: "hoog",
    Level.B: "basis",
    Level.C: "laag",
    Level.D: "zeer laag",
}

#: What a finding records when the item does not apply here (niet van toepassing).
NOT_APPLICABLE = "n.v.t."
