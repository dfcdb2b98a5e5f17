"""Container health check: GET the readiness probe of the local web server.

Exits 0 when ``/health/ready`` answers 200 (the process serves and the database answers),
1 otherwise. Used by the Dockerfile's HEALTHCHECK and docker-compose.yml. Standard library
only: the slim image has no curl.

Django rejects a request whose Host header is not in ALLOWED_HOSTS (400), so the probe sends
the first allowed host instead of ``127.0.0.1``.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/health/ready"


def host_header(allowed_hosts: str) -> str:
    """A Host value that Django's ALLOWED_HOSTS check accepts."""
    for entry in allowed_hosts.split(","):
        host = entry.strip()
        if not host:
            continue
        if host == "*":
            return "localhost"
        # ".example.com" allows example.com and its subdomains.
        return host.lstrip(".")
    return "localhost"


def main(argv: list[str]) -> int:
    url = argv[1] if len(argv) > 1 else DEFAULT_URL
    request = urllib.request.Request(
        url, headers={"Host": host_header(os.environ.get("ALLOWED_HOSTS", ""))}
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"unhealthy: {url} answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
