"""Reading uploaded spreadsheets safely: ``rows`` streams a workbook's first sheet after
checking the archive, ``numbers`` reads a cell as a number. Shared by every upload."""
