"""The applications tab of a counter (业扩报装): intake form, worklist, one application in detail."""
