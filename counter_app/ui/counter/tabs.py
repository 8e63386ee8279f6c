"""The counter's tabs: the waiting line first, then the desk tasks beside it (applications, payment
guidance, the hand-overs of 首问负责制 from ``handover_panel.py``), each panel built the first time
its tab is opened or once the line has loaded: their forms and printing code are not needed for the
first paint of a counter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal, SignalInstance, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


@runtime_checkable
class LoadingPanel(Protocol):
    """A panel that says when its first data has arrived (the window's ``loaded`` waits for it)."""

    @property
    def loaded(self) -> SignalInstance: ...


@runtime_checkable
class FollowsCustomer(Protocol):
    """A panel that shows something of the customer at the counter and clears it when they change."""

    def customer_changed(self) -> None: ...


@runtime_checkable
class TypedInto(Protocol):
    """A panel where the clerk types at once when its tab opens (the payment search)."""

    def focus_start(self) -> None: ...


class DeskTabs(QTabWidget):
    """The line's page at index 0 (added by the window), then one tab per desk panel by name."""

    panel_loaded = Signal()  # a panel built here has its first data

    def __init__(self, title: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self._layouts: dict[str, QVBoxLayout] = {}
        self._built: dict[str, QWidget] = {}
        self._pending: set[int] = set()
        self.currentChanged.connect(self._opened)

    def add_panel(self, name: str, factory: Callable[[], QWidget]) -> None:
        holder = QWidget()
        holder.setObjectName(f"{name}Tab")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self._factories[name] = factory
        self._holders[name] = holder
        self._layouts[name] = layout
        self.addTab(holder, self._title(name))

    @property
    def names(self) -> list[str]:
        return list(self._factories)

    def panel(self, name: str) -> QWidget:
        """The panel of a tab, built now if it was not yet (``KeyError`` for an unknown name)."""
        factory = self._factories[name]
        if name not in self._built:
            built = factory()
            self._layouts[name].addWidget(built)
            self._built[name] = built
            if isinstance(built, LoadingPanel):
                self._pending.add(id(built))
                built.loaded.connect(lambda p=built: self._panel_loaded(p))
        return self._built[name]

    def panels(self) -> list[QWidget]:
        """The panels built so far, in tab order."""
        return [self._built[name] for name in self._factories if name in self._built]

    def build_all(self) -> None:
        for name in self._factories:
            self.panel(name)

    @property
    def all_loaded(self) -> bool:
        """Every panel built so far has its first data."""
        return not self._pending

    def show_tab(self, name: str) -> None:
        """Bring a tab forward by name: a panel's (built now), or any other name for the line."""
        if name in self._factories:
            self.panel(name)
            self.setCurrentWidget(self._holders[name])
        else:
            self.setCurrentIndex(0)

    def retitle(self, line_title: str) -> None:
        """Every tab's title in the current language, with its Ctrl+number in the tooltip."""
        self.setTabText(0, line_title)
        for i, name in enumerate(self._factories, start=1):
            self.setTabText(i, self._title(name))
        for i in range(self.count()):
            self.setTabToolTip(i, f"Ctrl+{i + 1}")

    def open_index(self, index: int) -> None:
        if index < self.count():
            self.setCurrentIndex(index)

    @Slot(int)
    def _opened(self, index: int) -> None:
        page = self.widget(index)
        name = page.objectName().removesuffix("Tab") if page is not None else ""
        if name in self._factories:
            built = self.panel(name)
            if isinstance(built, TypedInto):  # e.g. the payment search: the clerk types the account
                built.focus_start()

    def _panel_loaded(self, panel: QWidget) -> None:
        if id(panel) in self._pending:
            self._pending.discard(id(panel))
            self.panel_loaded.emit()
