"""Partner applications: a company asks to join the network; staff approve or reject it."""

from __future__ import annotations

from django.db import models

from backend.accounts.models import Organization, User
from backend.core.models import PortalModel
from backend.core.numbering import NumberSeries

# «З-000042» / «A-000042»: the number an applicant reads out to staff.
APPLICATION_NUMBERS = NumberSeries("dealer_network_application_number",
                                   prefixes={"ru": "З", "en": "A"})


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "SUBMITTED", "Submitted"
    APPROVED = "APPROVED", "Approved"
    REJECTED = "REJECTED", "Rejected"


class FlagCode(models.TextChoices):
    """What staff should look at before approving (flags never block a submission)."""

    DUPLICATE_INN = "DUPLICATE_INN", "The INN is registered or applied for already"
    SIMILAR_NAME = "SIMILAR_NAME", "A company of nearly the same name is in the same region"


class PartnerApplication(PortalModel):
    """A company's request to become a partner, sent through the public form.

    ``flags`` (see ``flags.py``) are computed at submission (and appended to when a later
    application resembles this one); only staff see them.
    """

    number = models.BigIntegerField(unique=True, editable=False,
                                    db_default=APPLICATION_NUMBERS.db_default(),
                                    help_text="Assigned by the database on insert.")
    company_name = models.CharField(max_length=255)
    legal_name = models.CharField(max_length=255)
    inn = models.CharField("INN", max_length=12, db_index=True)
    kpp = models.CharField("KPP", max_length=9, blank=True)
    country = models.CharField(max_length=2, default="RU")
    region = models.CharField(max_length=100)
    address = models.TextField(blank=True)
    contact_first_name = models.CharField(max_length=150)
    contact_last_name = models.CharField(max_length=150, blank=True)
    email = models.EmailField()
    phone = models.CharField(max_length=32, blank=True)
    comment = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.SUBMITTED)
    rejection_reason = models.TextField(blank=True)
    flags = models.JSONField(default=list, blank=True)
    organization = models.ForeignKey(Organization, null=True, blank=True,
                                     on_delete=models.SET_NULL,
                                     related_name="partner_applications",
                                     help_text="Created on approval.")
    reviewed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"],
                                name="partner_app_status_created")]

    def __str__(self) -> str:
        return f"{self.company_name} ({self.inn})"

    def number_text(self, language: str = "ru") -> str:
        return APPLICATION_NUMBERS.format(self.number, language)


class PartnerApplicationEvent(PortalModel):
    """One change of an application's status, with who made it. Append-only."""

    application = models.ForeignKey(PartnerApplication, on_delete=models.CASCADE,
                                    related_name="events")
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    from_status = models.CharField(max_length=16, choices=ApplicationStatus.choices,
                                   blank=True, help_text="Empty for the submission.")
    to_status = models.CharField(max_length=16, choices=ApplicationStatus.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.from_status or '—'} -> {self.to_status}"
