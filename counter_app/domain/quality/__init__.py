"""Service quality (服务质量): the figures a hall is assessed on, their summaries, the staffing formula
and the month-end forecast. Pure Python: no Qt, no SQL; the store feeds it visits or stored summaries.

Modules: :mod:`.facts` (what is counted), :mod:`.figures` (the figures and their exact computation),
:mod:`.definitions` (their words), :mod:`.summary` (mergeable per-day summaries), :mod:`.staffing`
(Erlang C), :mod:`.forecast` and :mod:`.planning` (forecast, counters needed, back-test),
:mod:`.report` (the plain value a report writer lays out).
"""
