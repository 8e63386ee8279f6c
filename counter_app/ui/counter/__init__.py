"""The counter window (营业员窗口): the call keys, the current customer, the line, the desk tabs and
the hand-overs (首问负责制) with their visit notes."""
