"""Printing payment slips from the panel: record first (the window's worker, one transaction), then
print on a worker of its own, so a slow or absent printer never holds up the counter's keys.

A slip that did not come out keeps its record; :meth:`SlipPrinter.reprint` prints the same record again,
and the slip then says 补打 (the print jobs tell an original from a reprint).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PrinterBackend, SystemPrinterBackend, parse_printer_spec
from counter_app.ui.hall_client import HallClient, while_alive

if TYPE_CHECKING:  # the hall and its values are annotations here
    from counter_app.services.hall import Hall


def default_printer() -> PrinterBackend:
    """``COUNTER_APP_PRINTER`` (``pdf:DIR``, ``system:NAME``, ``escpos-net:HOST``) or the PC's default."""
    return parse_printer_spec(os.environ.get("COUNTER_APP_PRINTER")) or SystemPrinterBackend()


class SlipPrinter(QObject):
    printed = Signal(object)
    failed = Signal(object)

    def __init__(self, client: HallClient[Hall], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.last_record_id: int | None = None
        self.last_account = ""  # whose guidance ``last_record_id`` is: only that card may print it again
        self._print_client: HallClient[Hall] | None = None

    def print_client(self) -> HallClient[Hall]:
        """The printing worker, opened on first use on the same hall as the window's."""
        if self._print_client is None:
            self._print_client = self.client.spawn("payment-print")
        return self._print_client

    def record_and_print(
        self,
        number: str,
        codes: list[str],
        *,
        clerk: str,
        counter: int,
        ticket: Ticket | None,
        backend: PrinterBackend,
        paper: str,
    ) -> None:
        def record(hall: Hall) -> tuple[int, str]:
            made = hall.payments.record(number, codes, clerk=clerk, counter=counter, ticket=ticket)
            return made.id, made.account_number

        def recorded(record: tuple[int, str]) -> None:
            self.last_record_id, self.last_account = record
            self.send(record[0], backend, paper, clerk)

        self.client.submit(record, while_alive(self, recorded), while_alive(self, self.failed.emit))

    def forget(self) -> None:
        """The customer left: nothing of theirs may be printed again from this panel."""
        self.last_record_id, self.last_account = None, ""

    def reprint(self, backend: PrinterBackend, paper: str, clerk: str) -> None:
        if self.last_record_id is not None:
            self.send(self.last_record_id, backend, paper, clerk)

    def send(self, record_id: int, backend: PrinterBackend, paper: str, clerk: str) -> None:
        from counter_app.services.printing.payments import print_payment_slip

        self.print_client().submit(
            lambda h: print_payment_slip(h, record_id, backend, paper=paper, clerk=clerk),
            while_alive(self, self.printed.emit),
            while_alive(self, self.failed.emit),
        )

    def shutdown(self) -> None:
        if self._print_client is not None:
            self._print_client.worker.stop()
            self._print_client = None
