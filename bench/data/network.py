"""The benchmark dealer network: a four-level organization tree and a few users.

Ids are assigned here (1 = the manufacturer, then distributors and dealers, sub-dealers,
end clients), so each path is ``tree_paths.child_path(parent's path, id)`` computed before
the COPY.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

from backend.accounts.inn import complete_inn
from backend.accounts.models import (
    Membership,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    Role,
    User,
)
from backend.core.permissions import Perm
from backend.core.tree_paths import child_path, depth_of

from .copy import copy_rows

PASSWORD = "bench12345"
K = OrganizationKind

REGIONS = (
    (77, "Москва", "г. Москва"), (78, "Санкт-Петербург", "г. Санкт-Петербург"),
    (50, "Московская область", "г. Подольск"), (66, "Свердловская область", "г. Екатеринбург"),
    (54, "Новосибирская область", "г. Новосибирск"), (23, "Краснодарский край", "г. Краснодар"),
    (16, "Республика Татарстан", "г. Казань"), (52, "Нижегородская область",
                                                "г. Нижний Новгород"),
    (63, "Самарская область", "г. Самара"), (61, "Ростовская область", "г. Ростов-на-Дону"),
    (74, "Челябинская область", "г. Челябинск"), (24, "Красноярский край", "г. Красноярск"),
)
NAME_STEMS = ("Строй", "Дом", "Ремонт", "Декор", "Профи", "Мастер", "Комплект", "Торг",
              "Снаб", "Интерьер")
KIND_WORDS = {K.MANUFACTURER: "Завод", K.DISTRIBUTOR: "Дистрибьютор", K.DEALER: "Дилер",
              K.SUB_DEALER: "Субдилер", K.END_CLIENT: "Клиент"}

# Users the workloads sign in as: (e-mail, organization, role, staff permissions).
BENCH_USERS = (
    ("bench.staff@bench.local", K.MANUFACTURER, Role.ADMIN, [p.value for p in Perm]),
    ("bench.dealer@bench.local", K.DEALER, Role.ADMIN, None),
    ("bench.subdealer@bench.local", K.SUB_DEALER, Role.BUYER, None),
)


@dataclass(frozen=True)
class TreeShape:
    distributors: int
    dealers: int
    sub_dealers: int
    end_clients: int

    @classmethod
    def for_total(cls, total: int) -> TreeShape:
        """1 manufacturer, 1% distributors and dealers (a tenth of them distributors),
        19% sub-dealers, the rest end clients."""
        level1 = max(1, round(total * 0.01))
        sub_dealers = max(1, round(total * 0.19))
        distributors = level1 // 10
        return cls(distributors, level1 - distributors, sub_dealers,
                   total - 1 - level1 - sub_dealers)


def _organizations(total: int) -> Iterator[tuple[int, int | None, OrganizationKind]]:
    """(id, parent id, kind) for every node, parents first."""
    shape = TreeShape.for_total(total)
    yield 1, None, K.MANUFACTURER
    level1 = list(range(2, 2 + shape.distributors + shape.dealers))
    for i, node in enumerate(level1):
        yield node, 1, K.DISTRIBUTOR if i < shape.distributors else K.DEALER
    first_sub = level1[-1] + 1
    sub_dealers = list(range(first_sub, first_sub + shape.sub_dealers))
    for i, node in enumerate(sub_dealers):
        yield node, level1[i % len(level1)], K.SUB_DEALER
    first_client = sub_dealers[-1] + 1
    for i in range(shape.end_clients):
        yield first_client + i, sub_dealers[i % len(sub_dealers)], K.END_CLIENT


def _rows(total: int) -> Iterator[tuple]:
    now = timezone.now()
    paths: dict[int, str] = {}
    for node, parent, kind in _organizations(total):
        path = child_path(paths[parent] if parent else "", node)
        paths[node] = path
        code, region, city = REGIONS[node % len(REGIONS)]
        inn = complete_inn(f"{code:02d}{node:07d}")
        name = f"{NAME_STEMS[node % len(NAME_STEMS)]}-{city[3:]} {node}"
        legal = f"ООО «{KIND_WORDS[kind]} {name}»"
        address = f"{city}, ул. Промышленная, д. {node % 200 + 1}"
        yield (node, path, depth_of(path), f"{KIND_WORDS[kind]} {name}", legal, inn,
               f"{inn[:4]}01001", address, "RU", region, "RUB", OrganizationStatus.ACTIVE,
               kind, parent, now, now)


def generate_organizations(total: int) -> int:
    columns = ("id", "path", "depth", "name", "legal_name", "inn", "kpp", "address", "country",
               "region", "currency", "status", "kind", "parent_id", "created_at",
               "updated_at")
    return copy_rows(Organization, columns, _rows(total))


def generate_users() -> int:
    """A staff user, a dealer admin and a sub-dealer buyer (password ``bench12345``)."""
    organizations = Organization.objects.order_by("pk")
    targets = {
        K.MANUFACTURER: organizations.get(kind=K.MANUFACTURER),
        K.DEALER: organizations.filter(kind=K.DEALER).first(),
        K.SUB_DEALER: organizations.filter(kind=K.SUB_DEALER, parent__kind=K.DEALER).first(),
    }
    for email, kind, role, perms in BENCH_USERS:
        if perms is not None:
            user = User.objects.create_user(email, PASSWORD, is_staff=True,
                                            staff_permissions=perms)
        else:
            user = User.objects.create_user(email, PASSWORD)
        Membership.objects.create(user=user, organization=targets[kind], role=role)
    return len(BENCH_USERS)
