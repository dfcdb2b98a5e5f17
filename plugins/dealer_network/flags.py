"""Flags: what staff should check on a partner application before approving it.

A flag is stored as data, not as a sentence, so that the storefront says it in the reader's
language and can group repeats: ``{"code", "organization" | "application": id, "name",
"number"?, "inn"?, "kpp"?, "similarity"?, "later"?}``.

- ``code``: a ``FlagCode`` (the same INN, a near-duplicate name);
- ``organization`` or ``application``: the registered organization or the pending
  application it concerns (which of the two keys is present says which it is);
- ``name``: that company's name when the flag was raised (it is read even if the company is
  renamed or the other application is reviewed later); ``number``: the other application's
  number;
- ``inn``/``kpp``: the registration they share (DUPLICATE_INN);
- ``similarity``: trigram similarity of the normalized names (SIMILAR_NAME), 0..1;
- ``later``: the other application came after this one (it flagged this one back).

Flags written before they carried parameters (with an English ``message`` only) were given
their parameters by migration 0003; ``read_flag`` still accepts one without them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, JSONField, Q, QuerySet, Value
from django.db.models.expressions import CombinedExpression

from backend.accounts.models import Organization

from .models import ApplicationStatus, FlagCode, PartnerApplication
from .names import SIMILARITY_THRESHOLD, name_similarity, same_normalized_name

MAX_FLAGS_PER_CHECK = 10
ORGANIZATION = "organization"
APPLICATION = "application"


def flags_of(application: PartnerApplication) -> list[dict]:
    """Flags of ``application`` (not saved yet): registered or pending companies with its
    INN, and near-duplicate names in its region."""
    flags: list[dict] = []
    same_inn = list(Organization.objects.filter(inn=application.inn)
                    .order_by("path")[:MAX_FLAGS_PER_CHECK])
    for org in same_inn:
        flags.append({"code": FlagCode.DUPLICATE_INN.value, ORGANIZATION: org.pk,
                      "name": org.name, "inn": org.inn, "kpp": org.kpp})
    for other in (PartnerApplication.objects.filter(status=ApplicationStatus.SUBMITTED,
                                                    inn=application.inn)
                  .order_by("created_at", "pk")[:MAX_FLAGS_PER_CHECK]):
        flags.append({"code": FlagCode.DUPLICATE_INN.value, APPLICATION: other.pk,
                      "number": other.number, "name": other.company_name, "inn": other.inn,
                      "kpp": other.kpp})
    names = (application.company_name, application.legal_name)
    for org in _similar(Organization.objects.exclude(pk__in=[o.pk for o in same_inn]),
                        ("name", "legal_name"), names, application.region, "path"):
        flags.append(_similar_flag(ORGANIZATION, org.pk, org.name, org.similarity))
    pending = PartnerApplication.objects.filter(status=ApplicationStatus.SUBMITTED)
    for other in _similar(pending.exclude(inn=application.inn),
                          ("company_name", "legal_name"), names, application.region, "pk"):
        flags.append(_similar_flag(APPLICATION, other.pk, other.company_name,
                                   other.similarity) | {"number": other.number})
    return flags


def _similar(queryset: QuerySet, columns: tuple[str, ...], names: tuple[str, ...],
             region: str, tie_breaker: str) -> list:
    """Rows of ``queryset`` in ``region`` whose name is a near-duplicate of ``names``."""
    return list(
        queryset.filter(region__iexact=region)
        .annotate(similarity=name_similarity(columns, names))
        .filter(Q(similarity__gte=SIMILARITY_THRESHOLD) | same_normalized_name(columns, names))
        .order_by("-similarity", tie_breaker)[:MAX_FLAGS_PER_CHECK]
    )


def _similar_flag(subject: str, pk: int, name: str, similarity: float) -> dict:
    return {"code": FlagCode.SIMILAR_NAME.value, subject: pk, "name": name,
            "similarity": round(float(similarity), 3)}


def flag_back(application: PartnerApplication) -> None:
    """Tell the pending applications that ``application`` resembles about it too, so the
    one reviewed first shows the conflict. Appends in SQL: no lost update."""
    for flag in application.flags:
        if APPLICATION not in flag:
            continue
        note = {key: value for key, value in flag.items() if key in ("code", "similarity")}
        note.update({APPLICATION: application.pk, "number": application.number,
                     "name": application.company_name, "later": True})
        if flag["code"] == FlagCode.DUPLICATE_INN:
            note.update(inn=application.inn, kpp=application.kpp)
        PartnerApplication.objects.filter(pk=flag[APPLICATION]).update(
            flags=CombinedExpression(F("flags"), "||",
                                     Value([note], output_field=JSONField())))


def read_flag(flag: dict[str, Any]) -> dict[str, Any]:
    """A stored flag with every parameter present (None where unknown) and its subject."""
    return {
        "code": flag.get("code"),
        "subject": ORGANIZATION if flag.get(ORGANIZATION) is not None else APPLICATION,
        ORGANIZATION: flag.get(ORGANIZATION),
        APPLICATION: flag.get(APPLICATION),
        "name": flag.get("name"),
        "number": flag.get("number"),
        "inn": flag.get("inn"),
        "kpp": flag.get("kpp"),
        "similarity": flag.get("similarity"),
        "later": bool(flag.get("later")),
        "message": flag.get("message"),
    }


def flag_message(flag: dict[str, Any]) -> str:
    """The flag in English, for the admin and API clients that do not translate codes."""
    flag = read_flag(flag)
    if flag["name"] is None and flag["message"]:  # stored before flags had parameters
        return flag["message"]
    name = flag["name"] or "?"
    if flag["later"]:
        what = "the same INN" if flag["code"] == FlagCode.DUPLICATE_INN else "a similar name"
        return f"A later application from {name} has {what}."
    if flag["code"] == FlagCode.DUPLICATE_INN:
        if flag["subject"] == ORGANIZATION:
            return f"INN {flag['inn']} is registered to {name} (KPP {flag['kpp'] or '—'})."
        return f"INN {flag['inn']} is also in the pending application of {name}."
    where = ("a registered organization" if flag["subject"] == ORGANIZATION
             else "a pending application")
    return f"The name resembles {name}, {where} in the same region."
