"""A warehouse's stock from an xlsx workbook (``upload.py``)."""
