"""Announcement text: plain text whose paragraphs are separated by blank lines."""

from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Line endings as ``\\n``, no trailing spaces, at most one blank line between
    paragraphs, nothing blank around."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n")
             .split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a cleaned text (single line breaks stay inside a paragraph)."""
    return [part for part in text.split("\n\n") if part.strip()]
