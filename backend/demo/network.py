"""The demo dealer network: one factory, its dealers, sub-dealers, end clients and users.

Everything is keyed by a natural key (INN + KPP for organizations, e-mail for users,
user + organization for memberships), so loading twice creates nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

DEMO_PASSWORD = "demo12345"

K = OrganizationKind


@dataclass(frozen=True)
class OrgSpec:
    key: str
    kind: OrganizationKind
    name: str
    legal_name: str
    inn_prefix: str  # 9 digits for a company, 10 for a sole proprietor (no KPP then)
    region: str
    address: str
    parent: str | None = None

    @property
    def inn(self) -> str:
        return complete_inn(self.inn_prefix)

    @property
    def kpp(self) -> str:
        """Companies: tax office code (the INN's first 4 digits) + reason 01 + 001."""
        return "" if len(self.inn_prefix) == 10 else f"{self.inn_prefix[:4]}01001"


@dataclass(frozen=True)
class UserSpec:
    email: str
    first_name: str
    last_name: str
    memberships: tuple[tuple[str, Role], ...] = ()
    superuser: bool = False
    staff_permissions: tuple[Perm, ...] | None = None  # staff when not None


# Parents come before their children.
ORGANIZATIONS: tuple[OrgSpec, ...] = (
    OrgSpec("factory", K.MANUFACTURER, "Завод «Волга-Декор»", "АО «Завод «Волга-Декор»»",
            "760400128", "Ярославская область",
            "150040, г. Ярославль, пр-т Октября, д. 87"),
    OrgSpec("dealer1", K.DEALER, "Столичный дом красок", "ООО «Столичный дом красок»",
            "771800455", "Москва",
            "107076, г. Москва, ул. Краснобогатырская, д. 44, стр. 1", "factory"),
    OrgSpec("dealer2", K.DEALER, "Невский Дом", "ООО «Торговый дом «Невский Дом»»",
            "781100732", "Санкт-Петербург",
            "192019, г. Санкт-Петербург, ул. Седова, д. 11, лит. А", "factory"),
    OrgSpec("dealer3", K.DEALER, "УралСтройКомплект", "ООО «УралСтройКомплект»",
            "667100519", "Свердловская область",
            "620014, г. Екатеринбург, ул. Малышева, д. 51, оф. 1204", "factory"),
    OrgSpec("subdealer1", K.SUB_DEALER, "Подмосковный строитель",
            "ООО «Подмосковный строитель»", "504700863", "Московская область",
            "141400, Московская обл., г. Химки, Ленинградское ш., вл. 16", "dealer1"),
    OrgSpec("subdealer2", K.SUB_DEALER, "ДомТорг Зеленоград", "ООО «ДомТорг»",
            "773501247", "Москва",
            "124498, г. Москва, г. Зеленоград, Георгиевский пр-т, д. 5", "dealer1"),
    OrgSpec("subdealer3", K.SUB_DEALER, "Балтийская отделка", "ООО «Балтийская отделка»",
            "780600394", "Санкт-Петербург",
            "195027, г. Санкт-Петербург, Свердловская наб., д. 60", "dealer2"),
    OrgSpec("subdealer4", K.SUB_DEALER, "Гатчина-Ремонт", "ООО «Гатчина-Ремонт»",
            "470500618", "Ленинградская область",
            "188300, Ленинградская обл., г. Гатчина, ул. Соборная, д. 3", "dealer2"),
    OrgSpec("subdealer5", K.SUB_DEALER, "Тагил-Строй", "ООО «Тагил-Строй»",
            "662300977", "Свердловская область",
            "622001, Свердловская обл., г. Нижний Тагил, пр-т Ленина, д. 28", "dealer3"),
    OrgSpec("subdealer6", K.SUB_DEALER, "Челябинский двор", "ООО «Челябинский двор»",
            "745300206", "Челябинская область",
            "454091, г. Челябинск, ул. Кирова, д. 130", "dealer3"),
    OrgSpec("client1", K.END_CLIENT, "СК «Монолит»", "ООО «Строительная компания «Монолит»»",
            "504701552", "Московская область",
            "141407, Московская обл., г. Химки, ул. Победы, д. 2", "subdealer1"),
    OrgSpec("client2", K.END_CLIENT, "ИП Кузнецов А. В.",
            "Индивидуальный предприниматель Кузнецов Андрей Викторович",
            "7735123456", "Москва",
            "124617, г. Москва, г. Зеленоград, корп. 1446", "subdealer2"),
    OrgSpec("client3", K.END_CLIENT, "УК «Северный квартал»",
            "ООО «Управляющая компания «Северный квартал»»", "780601873", "Санкт-Петербург",
            "194356, г. Санкт-Петербург, пр-т Просвещения, д. 19", "subdealer3"),
    OrgSpec("client4", K.END_CLIENT, "Ремонтная бригада «Профи»", "ООО «Профи-Ремонт»",
            "662301409", "Свердловская область",
            "622036, Свердловская обл., г. Нижний Тагил, ул. Газетная, д. 81", "subdealer5"),
)

R = Role

USERS: tuple[UserSpec, ...] = (
    UserSpec("admin@demo.local", "Ирина", "Соколова", (("factory", R.ADMIN),),
             superuser=True),
    UserSpec("manager@demo.local", "Павел", "Громов", (("factory", R.VIEWER),),
             staff_permissions=(Perm.MANAGE_CATALOG, Perm.VIEW_ALL)),
    UserSpec("dealer1.admin@demo.local", "Сергей", "Воронин", (("dealer1", R.ADMIN),)),
    UserSpec("dealer1.buyer@demo.local", "Анна", "Лебедева", (("dealer1", R.BUYER),)),
    UserSpec("dealer1.approver@demo.local", "Дмитрий", "Орлов", (("dealer1", R.APPROVER),)),
    UserSpec("dealer1.accountant@demo.local", "Елена", "Морозова",
             (("dealer1", R.ACCOUNTANT),)),
    UserSpec("dealer1.viewer@demo.local", "Олег", "Зайцев", (("dealer1", R.VIEWER),)),
    UserSpec("dealer2.buyer@demo.local", "Мария", "Павлова", (("dealer2", R.BUYER),)),
    UserSpec("dealer3.buyer@demo.local", "Алексей", "Смирнов", (("dealer3", R.BUYER),)),
    UserSpec("subdealer1.buyer@demo.local", "Николай", "Егоров", (("subdealer1", R.BUYER),)),
    UserSpec("subdealer1.approver@demo.local", "Галина", "Ковалёва",
             (("subdealer1", R.APPROVER),)),
    UserSpec("subdealer2.buyer@demo.local", "Татьяна", "Козлова", (("subdealer2", R.BUYER),)),
    UserSpec("subdealer3.buyer@demo.local", "Виктор", "Николаев", (("subdealer3", R.BUYER),)),
    UserSpec("subdealer4.buyer@demo.local", "Ольга", "Фёдорова", (("subdealer4", R.BUYER),)),
    UserSpec("subdealer5.buyer@demo.local", "Игорь", "Белов", (("subdealer5", R.BUYER),)),
    UserSpec("subdealer6.buyer@demo.local", "Светлана", "Киселёва",
             (("subdealer6", R.BUYER),)),
    UserSpec("client1.buyer@demo.local", "Руслан", "Гусев", (("client1", R.BUYER),)),
    UserSpec("client2.buyer@demo.local", "Андрей", "Кузнецов", (("client2", R.BUYER),)),
    UserSpec("client3.buyer@demo.local", "Наталья", "Тихонова", (("client3", R.BUYER),)),
    UserSpec("client4.buyer@demo.local", "Максим", "Попов", (("client4", R.BUYER),)),
    UserSpec("multi@demo.local", "Юлия", "Миронова",
             (("dealer1", R.BUYER), ("subdealer1", R.BUYER))),
)


@dataclass
class NetworkResult:
    organizations: dict[str, Organization] = field(default_factory=dict)
    created_organizations: int = 0
    created_users: int = 0
    created_memberships: int = 0

    @property
    def created(self) -> int:
        return self.created_organizations + self.created_users + self.created_memberships


def _load_organization(spec: OrgSpec, parent: Organization | None) -> tuple[Organization, bool]:
    existing = Organization.objects.filter(inn=spec.inn, kpp=spec.kpp).first()
    if existing is not None:
        return existing, False
    org = Organization(
        name=spec.name, legal_name=spec.legal_name, inn=spec.inn, kpp=spec.kpp,
        address=spec.address, country="RU", region=spec.region, currency="RUB",
        status=OrganizationStatus.ACTIVE, kind=spec.kind, parent=parent,
    )
    org.save()  # TreeNode.save() sets path and depth
    return org, True


def _load_user(spec: UserSpec) -> tuple[User, bool]:
    existing = User.objects.filter(email=spec.email).first()
    if existing is not None:
        return existing, False
    names = {"first_name": spec.first_name, "last_name": spec.last_name}
    if spec.superuser:
        return User.objects.create_superuser(spec.email, DEMO_PASSWORD, **names), True
    if spec.staff_permissions is not None:
        perms = [p.value for p in spec.staff_permissions]
        return User.objects.create_user(spec.email, DEMO_PASSWORD, is_staff=True,
                                        staff_permissions=perms, **names), True
    return User.objects.create_user(spec.email, DEMO_PASSWORD, **names), True


def load_network() -> NetworkResult:
    """Create whatever part of the demo network is missing; never modify existing rows."""
    result = NetworkResult()
    for spec in ORGANIZATIONS:
        parent = result.organizations[spec.parent] if spec.parent else None
        org, created = _load_organization(spec, parent)
        result.organizations[spec.key] = org
        result.created_organizations += created

    for user_spec in USERS:
        user, created = _load_user(user_spec)
        result.created_users += created
        for org_key, role in user_spec.memberships:
            _, created = Membership.objects.get_or_create(
                user=user, organization=result.organizations[org_key],
                defaults={"role": role},
            )
            result.created_memberships += created
    return result
