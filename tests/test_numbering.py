"""Short numbers come from a PostgreSQL sequence in the INSERT itself: transactions that
submit at the same moment, each still open while the others insert, get distinct numbers,
and one that rolls back leaves a gap but never a duplicate."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from plugins.dealer_network.models import PartnerApplication

WRITERS = 8


def _application(n: int) -> PartnerApplication:
    return PartnerApplication(company_name=f"Компания {n}", legal_name=f"ООО «Компания {n}»",
                              inn="7707083893", region="Тула", contact_first_name="Ирина",
                              email=f"c{n}@partner.test")


@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_get_distinct_numbers_without_waiting_for_each_other():
    everyone_inserted = threading.Barrier(WRITERS, timeout=30)
    numbers: dict[int, int] = {}
    problems: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with transaction.atomic():
                application = _application(n)
                application.save()
                numbers[n] = application.number
                # Every transaction holds its row uncommitted until all have inserted:
                # a counter read-and-incremented in the table would hand out duplicates
                # (or block) here.
                everyone_inserted.wait()
                if n == 0:
                    raise RuntimeError("roll back")
        except RuntimeError:
            pass
        except BaseException as exc:  # reported by the test's thread
            problems.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert problems == []
    assert len(set(numbers.values())) == WRITERS
    stored = sorted(PartnerApplication.objects.values_list("number", flat=True))
    assert stored == sorted(v for n, v in numbers.items() if n != 0)
    later = _application(99)
    later.save()
    assert later.number > max(numbers.values())
