"""The invoice and the UPD as PDF: the HTML each is laid out from names both parties with
INN, KPP, address and bank details, the lines, VAT at 22%, the totals and (the invoice)
the total in Russian words; WeasyPrint lays it out as real PDF pages (kept under
tmp_path for a look); the signed links serve them to whoever sees the row, 404 to others
and for a tampered link."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils.html import escape
from weasyprint import HTML

from plugins.credit.documents.common import money
from plugins.credit.documents.invoice_pdf import invoice_html, invoice_pdf
from plugins.credit.documents.upd_pdf import upd_html, upd_pdf
from plugins.credit.documents.words import amount_in_words
from plugins.credit.downloads import invoice_pdf_url, upd_url
from plugins.credit.models import CreditAccount
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import viewer_of
from tests.invoices_world import *  # noqa: F403
from tests.invoices_world import confirmed, invoice_of, shipped

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(credit_world):
    windows, doors = credit_world["variants"][1], credit_world["variants"][2]
    return confirmed(credit_world, (windows, 2), (doors, 3))


def test_the_invoice_names_both_parties_lines_vat_and_the_total_in_words(
        credit_world, order, tmp_path):
    invoice = invoice_of(order)
    html = invoice_html(invoice)
    factory, dealer = credit_world["factory"], credit_world["dealer"]
    for text in (escape(factory.legal_name), factory.inn, "770101001", "ул. Заводская",
                 "ПАО Сбербанк", "044525225", "40702810938000000001",
                 "30101810400000000225", escape(dealer.legal_name), dealer.inn, "772201001",
                 "ул. Дилерская", "АО Альфа-Банк", "Иванов И. И.", "Петрова А. А.",
                 f"Счёт на оплату № СЧ-{invoice.year % 100}-00001",
                 "НДС 22%", "В том числе НДС (22%)", credit_world["variants"][1].sku):
        assert text in html, text
    for total in (invoice.total_net, invoice.total_vat, invoice.total_gross):
        assert money(total) in html
    assert invoice.total_gross == order.grand_total_gross
    assert amount_in_words(invoice.total_gross) in html
    assert "рубл" in html and "копе" in html
    content = invoice_pdf(invoice)
    assert content.startswith(b"%PDF-")
    (tmp_path / "invoice.pdf").write_bytes(content)
    (tmp_path / "invoice.html").write_text(html)
    pages = HTML(string=html).render().pages
    assert len(pages) == 1


def test_the_upd_of_a_dispatch_has_status_1_the_parties_lines_and_signatures(
        credit_world, order, tmp_path):
    CreditAccount.objects.filter(pk=credit_world["account"].pk).update(
        invoice_policy="PER_SHIPMENT")
    dispatch = shipped(credit_world, order, (credit_world["variants"][1], 2))
    html = upd_html(dispatch)
    for text in ("Универсальный передаточный документ", "Статус: <b>1</b>",
                 credit_world["factory"].inn + "/770101001",
                 credit_world["dealer"].inn + "/772201001", "Российский рубль, 643",
                 "Грузополучатель", "Налоговая ставка", "22%", "796", "шт",
                 "Товар (груз) передал", "Товар (груз) получил", "Главный бухгалтер",
                 f"№ СЧ-{order.year % 100}-00001"):
        assert text in html, text
    line = order.lines.get(variant=credit_world["variants"][1])
    net = line.unit_net * 2
    assert money(net) in html and money(line.unit_gross * 2 - net) in html
    content = upd_pdf(dispatch)
    assert content.startswith(b"%PDF-")
    (tmp_path / "upd.pdf").write_bytes(content)
    (tmp_path / "upd.html").write_text(html)


def test_signed_links_serve_the_pdf_to_who_sees_it(credit_world, order, make_user):
    invoice = invoice_of(order)
    accountant = viewer_of(credit_world["accountant"], credit_world["dealer"])
    response = Client().get(invoice_pdf_url(accountant, invoice.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    # the sub-dealer's buyer is no party of the account: 404, as for a missing invoice
    sub = viewer_of(credit_world["sub_buyer"], credit_world["sub"])
    assert Client().get(invoice_pdf_url(sub, invoice.pk)).status_code == 404
    # a link signed for another invoice, or tampered, is refused
    link = invoice_pdf_url(accountant, invoice.pk)
    other = link.replace(f"/invoices/{invoice.pk}/", f"/invoices/{invoice.pk + 1}/")
    assert Client().get(other).status_code == 404
    assert Client().get(link[:-3] + "xyz").status_code == 404
    # no token, no bearer: nobody
    assert Client().get(f"/downloads/invoices/{invoice.pk}/pdf/").status_code == 404


def test_the_upd_link(credit_world, order):
    dispatch = shipped(credit_world, order, (credit_world["variants"][1], 1))
    buyer = viewer_of(credit_world["buyer"], credit_world["dealer"])
    response = Client().get(upd_url(buyer, dispatch.pk))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    sub = viewer_of(credit_world["sub_buyer"], credit_world["sub"])
    assert Client().get(upd_url(sub, dispatch.pk)).status_code == 404


@pytest.mark.parametrize(("amount", "words"), [
    ("12345.67", "Двенадцать тысяч триста сорок пять рублей 67 копеек"),
    ("1.01", "Один рубль 01 копейка"),
    ("2.02", "Два рубля 02 копейки"),
    ("11.14", "Одиннадцать рублей 14 копеек"),
    ("21.00", "Двадцать один рубль 00 копеек"),
    ("1000000.50", "Один миллион рублей 50 копеек"),
])
def test_amounts_in_russian_words(amount, words):
    from decimal import Decimal

    assert amount_in_words(Decimal(amount)) == words
