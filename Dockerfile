# syntax=docker/dockerfile:1
#
# The production image of the B2B portal: one image for the web server (gunicorn), the
# Celery worker and Celery beat, and the one-shot migration job (see docker-compose.yml).
#
#   docker build -t b2b-portal .
#   docker run --rm -e SECRET_KEY=... -e DATABASE_URL=postgresql://... \
#       -e ALLOWED_HOSTS=portal.example.com -p 8000:8000 b2b-portal
#
# Configuration comes from the environment at run time (backend/settings.py and
# deploy/production.env.example); nothing secret is baked into the image.

# Storefront (React + TypeScript + Vite, storefront/): built here, served by Django at /.
# The schema file is what the GraphQL types are generated from. No browser is downloaded.
FROM node:22-slim AS storefront
WORKDIR /build/storefront
COPY storefront/package.json storefront/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY schema.graphql /build/schema.graphql
COPY storefront/ ./
RUN npm run build

FROM python:3.11-slim AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# Only the lock is copied: this layer is rebuilt when the dependencies change, not on every
# code change.
COPY requirements/runtime.txt requirements/runtime.txt

# Runtime dependencies only (no dev extras), exactly the versions and files of the lock
# (requirements/runtime.txt, `make lock`): --require-hashes refuses any file whose hash it
# does not list and any dependency it does not pin. Every dependency ships manylinux wheels
# but promise, which is pure Python, so no compiler is needed. The project itself is not
# installed: the code runs from /app (PYTHONPATH; settings derive BASE_DIR, static and locale
# folders from the source tree), so there is one copy of it.
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --require-hashes -r requirements/runtime.txt


FROM python:3.11-slim AS runtime

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=backend.settings \
    B2B_ENV=production \
    MEDIA_ROOT=/app/media \
    WEB_CONCURRENCY=3

# WeasyPrint (invoices, UPDs and statements as PDF) lays text out with Debian's Pango and
# writes Cyrillic in the DejaVu fonts, the packages `make pdf-libs` installs. Not pinned:
# Debian's security updates move their versions within the release.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin app

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
COPY . .
COPY --from=storefront /build/storefront/dist /app/storefront/dist

# Static files are collected at build time with the production storage (compressed by
# whitenoise). Settings need a database URL and a real-looking secret at import; these
# values exist only for this command: nothing connects to the database here.
RUN B2B_ENV=production \
    SECRET_KEY=build-only-collectstatic-key-not-used-at-run-time \
    DATABASE_URL=postgresql://build@localhost:5432/build \
    python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q /app \
    && mkdir -p /app/media \
    && chown app:app /app/media

USER 10001:10001

EXPOSE 8000

# No HEALTHCHECK here: the image also runs the worker, beat and migrations, which serve no
# HTTP. docker-compose.yml sets one per role (web: deploy/healthcheck.py, /health/ready).

# Workers: WEB_CONCURRENCY (read by gunicorn); other gunicorn flags: GUNICORN_CMD_ARGS.
CMD ["gunicorn", "backend.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--threads", "4", \
     "--timeout", "120", \
     "--worker-tmp-dir", "/dev/shm", \
     "--access-logfile", "-"]
