"""The Stripe stand-in itself, as the storefront's browser tests use it: started as a
script, it answers the official library; its webhooks reach a URL signed so that the
library's check (the one the portal's view runs) accepts them."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import stripe

from tests.stripe_standin import StandIn

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_runs_as_a_script():
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.stripe_standin", "--port", str(port)], cwd=ROOT,
        stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == f"Stripe stand-in on http://127.0.0.1:{port}"
        api = stripe.StripeClient("sk_test_x", base_addresses={"api": f"http://127.0.0.1:{port}"},
                                  max_network_retries=0)
        intent = api.v1.payment_intents.create(params={"amount": 500, "currency": "rub"})
        assert api.v1.payment_intents.retrieve(intent.id).amount == 500
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_webhooks_are_sent_signed_as_stripe_signs():
    received: list[tuple[bytes, str]] = []
    arrived = threading.Event()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((body, self.headers["Stripe-Signature"]))
            self.send_response(200)
            self.end_headers()
            arrived.set()

        def log_message(self, *args) -> None:
            pass

    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{receiver.server_address[1]}/payments/stripe/webhook/"
    try:
        with StandIn(webhook_url=url, webhook_secret="whsec_abc") as standin:
            api = stripe.StripeClient("sk_test_x", base_addresses={"api": standin.url},
                                      max_network_retries=0)
            intent = api.v1.payment_intents.create(params={"amount": 700, "currency": "rub"})
            api.v1.payment_intents.confirm(intent.id, params={"payment_method": "pm_card_visa"})
            assert arrived.wait(10)
    finally:
        receiver.shutdown()
        receiver.server_close()
    body, signature = received[0]
    event = stripe.Webhook.construct_event(body, signature, "whsec_abc")
    assert (event.type, event.data.object.id) == ("payment_intent.succeeded", intent.id)
    assert event.data.object.amount_received == 700
