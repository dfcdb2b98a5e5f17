"""Ways into the network: a dealer creates its sub-dealers; a company applies as a partner.

Each function either does everything it promises or raises ``DomainValidationError`` (the
caller's transaction is then rolled back, so nothing changes). Organizations are created
by ``backend.accounts.services.organizations.create_organization`` and first admins are invited by
``backend.accounts.services.members.invite_member``: their rules (INN checksum, INN + KPP unique,
tree depth, e-mail) apply here unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower, Trim
from django.utils import timezone

from backend.accounts.inn import inn_error, kpp_error
from backend.accounts.models import (
    Invitation,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    Role,
    User,
)
from backend.accounts.regions import official_region, region_error
from backend.accounts.services.members import invite_member
from backend.accounts.services.organizations import (
    OrganizationData,
    create_organization,
    organization_errors,
)
from backend.core import ratelimit
from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.mail import send_email_after_commit
from backend.core.text import length_error, normalize_name

from .errors import DealerNetworkErrorCode as Code
from .flags import flag_back, flags_of
from .models import ApplicationStatus, PartnerApplication, PartnerApplicationEvent

# Kinds of organization that may have sub-dealers of their own.
DEALER_KINDS = frozenset({OrganizationKind.DEALER, OrganizationKind.DISTRIBUTOR})
_PHONE = re.compile(r"^\+?[\d\s()\-]{5,31}$")


# --- sub-dealers ---------------------------------------------------------------------------

@dataclass(kw_only=True)
class SubDealerData:
    name: str = ""
    legal_name: str = ""
    inn: str = ""
    kpp: str = ""
    address: str = ""
    country: str = ""
    region: str = ""
    admin_email: str = ""


def create_sub_dealer(dealer: Organization, data: SubDealerData,
                      actor: User | None) -> tuple[Organization, Invitation]:
    """A new SUB_DEALER under ``dealer`` (a dealer or distributor) and an e-mailed
    invitation for its first admin. Every problem of the input is reported at once."""
    if dealer.kind not in DEALER_KINDS:
        raise DomainValidationError.single(
            Code.NOT_A_DEALER, "Only a dealer or a distributor can have sub-dealers.")
    country = (data.country or dealer.country).strip().upper()
    # Left out, the region is the dealer's, where the sub-dealer is in the dealer's country.
    region = data.region or (dealer.region if country == dealer.country else "")
    organization_data = OrganizationData(
        name=data.name, legal_name=data.legal_name, inn=data.inn, kpp=data.kpp or "",
        address=data.address or "", region=region or "",
        country=country, currency=dealer.currency,
        kind=OrganizationKind.SUB_DEALER.value, parent=dealer,
    )
    errors = [_without_parent_field(e)
              for e in organization_errors(Organization(), organization_data)]
    if not _is_email(data.admin_email):
        errors.append(ErrorDetail(Code.INVALID_EMAIL, "Enter a valid e-mail address.",
                                  "admin_email"))
    if errors:
        raise DomainValidationError(errors)
    try:
        organization = create_organization(organization_data, actor)
    except DomainValidationError as exc:
        raise DomainValidationError([_without_parent_field(e) for e in exc.errors])
    try:
        invitation, _token = invite_member(organization, data.admin_email,
                                           role=Role.ADMIN.value, invited_by=actor)
    except DomainValidationError as exc:  # the invitation's "email" is this input's admin_email
        raise DomainValidationError([
            ErrorDetail(e.code, e.message, "admin_email" if e.field == "email" else e.field,
                        e.params) for e in exc.errors])
    return organization, invitation


def _without_parent_field(error: ErrorDetail) -> ErrorDetail:
    """The parent is the dealer itself, not an input: its errors concern the whole input."""
    if error.field == "parent":
        return ErrorDetail(error.code, error.message, None, error.params)
    return error


def _is_email(value: str | None) -> bool:
    try:
        validate_email((value or "").strip())
    except ValidationError:
        return False
    return True


# --- partner applications: submitting ------------------------------------------------------

@dataclass(kw_only=True)
class ApplicationData:
    company_name: str = ""
    legal_name: str = ""
    inn: str = ""
    kpp: str = ""
    country: str = "RU"
    region: str = ""
    address: str = ""
    contact_first_name: str = ""
    contact_last_name: str = ""
    email: str = ""
    phone: str = ""
    comment: str = ""

    def cleaned(self) -> ApplicationData:
        values = {f.name: (getattr(self, f.name) or "").strip() for f in fields(self)}
        values["kpp"] = values["kpp"].upper()
        values["country"] = (values["country"] or "RU").upper()
        values["email"] = values["email"].lower()
        for name in _NAMES:
            values[name] = normalize_name(values[name])
        values["region"] = official_region(values["country"], values["region"])
        return ApplicationData(**values)


_REQUIRED = ("company_name", "legal_name", "inn", "region", "contact_first_name", "email")
# The longest text each field of the public form takes (the columns' lengths; the free
# texts bounded so that one submission cannot store megabytes).
MAX_LENGTHS = {"company_name": 255, "legal_name": 255, "region": 100, "address": 500,
               "contact_first_name": 150, "contact_last_name": 150, "email": 254,
               "comment": 2000}
# Names people read (staff, the organization made on approval): one line, a letter or digit
# (their lengths are checked with the others above).
_NAMES = ("company_name", "legal_name", "region", "contact_first_name", "contact_last_name")


def application_errors(data: ApplicationData) -> list[ErrorDetail]:
    """Everything wrong with an application's input (``data`` already cleaned)."""
    errors = ErrorCollector()
    for name in _REQUIRED:
        if not getattr(data, name):
            errors.add(Code.REQUIRED, "This field is required.", name)
    for name, limit in MAX_LENGTHS.items():
        if message := length_error(getattr(data, name), limit):
            errors.add(Code.INVALID, message, name, max_length=limit)
    for name in _NAMES:
        errors.check_name(getattr(data, name), name)
    if data.inn and (message := inn_error(data.inn)):
        errors.add(Code.INVALID_INN, message, "inn")
    if data.kpp and (message := kpp_error(data.kpp)):
        errors.add(Code.INVALID_KPP, message, "kpp")
    if data.email and not _is_email(data.email):
        errors.add(Code.INVALID_EMAIL, "Enter a valid e-mail address.", "email")
    if data.phone and not _PHONE.fullmatch(data.phone):
        errors.add(Code.INVALID_PHONE, "Enter a phone number: digits, spaces, +, ( ) and -.",
                   "phone")
    if len(data.country) != 2 or not data.country.isalpha():
        errors.add(Code.INVALID, "Use a two-letter country code, e.g. RU.", "country")
    elif (not any(e.field == "region" for e in errors.errors)
          and (message := region_error(data.country, data.region))):
        errors.add(Code.UNKNOWN_REGION, message, "region")
    return errors.errors


def submit_application(data: ApplicationData, *, actor: User | None = None,
                       address: str | None = None) -> PartnerApplication:
    """Record a company's application and flag what staff should check (the same INN
    registered or applied for, a near-duplicate name in the region).

    The answer never depends on other applications: a second one for a company already
    applying is recorded like any other (flagged for staff as a duplicate), so the public
    form tells nobody who has applied. Submissions from the public form (from client
    ``address``) are rate-limited (``count_submission``); the count is kept whatever the
    answer, so call this outside a transaction."""
    if address is not None:
        count_submission(address)
    data = data.cleaned()
    errors = application_errors(data)
    if errors:
        raise DomainValidationError(errors)
    with transaction.atomic():
        application = PartnerApplication(**{f.name: getattr(data, f.name)
                                            for f in fields(data)})
        application.flags = flags_of(application)
        application.save()
        flag_back(application)
        _record(application, actor, "", ApplicationStatus.SUBMITTED.value)
    return application


def count_submission(address: str) -> None:
    """Count one submission from ``address``; raise ``APPLICATIONS_THROTTLED`` (counting
    nothing) past ``PARTNER_APPLICATIONS_PER_ADDRESS`` from one address or
    ``PARTNER_APPLICATIONS_PER_WINDOW`` in all within ``PARTNER_APPLICATION_WINDOW``. A
    refused address does not use up the common allowance."""
    refused = ratelimit.hit_all(
        ((ratelimit.key_of("partner-application-address", address),
          settings.PARTNER_APPLICATIONS_PER_ADDRESS),
         (ratelimit.key_of("partner-application-all"), settings.PARTNER_APPLICATIONS_PER_WINDOW)),
        int(settings.PARTNER_APPLICATION_WINDOW.total_seconds()))
    if refused is not None:
        raise DomainValidationError.single(
            Code.APPLICATIONS_THROTTLED,
            f"Too many applications at the moment. Try again in {refused.retry_after} "
            "seconds.", None, retry_after=refused.retry_after)


# --- partner applications: reviewing -------------------------------------------------------

def regional_supplier(region: str) -> Organization:
    """Where an approved partner joins the network: the first active dealer of its region
    (in tree order), else the manufacturer."""
    return regional_suppliers([region])[region_key(region)]


def regional_suppliers(regions: Iterable[str]) -> dict[str, Organization]:
    """``regional_supplier`` of many regions in two queries, keyed by ``region_key``
    (the review queue shows each pending application's future supplier)."""
    keys = {region_key(region) for region in regions}
    found: dict[str, Organization] = {}
    if keys - {""}:
        dealers = (Organization.objects
                   .filter(kind=OrganizationKind.DEALER, status=OrganizationStatus.ACTIVE)
                   .annotate(region_key=Lower(Trim("region")))
                   .filter(region_key__in=keys - {""}).order_by("path"))
        for dealer in dealers:
            found.setdefault(dealer.region_key, dealer)
    if keys - found.keys():
        manufacturer = (Organization.objects
                        .filter(kind=OrganizationKind.MANUFACTURER, parent=None)
                        .order_by("path").first())
        if manufacturer is None:
            raise DomainValidationError.single(
                Code.NO_SUPPLIER, "There is no manufacturer to place the new partner under.")
        for key in keys - found.keys():
            found[key] = manufacturer
    return found


def region_key(region: str) -> str:
    return region.strip().lower()


def joining_kind(supplier: Organization) -> str:
    """The kind the approved partner gets under ``supplier``: a sub-dealer of a dealer, a
    dealer of the manufacturer."""
    return (OrganizationKind.SUB_DEALER if supplier.kind == OrganizationKind.DEALER
            else OrganizationKind.DEALER).value


def approve_application(application: PartnerApplication, actor: User) -> PartnerApplication:
    """Create the applicant's organization under its regional supplier (a sub-dealer of the
    region's dealer, else a dealer of the manufacturer) and invite the applicant as its
    admin."""
    application = _locked_submitted(application)
    supplier = regional_supplier(application.region)
    kind = joining_kind(supplier)
    try:
        organization = create_organization(OrganizationData(
            name=application.company_name, legal_name=application.legal_name,
            inn=application.inn, kpp=application.kpp, address=application.address,
            country=application.country, region=application.region,
            currency=supplier.currency, kind=kind, parent=supplier,
        ), actor)
    except DomainValidationError as exc:
        raise DomainValidationError([_without_parent_field(e) for e in exc.errors])
    invite_member(organization, application.email, role=Role.ADMIN.value, invited_by=actor)
    application.organization = organization
    _review(application, actor, ApplicationStatus.APPROVED.value,
            f"{organization.name} created under {supplier.name}.")
    return application


def reject_application(application: PartnerApplication, actor: User,
                       reason: str) -> PartnerApplication:
    """Refuse the application, telling the applicant why by e-mail."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainValidationError.single(
            Code.REQUIRED, "Say why the application is rejected: the applicant is told.",
            "reason")
    application = _locked_submitted(application)
    application.rejection_reason = reason
    _review(application, actor, ApplicationStatus.REJECTED.value, reason)
    company = application.company_name
    send_email_after_commit(
        [application.email],
        f"Заявка {company} отклонена / Application of {company} rejected",
        f"Ваша заявка на партнёрство отклонена. Причина:\n"
        f"Your partner application was rejected. The reason:\n\n{reason}",
    )
    return application


def _locked_submitted(application: PartnerApplication) -> PartnerApplication:
    """The application locked for this transaction; it must still await review."""
    locked = PartnerApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.SUBMITTED:
        raise DomainValidationError.single(
            Code.INVALID_STATUS,
            f"This application was already {locked.get_status_display().lower()}.", "id")
    return locked


def _review(application: PartnerApplication, actor: User, status: str, note: str) -> None:
    previous = application.status
    application.status = status
    application.reviewed_by = actor
    application.reviewed_at = timezone.now()
    application.save()
    _record(application, actor, previous, status, note)


def _record(application: PartnerApplication, actor: User | None, from_status: str,
            to_status: str, note: str = "") -> PartnerApplicationEvent:
    return PartnerApplicationEvent.objects.create(
        application=application, actor=actor, from_status=from_status, to_status=to_status,
        note=note)
