# syntax=docker/dockerfile:1
#
# rootmail container image: `rootmail serve` (SMTP receiver), `rootmail worker` and `rootmail beat`.
#
#   docker build -t rootmail:0.1.0 .
#   docker run --rm -p 2525:2525 -p 9025:9025 rootmail:0.1.0            # receiver, embedded Redis
#   docker run --rm -e ROOTMAIL_REDIS_URL=redis://redis:6379/0 rootmail:0.1.0 worker --concurrency 2
#
# The base is pinned by tag; pin it by digest too in your registry mirror or CI
# (`--build-arg PYTHON_IMAGE=python:3.11.13-slim-bookworm@sha256:...`).
ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

# --- builder: wheels of rootmail and of every dependency ------------------------------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

# A compiler only for dependencies that ship no wheel for this platform; it stays in this stage.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# .dockerignore lets in only pyproject.toml, constraints.txt, README.md, LICENSE and the four packages.
# constraints.txt pins the tested versions of the libraries whose internals rootmail relies on.
COPY . .
RUN pip wheel --wheel-dir /wheels -c constraints.txt .

# --- runtime: the installed wheels, a non-root user, nothing else ---------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ROOTMAIL_DATA_DIR=/var/lib/rootmail \
    ROOTMAIL_SMTP_HOST=0.0.0.0 \
    ROOTMAIL_SMTP_PORT=2525 \
    ROOTMAIL_HTTP_HOST=0.0.0.0 \
    ROOTMAIL_HTTP_PORT=9025 \
    ROOTMAIL_LOG_FORMAT=json

# Install from the builder's wheels without copying them into a layer, then drop pip: the image
# runs rootmail, it does not install things.
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels rootmail \
    && pip uninstall -y pip \
    && groupadd --system --gid 10001 rootmail \
    && useradd --system --uid 10001 --gid 10001 \
        --home-dir /var/lib/rootmail --no-create-home --shell /usr/sbin/nologin rootmail \
    && install -d -o 10001 -g 10001 -m 0750 /var/lib/rootmail

WORKDIR /var/lib/rootmail
# Numeric, so Kubernetes can check runAsNonRoot without looking the name up.
USER 10001:10001

# 2525: SMTP (the Service maps port 25 to it); 9025: /healthz, /readyz, /metrics.
EXPOSE 2525 9025

LABEL org.opencontainers.image.title="rootmail" \
      org.opencontainers.image.description="Turns the mail AWS sends to AWS root-user addresses into helpdesk tickets" \
      org.opencontainers.image.licenses="Apache-2.0"

ENTRYPOINT ["rootmail"]
CMD ["serve"]
