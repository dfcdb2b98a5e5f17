"""The credit plugin's documents as PDF, in Debian's DejaVu fonts (Cyrillic): an invoice
(счёт на оплату, ``invoice_pdf``) and a dispatch's universal transfer document (УПД,
``upd_pdf``), each a Django template rendered to HTML first (tests read that HTML), then
laid out as A4 pages by WeasyPrint; and the reconciliation statement (акт сверки,
``statement_pdf``), whose table may run to thousands of rows, drawn by ReportLab's platypus
(and ``statement_xlsx`` as a workbook). Russian layouts: they are tax documents."""
