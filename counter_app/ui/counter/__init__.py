"""The counter window (营业员窗口): the call keys, the current customer, the line and the desk tabs."""
