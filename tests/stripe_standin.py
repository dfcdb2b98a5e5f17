"""A local stand-in for Stripe's API, so the official ``stripe`` library is tested for real
(HTTP, form-encoded requests, JSON answers) without reaching the internet.

It speaks the calls the portal and the storefront's Stripe.js stand-in use, in Stripe's
shapes (``object``, ``id`` prefixes, amounts in minor units, ``error`` bodies):

- ``POST /v1/payment_intents`` (amount, currency, metadata[...], description...)
- ``GET  /v1/payment_intents/<id>``
- ``POST /v1/payment_intents/<id>/confirm`` (payment_method: ``pm_card_visa`` succeeds,
  ``pm_card_chargeDeclined`` / ``pm_card_visa_chargeDeclined`` is declined; with a
  publishable key ``pk_...`` the ``client_secret`` must be given, as Stripe.js does)
- ``POST /v1/payment_intents/<id>/cancel``
- ``POST /v1/refunds`` (payment_intent, amount: the whole remainder when left out)
- ``GET  /_standin/events`` (every event made so far, oldest first: for tests and debugging)

Secret keys must start with ``sk_test_``, publishable ones with ``pk_test_``; anything else
is answered 401 as Stripe does. Browsers may call it (CORS: any origin).

Webhooks. Every state change makes an event (``payment_intent.succeeded``,
``payment_intent.payment_failed``, ``payment_intent.canceled``, ``charge.refunded``),
kept in ``events``. When a ``webhook_url`` is set, each event is POSTed there, in a
background thread, as Stripe sends it: the body is the event's JSON, the header
``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the
webhook secret>``. ``sign(payload, secret)`` builds that header for tests that post events
themselves (through Django's test client).

As a script, for the storefront's browser tests or local work::

    python -m tests.stripe_standin --port 12111 \\
        --webhook-url http://127.0.0.1:8000/payments/stripe/webhook/ \\
        --webhook-secret whsec_test_standin

then run the portal with ``STRIPE_API_BASE=http://127.0.0.1:12111``,
``STRIPE_SECRET_KEY=sk_test_standin``, ``STRIPE_PUBLISHABLE_KEY=pk_test_standin`` and
``STRIPE_WEBHOOK_SECRET=whsec_test_standin``.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import itertools
import json
import re
import secrets
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

API_VERSION = "2026-10-28.endive"
DECLINING_METHODS = {"pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"}


def sign(payload: str, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header of ``payload``, computed as Stripe does (written
    here without the library, so the library's check is tested against it)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(),
                      hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def parse_form(body: str) -> dict[str, Any]:
    """Stripe's form encoding (``metadata[order]=5``, ``expand[0]=x``) into nested dicts."""
    result: dict[str, Any] = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node = result
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return result


class StripeError(Exception):
    def __init__(self, status: int, message: str, *, type_: str = "invalid_request_error",
                 code: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": type_, "message": message, "code": code,
                               "param": param}}


class StandIn:
    """Stripe's state (intents, charges, refunds, events) and the HTTP server over it."""

    def __init__(self, *, webhook_url: str | None = None,
                 webhook_secret: str = "whsec_test_standin", port: int = 0) -> None:
        self.webhook_url = webhook_url
        self.webhook_secret = webhook_secret
        self.intents: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.requests: list[tuple[str, str]] = []  # (method, path), what the client asked
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = str(self.server.server_address[0]), self.server.server_address[1]
        return f"http://{host}:{port}"

    def start(self) -> StandIn:
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread = None
        self.server.server_close()

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- state -------------------------------------------------------------------------

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._serial):06d}{secrets.token_hex(6)}"

    def create_intent(self, params: dict[str, Any]) -> dict[str, Any]:
        try:
            amount = int(params.get("amount", ""))
        except ValueError:
            raise StripeError(400, "Missing required param: amount.", param="amount") from None
        if amount < 1:
            raise StripeError(400, "Amount must be at least 1.", param="amount",
                              code="amount_too_small")
        if not params.get("currency"):
            raise StripeError(400, "Missing required param: currency.", param="currency")
        intent_id = self._id("pi")
        intent = {
            "id": intent_id, "object": "payment_intent", "amount": amount,
            "amount_capturable": 0, "amount_received": 0,
            "currency": params["currency"].lower(), "status": "requires_payment_method",
            "client_secret": f"{intent_id}_secret_{secrets.token_hex(8)}",
            "metadata": params.get("metadata", {}), "description": params.get("description"),
            "created": int(time.time()), "livemode": False, "latest_charge": None,
            "last_payment_error": None, "payment_method": None, "capture_method": "automatic",
            "confirmation_method": "automatic",
            "automatic_payment_methods": {"enabled": True}, "payment_method_types": ["card"],
        }
        self.intents[intent_id] = intent
        return intent

    def intent(self, intent_id: str) -> dict[str, Any]:
        if intent_id not in self.intents:
            raise StripeError(404, f"No such payment_intent: '{intent_id}'",
                              code="resource_missing", param="intent")
        return self.intents[intent_id]

    def confirm(self, intent_id: str, params: dict[str, Any], key: str) -> dict[str, Any]:
        intent = self.intent(intent_id)
        if key.startswith("pk_") and params.get("client_secret") != intent["client_secret"]:
            raise StripeError(400, "The client_secret provided does not match.",
                              param="client_secret")
        if intent["status"] not in ("requires_payment_method", "requires_confirmation"):
            raise StripeError(400, "This PaymentIntent's status is " + intent["status"],
                              code="payment_intent_unexpected_state")
        method = params.get("payment_method") or "pm_card_visa"
        intent["payment_method"] = method
        if method in DECLINING_METHODS:
            intent["status"] = "requires_payment_method"
            intent["last_payment_error"] = {
                "type": "card_error", "code": "card_declined",
                "decline_code": "generic_decline", "message": "Your card was declined."}
            self.emit("payment_intent.payment_failed", intent)
            return intent
        charge_id = self._id("ch")
        self.charges[charge_id] = {
            "id": charge_id, "object": "charge", "amount": intent["amount"],
            "amount_captured": intent["amount"], "amount_refunded": 0,
            "currency": intent["currency"], "payment_intent": intent_id, "paid": True,
            "refunded": False, "status": "succeeded", "metadata": intent["metadata"],
            "created": int(time.time()), "livemode": False}
        intent.update(status="succeeded", amount_received=intent["amount"],
                      latest_charge=charge_id, last_payment_error=None)
        self.emit("payment_intent.succeeded", intent)
        return intent

    def cancel(self, intent_id: str) -> dict[str, Any]:
        intent = self.intent(intent_id)
        if intent["status"] == "succeeded":
            raise StripeError(400, "You cannot cancel this PaymentIntent because it has a "
                              "status of succeeded.", code="payment_intent_unexpected_state")
        intent["status"] = "canceled"
        self.emit("payment_intent.canceled", intent)
        return intent

    def refund(self, params: dict[str, Any]) -> dict[str, Any]:
        intent = self.intent(params.get("payment_intent", ""))
        charge = self.charges.get(intent["latest_charge"] or "")
        if charge is None:
            raise StripeError(400, "This PaymentIntent does not have a successful charge "
                              "to refund.", code="charge_not_refundable")
        left = charge["amount"] - charge["amount_refunded"]
        amount = int(params.get("amount") or left)
        if amount < 1 or amount > left:
            raise StripeError(400, f"Refund amount ({amount}) is greater than unrefunded "
                              f"amount on charge ({left})", param="amount")
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        refund = {"id": self._id("re"), "object": "refund", "amount": amount,
                  "currency": charge["currency"], "charge": charge["id"],
                  "payment_intent": intent["id"], "status": "succeeded",
                  "metadata": params.get("metadata", {}), "created": int(time.time())}
        self.emit("charge.refunded", charge)
        return refund

    # -- events ------------------------------------------------------------------------

    def emit(self, event_type: str, obj: dict[str, Any]) -> dict[str, Any]:
        event = {"id": self._id("evt"), "object": "event", "api_version": API_VERSION,
                 "created": int(time.time()), "livemode": False, "pending_webhooks": 1,
                 "request": {"id": None, "idempotency_key": None}, "type": event_type,
                 "data": {"object": json.loads(json.dumps(obj))}}
        self.events.append(event)
        if self.webhook_url:
            threading.Thread(target=self.deliver, args=(event,), daemon=True).start()
        return event

    def signed(self, event: dict[str, Any]) -> tuple[str, str]:
        """The body and the ``Stripe-Signature`` header Stripe would send for ``event``."""
        payload = json.dumps(event)
        return payload, sign(payload, self.webhook_secret)

    def deliver(self, event: dict[str, Any], url: str | None = None) -> int:
        """POST ``event`` signed to ``url`` (the webhook URL by default); its HTTP status."""
        payload, signature = self.signed(event)
        request = urllib.request.Request(
            url or self.webhook_url or "", data=payload.encode(), method="POST",
            headers={"Content-Type": "application/json; charset=utf-8",
                     "Stripe-Signature": signature, "User-Agent": "Stripe/1.0 (stand-in)"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except OSError:
            return 0

    # -- HTTP --------------------------------------------------------------------------

    def answer(self, method: str, path: str, params: dict[str, Any],
               key: str) -> dict[str, Any] | list[dict[str, Any]]:
        self.requests.append((method, path))
        if path == "/_standin/events" and method == "GET":
            return self.events
        if not re.match(r"^(sk|pk)_test_", key):
            raise StripeError(401, "Invalid API Key provided.", type_="invalid_request_error")
        with self._lock:
            if key.startswith("pk_") and not re.match(
                    r"^/v1/payment_intents/[^/]+(/confirm)?$", path):
                raise StripeError(401, "This API call cannot be made with a publishable "
                                  "API key.")
            if path == "/v1/payment_intents" and method == "POST":
                return self.create_intent(params)
            if match := re.match(r"^/v1/payment_intents/([^/]+)$", path):
                intent = self.intent(match[1])
                if key.startswith("pk_") and params.get("client_secret") != intent[
                        "client_secret"]:
                    raise StripeError(400, "The client_secret provided does not match.",
                                      param="client_secret")
                return intent
            if (match := re.match(r"^/v1/payment_intents/([^/]+)/confirm$", path)) and \
                    method == "POST":
                return self.confirm(match[1], params, key)
            if (match := re.match(r"^/v1/payment_intents/([^/]+)/cancel$", path)) and \
                    method == "POST":
                return self.cancel(match[1])
            if path == "/v1/refunds" and method == "POST":
                return self.refund(params)
        raise StripeError(404, f"Unrecognized request URL ({method}: {path}).")


def _handler(standin: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet under pytest
            pass

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Request-Id", f"req_{secrets.token_hex(7)}")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)

        def _key(self) -> str:
            header = self.headers.get("Authorization", "")
            return header.removeprefix("Bearer ").strip()

        def _handle(self, method: str) -> None:
            path, _, query = self.path.partition("?")
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            params = parse_form(query if method == "GET" else body)
            # Stripe.js sends the publishable key as a form field.
            key = self._key() or params.pop("key", "")
            try:
                self._send(200, standin.answer(method, path, params, key))
            except StripeError as error:
                self._send(error.status, error.body)

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def do_OPTIONS(self) -> None:
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers",
                             "Authorization, Content-Type, Stripe-Version")
            self.end_headers()

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description="A local stand-in for Stripe's API.")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--webhook-url", default=None,
                        help="where to POST the signed events (the portal's webhook)")
    parser.add_argument("--webhook-secret", default="whsec_test_standin")
    args = parser.parse_args()
    standin = StandIn(webhook_url=args.webhook_url, webhook_secret=args.webhook_secret,
                      port=args.port)
    print(f"Stripe stand-in on {standin.url}", flush=True)
    try:
        standin.server.serve_forever()
    except KeyboardInterrupt:
        standin.server.server_close()


if __name__ == "__main__":
    main()
