"""The worklist tab: filters (state, business, owner, due), the search box, the hall's counts and the
table of applications, beside the detail of the one chosen.

It only shows pages and says what the clerk asked for: :attr:`filters_changed` when a filter or the
search changed (the panel fetches a page through the hall worker), :attr:`chosen` with the number of
the application the clerk picked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.applications.business_types import BusinessType
from counter_app.domain.applications.detail import OPEN_STATUSES
from counter_app.domain.applications.worklist import STATE_FILTERS, DueFilter, WorklistPage, WorklistQuery
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.applications.messages import status_name
from counter_app.ui.applications.models import SORT_ROLE, WorklistModel
from counter_app.ui.widgets import make_label, make_timer

MINE = "\0mine"


class WorklistPane(QWidget):
    filters_changed = Signal()
    chosen = Signal(str)

    def __init__(
        self,
        type_name: Callable[[str], str],
        stage_name: Callable[[str, str], str],
        clerk: Callable[[], str],
        side: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clerk = clerk
        self.page: WorklistPage | None = None
        self.types: tuple[BusinessType, ...] = ()
        self._state_before_search: str | None = None
        self._search_timer = make_timer(self, 300, self.filters_changed.emit, single_shot=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        filters = QHBoxLayout()
        self.state_box, self.type_box, self.owner_box, self.due_box = (QComboBox() for _ in range(4))
        for key in STATE_FILTERS:
            self.state_box.addItem(key, key)
        self.due_box.addItem("", "")
        for d in DueFilter:
            self.due_box.addItem(d.value, d.value)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.setMinimumWidth(260)
        for box in (self.state_box, self.type_box, self.owner_box, self.due_box):
            box.currentIndexChanged.connect(lambda _: self.filters_changed.emit())
            filters.addWidget(box)
        filters.addWidget(self.search, 1)
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self.filters_changed.emit)
        layout.addLayout(filters)
        self.counts = make_label(font=style.font(11))
        self.note = make_label(colour=style.AMBER, wrap=True)
        layout.addWidget(self.counts)
        layout.addWidget(self.note)
        self.model = WorklistModel(type_name, stage_name)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table()
        # list above, detail below: beside the counter's call keys the panel is narrow, not short
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setSizes([170, 470])
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: most urgent first
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in (
            (WorklistModel.BUSINESS, 130),
            (WorklistModel.STAGE, 110),
        ):  # long names: elided
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setStyleSheet("QTableView { background: white; border: 1px solid #d5dede; }")
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        return table

    # language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        states = {"open": self.tr("Open (all)"), "all": self.tr("All, closed too")}
        for i in range(self.state_box.count()):
            key = str(self.state_box.itemData(i))
            self.state_box.setItemText(i, states.get(key) or status_name(key))
        dues = {"": self.tr("Any due date"), "soon": self.tr("Due soon"), "overdue": self.tr("Overdue")}
        for i in range(self.due_box.count()):
            self.due_box.setItemText(i, dues[str(self.due_box.itemData(i))])
        self.search.setPlaceholderText(self.tr("Search: number, name, phone, ID, account, address"))
        self.set_types(self.types)
        self.set_owners(())
        self.show_page(self.page, None)
        self.model.retranslate()

    def set_types(self, types: Sequence[BusinessType]) -> None:
        self.types = tuple(types)
        with QSignalBlocker(self.type_box):
            current = self.type_box.currentData() or ""
            self.type_box.clear()
            self.type_box.addItem(self.tr("Every business"), "")
            for t in self.types:
                self.type_box.addItem(t.names.get(current_language()), t.code)
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(current)))

    def set_owners(self, owners: Sequence[str]) -> None:
        with QSignalBlocker(self.owner_box):
            current = self.owner_box.currentData() or ""
            known = [str(self.owner_box.itemData(i)) for i in range(3, self.owner_box.count())]
            self.owner_box.clear()
            self.owner_box.addItem(self.tr("Everyone's"), "")
            self.owner_box.addItem(self.tr("Mine"), MINE)
            self.owner_box.insertSeparator(2)
            for owner in sorted(set(known) | set(owners)):
                self.owner_box.addItem(owner, owner)
            self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(current)))

    # the query and the page --------------------------------------------------------------------
    def query(self) -> WorklistQuery:
        state = str(self.state_box.currentData())
        owner = str(self.owner_box.currentData() or "")
        due = str(self.due_box.currentData() or "")
        return WorklistQuery(
            statuses=STATE_FILTERS.get(state, OPEN_STATUSES),
            business_type=str(self.type_box.currentData() or "") or None,
            owner=self.clerk() if owner == MINE else owner or None,
            due=DueFilter(due) if due else None,
            search=self.search.text(),
            viewer=self.clerk(),
        )

    def _search_edited(self, text: str) -> None:
        """A search looks through closed applications too (a customer back with an old receipt): the
        state filter visibly moves from "Open" to "All" while searching, and back when cleared."""
        with QSignalBlocker(self.state_box):
            if text.strip() and self.state_box.currentData() == "open":
                self._state_before_search = "open"
                self.state_box.setCurrentIndex(self.state_box.findData("all"))
            elif not text.strip() and self._state_before_search:
                self.state_box.setCurrentIndex(self.state_box.findData(self._state_before_search))
                self._state_before_search = None
        self._search_timer.start()

    def show_page(self, page: WorklistPage | None, shown: str | None) -> None:
        """Show a page, keeping the application on the right selected (without reopening it)."""
        self.page = page
        if page is None:
            return
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_rows(page.rows)
            row = self.model.row_of(shown) if shown else -1
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(index, flags)
        c = page.counts
        self.counts.setText(
            self.tr(
                "%1 of %2 shown · open %3 · overdue %4 · due within %5 working day(s) %6 · "
                "suspended %7 · mine %8"
            )
            .replace("%1", str(len(page.rows)))
            .replace("%2", str(page.total))
            .replace("%3", str(c.open))
            .replace("%4", str(c.overdue))
            .replace("%5", str(page.due_soon_workdays))
            .replace("%6", str(c.due_soon))
            .replace("%7", str(c.suspended))
            .replace("%8", str(c.mine))
        )
        notes = []
        if page.provisional_years:
            years = ", ".join(str(y) for y in page.provisional_years)
            notes.append(
                self.tr(
                    "* Due dates in %1 are provisional: the official holiday schedule is not published yet."
                ).replace("%1", years)
            )
        if page.search_note == "short":
            notes.append(
                self.tr(
                    "One or two characters find names that start with them; type 3 or more to search inside."
                )
            )
        self.note.setText("  ".join(notes))
        self.note.setVisible(bool(notes))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(current).row()) if current.isValid() else None
        if row is not None:
            self.chosen.emit(row.number)

    def select(self, number: str) -> bool:
        """Choose an application of the page as the clerk would (tests, and a scanned tracking code)."""
        row = self.model.row_of(number)
        if row < 0:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True
