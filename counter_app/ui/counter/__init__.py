"""The counter's own widgets beside its window: hand-overs (首问负责制) and visit notes."""
