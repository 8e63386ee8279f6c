"""Service quality (服务质量) use cases: the customer's rating, hand-overs and notes of visits, the
supervisor's dashboard, the reports and the forecast. Each action is one unit of work on the store
(typed on ``services/ports.py``: ``QualityRecords``); the figures come from
:mod:`counter_app.domain.quality`.

Modules: :mod:`.handover` (a transfer recorded as a hand-over, inside the queue's transaction),
:mod:`.ratings` (the rating screen and dialog), :mod:`.visits` (hand-overs and notes as the counter
sees them), :mod:`.summaries` (stored day summaries), :mod:`.live` (today kept up to date),
:mod:`.dashboard`, :mod:`.reports`.
"""
