"""Price lists as Excel workbooks: import an uploaded list, export a list or the viewer's
own prices, with streaming readers and writers so memory stays bounded (README.md)."""
