"""Order files: the spreadsheets buyers really send (xlsx or CSV, title rows, merged cells,
headers in Russian or English in any order, totals rows, several sheets), read into rows of
text, their columns guessed (or remembered from the organization's last file with the same
header), then applied to the buyer's cart row by row with a report of each row.

- ``reading``: the file's sheets as rows of text (``csv_text`` for CSV), within the limits.
- ``columns``: what a header cell names (SKU, quantity, name, unit, price, amount).
- ``cells``: a SKU or a quantity as people write them («10 шт», «1 000», «10,5», 12.0).
- ``guess``: which row is the header and which columns hold what; the header's signature.
- ``memory``: the mappings organizations confirmed, by header signature.
- ``upload`` / ``apply``: the two steps the API calls.
"""
