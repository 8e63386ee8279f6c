"""A table model over a list of values (never rows of the database): what every table of the
windows shares, so each model says only what its cells show."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

Index = QModelIndex | QPersistentModelIndex
#: What a model gives a view for one cell and role (a ``QVariant``; the stubs say ``Any``): text, a
#: number, a brush, a font, or ``None`` where the view's default applies.
CellValue = str | int | QBrush | QFont | None
T = TypeVar("T")


class ValueTableModel(QAbstractTableModel, Generic[T]):
    """One value of type ``T`` a row. ``COLUMNS`` are the English headers, each marked with
    ``QT_TRANSLATE_NOOP(CONTEXT, ...)`` and translated in ``CONTEXT`` when shown; a subclass adds
    ``data``."""

    CONTEXT: ClassVar[str]
    COLUMNS: ClassVar[tuple[object, ...]]  # QT_TRANSLATE_NOOP is typed as returning object

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[T, ...] = ()

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``. The same rows again (a refresh after a change elsewhere in the hall) only
        repaint their cells, so the clerk's selection and scroll position stay where they were."""
        new = tuple(rows)
        if new and new == self._rows:
            self._all_cells_changed()
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        """Every cell and header may read differently: the UI language changed."""
        self._all_cells_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def _all_cells_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> CellValue:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, str(self.COLUMNS[section]))
        return None
