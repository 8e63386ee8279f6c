"""Draw the README pictures from a fresh demo hall, in Simplified Chinese, off screen.

    python scripts/screenshots.py [OUT_DIR]     # default docs/screenshots

Each window is driven the way a clerk or customer would (a search typed, an application opened)
through the real services, then grabbed once its data has arrived. The kiosk and the counter are
drawn at the usual hall PC's size (a 1366×768 screen less its taskbar), the display at 1920×1080.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from screen_grab import grab, spin, wait_for

from counter_app.app import open_hall
from counter_app.qt_i18n import install_language
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, HallWorker

HALL_PC = (1366, 728)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="counter-shots-"))
    db = folder / "hall.sqlite3"
    hall = open_hall(db, create=True)
    from counter_app.services.demo import load_demo

    load_demo(hall)
    hall.close()

    app = QApplication(sys.argv[:1])
    install_language("zh_CN")
    style.apply_app_style(app, "zh_CN")
    worker = HallWorker(lambda: open_hall(db))
    worker.start()
    worker.ready.wait()
    client = HallClient(worker)

    from counter_app.printing.backends import PdfFolderBackend
    from counter_app.ui.applications.panel import ApplicationsPanel
    from counter_app.ui.counter.window import CounterWindow
    from counter_app.ui.display.window import DisplayWindow
    from counter_app.ui.kiosk.window import KioskWindow
    from counter_app.ui.payments.panel import PaymentPanel

    kiosk = KioskWindow(client, "zh_CN")
    kiosk.resize(*HALL_PC)
    kiosk.show()
    wait_for(app, lambda: bool(kiosk.lines))
    grab(app, kiosk, out / "kiosk.png")

    display = DisplayWindow(client, "zh_CN")
    display.resize(1920, 1080)
    display.show()
    wait_for(app, lambda: display.view is not None)
    grab(app, display, out / "display.png")

    window = CounterWindow(client, 3, None, "zh_CN", reprint=lambda h, n, c: None)
    printer = PdfFolderBackend(folder / "slips")
    window.add_panel(
        "applications",
        lambda: ApplicationsPanel(
            client, 3, window.current_clerk, window.current_ticket, printer=printer, banner=window.banner
        ),
    )
    window.add_panel(
        "payment",
        lambda: PaymentPanel(
            client, 3, window.current_clerk, window.current_ticket, printer=printer, banner=window.banner
        ),
    )
    apps = window.panel("applications")
    pay = window.panel("payment")
    window.resize(*HALL_PC)
    window.show()
    loaded: list[bool] = []
    window.loaded.connect(lambda: loaded.append(True))
    wait_for(app, lambda: bool(loaded))
    grab(app, window, out / "counter.png")

    window.show_tab("applications")
    apps.tabs.setCurrentIndex(1)
    spin(app, 1.0)
    first = apps.worklist.model.row_at(0)
    if first is not None:
        apps.open_detail(first.number)
    spin(app, 1.5)
    grab(app, window, out / "counter-applications.png")

    window.show_tab("payment")
    pay.search.search_box.setText("9900000012")  # an exact 户号 opens the card by itself
    wait_for(app, lambda: pay.guidance is not None)
    grab(app, window, out / "counter-payment.png")
    worker.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
