"""Precision, recall and F1 counters and the report table every gold set prints."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Report", "Score"]


@dataclass(slots=True, kw_only=True)
class Score:
    """True positives, false positives and false negatives of one metric."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass(slots=True, kw_only=True)
class Report:
    """The scores of one gold set: P/R/F1 rows plus single-number measures (shares, accuracies)."""

    gold_set: str
    scores: list[Score] = field(default_factory=list)
    measures: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def metric(self, key: str) -> float:
        """A flat metric by name: 'events_strict.f1' or a measure name."""
        if key in self.measures:
            return self.measures[key]
        name, _, attr = key.rpartition(".")
        for score in self.scores:
            if score.name == name:
                return float(getattr(score, attr))
        raise KeyError(key)

    def flat(self) -> dict[str, float]:
        out = dict(self.measures)
        for score in self.scores:
            for attr in ("precision", "recall", "f1"):
                out[f"{score.name}.{attr}"] = round(getattr(score, attr), 4)
        return out

    def to_dict(self) -> dict[str, object]:
        return {"gold_set": self.gold_set,
                "scores": {s.name: s.to_dict() for s in self.scores},
                "measures": {k: round(v, 4) for k, v in self.measures.items()},
                "notes": self.notes}

    def table(self) -> str:
        lines = [f"== {self.gold_set} =="]
        if self.scores:
            lines.append(f"{'metric':<28}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}")
            for s in self.scores:
                lines.append(f"{s.name:<28}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
                             f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        for key, value in self.measures.items():
            lines.append(f"{key:<40}{value:>10.3f}")
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)
