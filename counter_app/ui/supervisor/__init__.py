"""The supervisor's dashboard (值班长看板, ``gui --role supervisor``): the hall now, today's figures,
each clerk's, the forecast, and the reports to export."""
