"""The property boundary leaflet (产权分界告知单): a half page (A5) the clerk hands over, or a roll slip.

It shows the supply from the service drop to the home as four boxes, the power company's side shaded
(the billing meter always: it is the company's whatever the boundary), the fault's place framed, then
the answer (free 95598 repair, or the customer's side), the rule it rests on (供电营业规则（2024）),
the hall's approved paid services when the customer is responsible, and the meter's rule. All wording of the
answer is the hall profile's (``services.payments.guidance``); only the labels are translated here.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from counter_app.domain.payments.boundary import BoundaryLeaflet, FaultLocation, utility_side
from counter_app.printing.document import Line, Printable
from counter_app.printing.slip_layout import Pen, TextSource

CONTEXT = "BoundaryLeaflet"
TITLE = QT_TRANSLATE_NOOP("BoundaryLeaflet", "Who repairs this fault? Property boundary (产权分界)")
LOCATIONS = {
    FaultLocation.BEFORE_METER: QT_TRANSLATE_NOOP("BoundaryLeaflet", "Before the meter"),
    FaultLocation.METER: QT_TRANSLATE_NOOP("BoundaryLeaflet", "The meter"),
    FaultLocation.AFTER_METER: QT_TRANSLATE_NOOP("BoundaryLeaflet", "After the meter"),
    FaultLocation.INSIDE_HOME: QT_TRANSLATE_NOOP("BoundaryLeaflet", "Inside the home"),
}
UTILITY_SIDE = QT_TRANSLATE_NOOP("BoundaryLeaflet", "Shaded: the power company's side (free repair)")
FAULT_HERE = QT_TRANSLATE_NOOP("BoundaryLeaflet", "Framed: where the fault is")
CONTRACT = QT_TRANSLATE_NOOP("BoundaryLeaflet", "Your supply contract sets this boundary")
HOTLINE = QT_TRANSLATE_NOOP("BoundaryLeaflet", "24-hour power supply service and repair hotline %1")

DESIGN_WIDTH_MM = 100.0


def t(texts: TextSource, source: object, *args: object) -> str:
    return texts.t(CONTEXT, str(source), *args)


def _diagram(pen: Pen, leaflet: BoundaryLeaflet, utility_owns: FaultLocation, texts: TextSource) -> None:
    """Four boxes in supply order; shaded up to the boundary; the fault's box framed thick."""
    gap = pen.mm(1.5)
    width = (pen.rect.width() - 3 * gap) / 4
    blocks = [
        pen.block(t(texts, LOCATIONS[loc]), 2.8, bold=loc is leaflet.location, width=width - pen.mm(1.6))
        for loc in FaultLocation
    ]
    height = max(b.height for b in blocks) + pen.mm(3.0)
    for index, (location, block) in enumerate(zip(FaultLocation, blocks, strict=True)):
        box = QRectF(pen.rect.left() + index * (width + gap), pen.y, width, height)
        if not pen.dry:
            painter = pen.painter
            painter.save()
            if utility_side(location, utility_owns):
                painter.fillRect(box, QColor(215, 215, 215))
            thick = location is leaflet.location
            painter.setPen(QPen(QColor(Qt.GlobalColor.black), max(1.0, pen.mm(0.9 if thick else 0.25))))
            painter.drawRect(box)
            painter.restore()
            block.draw(painter, box.left() + pen.mm(0.8), box.top() + (height - block.height) / 2)
    pen.y += height + pen.mm(1.2)
    pen.text(t(texts, UTILITY_SIDE) + "  ·  " + t(texts, FAULT_HERE), 2.5, min_mm=2.0, gap_mm=1.6)


def _lay_out(pen: Pen, leaflet: BoundaryLeaflet, utility_owns: FaultLocation, texts: TextSource) -> float:
    pen.text(leaflet.hall_name, 4.2, bold=True, min_mm=3.0, gap_mm=0.5)
    pen.text(leaflet.company, 2.6, min_mm=2.2, gap_mm=0.4)
    pen.rule()
    pen.text(t(texts, TITLE), 4.0, bold=True, min_mm=3.0, gap_mm=1.6)
    _diagram(pen, leaflet, utility_owns, texts)
    location, advice, rule, *paid = leaflet.lines
    pen.text(location, 3.3, center=False, gap_mm=1.0, spacing=1.05)
    pen.boxed(advice, 3.8)
    if leaflet.from_contract:
        pen.text(t(texts, CONTRACT), 3.0, bold=True, center=False, gap_mm=0.6)
    pen.text(rule, 2.8, center=False, gap_mm=1.2, spacing=1.08)
    for line in paid:
        pen.text(line, 3.0, center=False, gap_mm=0.5, spacing=1.05)
    if leaflet.meter_note:
        pen.space(0.6)
        pen.text(leaflet.meter_note, 3.0, bold=True, center=False, gap_mm=0.6, spacing=1.05)
    pen.rule(1.6)
    pen.text(t(texts, HOTLINE, leaflet.hotline), 3.2, bold=True, gap_mm=0.0)
    return pen.used()


def render(painter: QPainter, rect: QRectF, leaflet: BoundaryLeaflet, texts: TextSource) -> float:
    """Draw the leaflet into ``rect`` (device pixels); returns the height used."""
    owns = leaflet.utility_owns_up_to
    return Pen.fit_and_draw(
        painter, rect, leaflet.language, DESIGN_WIDTH_MM, lambda pen: _lay_out(pen, leaflet, owns, texts)
    )


def text_lines(leaflet: BoundaryLeaflet, texts: TextSource) -> tuple[Line, ...]:
    location, advice, rule, *paid = leaflet.lines
    lines = [
        Line("text", leaflet.hall_name, size=2, bold=True),
        Line("rule"),
        Line("text", t(texts, TITLE), bold=True),
        Line("text", location),
        Line("text", advice, size=2, bold=True),
        Line("text", t(texts, CONTRACT) if leaflet.from_contract else "", bold=True),
        Line("text", rule),
        *(Line("text", line) for line in paid),
        Line("text", leaflet.meter_note, bold=True),
        Line("rule"),
        Line("text", t(texts, HOTLINE, leaflet.hotline), bold=True),
    ]
    return tuple(line for line in lines if line.kind != "text" or line.text)


def leaflet_printable(leaflet: BoundaryLeaflet, texts: TextSource) -> Printable:
    return Printable(
        title=f"boundary {leaflet.location.value}",
        render=partial(render, leaflet=leaflet, texts=texts),
        lines=text_lines(leaflet, texts),
    )
