"""The plugin's demo data (``manage.py demo`` runs ``load_demo``): partner applications
waiting for review.

One would join under the Moscow dealer, one under the manufacturer (no dealer in its
region), and one resembles a registered sub-dealer, so staff see a SIMILAR_NAME flag. One
company sent the form six times under different INNs, so each of those applications has
five near-duplicates, shown as one collapsed flag. Keyed by INN + KPP: loading again
creates nothing.
"""

from __future__ import annotations

from backend.accounts.inn import complete_inn

from .models import PartnerApplication
from .services import ApplicationData, submit_application

# (company name, legal name, INN prefix, region, contact first name, last name, e-mail)
APPLICATIONS = (
    ("Краски Замоскворечья", "ООО «Краски Замоскворечья»", "770501384", "Москва",
     "Георгий", "Артемьев", "partner1@demo.local"),
    ("Тульский колорит", "ООО «Тульский колорит»", "710500263", "Тульская область",
     "Вера", "Ларина", "partner2@demo.local"),
    ("ДомТорг", "ООО «ДомТорг»", "773502915", "Москва",
     "Кирилл", "Жуков", "partner3@demo.local"),
)

# The same company, applying again and again (a flood staff should see as one flag).
REPEATED = tuple(
    ("Фасад-Мастер", legal_name, f"71060{n}127", "Тульская область", "Олег", "Петров",
     f"partner.flood{n}@demo.local")
    for n, legal_name in enumerate(("ООО «Фасад-Мастер»", "Фасад-Мастер ООО",
                                    "ООО «ФАСАД-МАСТЕР»", "ООО Фасад Мастер",
                                    "Общество с ограниченной ответственностью «Фасад-Мастер»",
                                    "ООО «Фасад-Мастер»"), start=1))


def load_demo() -> int:
    """Submit the demo applications that are missing; the number created."""
    created = 0
    for company, legal_name, inn_prefix, region, first, last, email in (APPLICATIONS
                                                                         + REPEATED):
        inn, kpp = complete_inn(inn_prefix), f"{inn_prefix[:4]}01001"
        if PartnerApplication.objects.filter(inn=inn, kpp=kpp).exists():
            continue
        submit_application(ApplicationData(
            company_name=company, legal_name=legal_name, inn=inn, kpp=kpp, region=region,
            contact_first_name=first, contact_last_name=last, email=email,
            phone="+7 (495) 000-00-00", comment="Демо-заявка"))
        created += 1
    return created
