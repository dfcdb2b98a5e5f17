"""A signed-in member's GraphQL request, as the storefront sends it: the access token and
the active organization (the member's first) in the headers, through Django's test client
(the whole stack: middleware, the view, the execution)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

NO_DATA = "No benchmark data: run `make bench-data` (python -m bench.generate)."


def member_headers(email: str):
    """(headers, the member's organization) of the benchmark member ``email``."""
    from backend.accounts.models import Membership
    from backend.accounts.tokens import issue_tokens

    membership = (Membership.objects.select_related("user", "organization")
                  .filter(user__email=email).first())
    if membership is None:
        raise SystemExit(NO_DATA)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(membership.user).access}",
               "HTTP_X_ORGANIZATION": str(membership.organization_id)}
    return headers, membership.organization


def graphql_call(email: str, query: str, variables: dict[str, Any],
                 root: str | None) -> Callable[..., Any]:
    """``call(decode=True)``: one request of ``query``; decoded, the root field's data (the
    whole answer when ``root`` is None; a GraphQL error stops the benchmark); not decoded,
    nothing (decoding is the client's work, not the server's, when timing)."""
    from django.test import Client

    headers, _ = member_headers(email)
    client = Client()
    body = json.dumps({"query": query, "variables": variables})

    def call(decode: bool = True) -> Any:
        response = client.post("/graphql/", body, content_type="application/json", **headers)
        if response.status_code != 200:
            raise SystemExit(f"GraphQL error ({response.status_code}): {response.content!r}")
        if not decode:
            return {}
        data: dict[str, Any] = response.json()
        if data.get("errors"):
            raise SystemExit(f"GraphQL error: {data['errors']}")
        return data if root is None else data["data"][root]

    return call
