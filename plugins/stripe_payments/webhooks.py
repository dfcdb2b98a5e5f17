"""Stripe's webhook: ``POST /payments/stripe/webhook/``.

The body is checked with the library's signature check (``stripe.Webhook.construct_event``
with ``STRIPE_WEBHOOK_SECRET``: the ``Stripe-Signature`` header's HMAC-SHA256 of the
timestamp and the exact body, and a timestamp at most 5 minutes old). A body that does not
verify (a wrong or missing signature, a stale timestamp, not JSON, no secret configured)
is answered 400 and changes nothing. A verified event is settled (``services/settlement``)
and answered 200, also when it is a duplicate or not ours, so Stripe stops sending it; a
failure while settling is answered 500 with nothing kept, and Stripe sends it again.

No CSRF token (Stripe cannot send one) and no session: the signature is the only proof.
"""

from __future__ import annotations

import json
import logging

import stripe
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services.settlement import handle_event

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    payload = request.body
    try:
        stripe.Webhook.construct_event(payload, request.headers.get("Stripe-Signature"),
                                       settings.STRIPE_WEBHOOK_SECRET)
        event = json.loads(payload)
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("stripe webhook refused: %s", error)
        return JsonResponse({"error": "invalid signature or payload"}, status=400)
    outcome = handle_event(event)
    logger.info("stripe webhook %s %s: %s", event.get("id"), event.get("type"), outcome)
    return JsonResponse({"received": True, "outcome": outcome})
