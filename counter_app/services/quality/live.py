"""Today's summary kept up to date: each refresh reads only the tickets that changed since the last.

The dashboard refreshes on every change in the hall. Reading and folding a busy day's thousands of
tickets every time would cost far more than the change itself, so :class:`LiveDay` keeps the day's
visits by ticket and its summary cells. Each refresh asks the store how many queue events, ratings
and guidance rows the day's tickets have (rows are only ever added: the same counts mean nothing
changed) and, when they grew, which tickets have such rows above the ids already seen (a hand-over
always comes with its transfer event). If those do not add up to the growth (a server's concurrent
writers can commit a lower id after a higher one), the day is read again whole. The changed visits
are read again, and only the summary cells they touch (before and after the change) are recomputed,
each from all the visits that count in it: the result is the summary
:meth:`QualitySummary.of_visits` gives on the whole day (a test checks), whatever changed.
"""

from __future__ import annotations

from datetime import date

from counter_app.domain.quality.facts import CellKey, Targets, Visit, leg_key, visit_key
from counter_app.domain.quality.summary import QualitySummary
from counter_app.services.ports import QualityRecords


def cell_keys(visit: Visit) -> set[CellKey]:
    """The summary cells a visit counts in."""
    return {visit_key(visit), *(leg_key(visit, leg) for leg in visit.legs)}


class LiveDay:
    """One business day's visits and summary, brought up to date by :meth:`refresh` (call it
    inside a consistent read of the store)."""

    def __init__(self, day: date, targets: Targets) -> None:
        self.day = day
        self.targets = targets
        self.marks: tuple[int, int, int] | None = None
        self.counts: tuple[int, int, int] = (0, 0, 0)
        self.visits: dict[int, Visit] = {}
        self.members: dict[CellKey, set[int]] = {}  # the tickets counting in each cell
        self.summary = QualitySummary()

    def refresh(self, records: QualityRecords) -> QualitySummary:
        marks, counts = records.watermarks(), records.day_counts(self.day)
        if self.marks is None or any(now < before for now, before in zip(marks, self.marks, strict=True)):
            self._load(records.visits_by_ticket(self.day, self.day))  # first, or the file was replaced
        elif counts != self.counts:
            changed, added = records.changed_since(self.marks, self.day)
            expected = tuple(now - before for now, before in zip(counts, self.counts, strict=True))
            if added != expected:  # a row committed out of id order: read the day again
                self._load(records.visits_by_ticket(self.day, self.day))
            elif changed:
                self._update(changed, records.visits_of(changed, self.day))
        self.marks, self.counts = marks, counts
        return self.summary

    def _load(self, visits: dict[int, Visit]) -> None:
        self.visits = dict(visits)
        self.members = {}
        self.summary = QualitySummary()
        for ticket_id, visit in visits.items():
            for key in cell_keys(visit):
                self.members.setdefault(key, set()).add(ticket_id)
            self.summary.add_visit(visit, self.targets)

    def _update(self, changed: set[int], fresh: dict[int, Visit]) -> None:
        touched: set[CellKey] = set()
        for ticket_id in changed:
            old = self.visits.get(ticket_id)
            new = fresh.get(ticket_id)
            if old is None and new is None:
                continue  # another day's ticket
            if old is not None:
                for key in cell_keys(old):
                    touched.add(key)
                    self.members[key].discard(ticket_id)
            if new is not None:
                self.visits[ticket_id] = new
                for key in cell_keys(new):
                    touched.add(key)
                    self.members.setdefault(key, set()).add(ticket_id)
        if not touched:
            return
        counting = {t for key in touched for t in self.members.get(key, ())}
        redone = QualitySummary.of_visits((self.visits[t] for t in counting), self.targets)
        for key in touched:
            cell = redone.cells.get(key)
            if cell is None or not self.members.get(key):
                self.summary.cells.pop(key, None)
                self.members.pop(key, None)
            else:
                self.summary.cells[key] = cell
