"""Free text -> findings, each with the span of text that supports it."""

from crampcheck.understand.reader import TextFinding, read_text

__all__ = ["TextFinding", "read_text"]
