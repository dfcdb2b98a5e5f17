"""The credit plugin's documents as PDF (WeasyPrint, Pango with Debian's DejaVu fonts for
Cyrillic): an invoice (счёт на оплату, ``invoice_pdf``) and a dispatch's universal transfer
document (УПД, ``upd_pdf``). Each is a Django template rendered to HTML first (tests read
that HTML), then laid out as A4 pages. Russian layouts: they are tax documents."""
