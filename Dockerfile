# syntax=docker/dockerfile:1

# Kiosque: the Payload CMS and the Next.js reader site, served by a single Node process.
#
#   docker build -t kiosque .
#
# Alone, the image runs on the embedded SQLite database, kept with the media in /app/data:
#
#   docker run -p 3000:3000 -e PAYLOAD_SECRET=$(openssl rand -hex 32) -v kiosque-data:/app/data kiosque
#
# With MongoDB, nginx in front and several instances sharing Next's cache in Redis (REDIS_URL),
# see docker-compose.yml and docs/DEPLOYMENT.md. The image always ships the cache handler
# (lib/next-cache-handler.mjs): without REDIS_URL it is Next's own file-system cache.

# One base for every stage, so that the native binaries npm picks in `deps` (sharp, libsql:
# linux, x64 or arm64, glibc) are the ones the runtime loads. Override it to pin a digest.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# deps: the whole dependency tree, development dependencies included.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Only the manifests, so that this layer is rebuilt when dependencies change, not on every edit.
COPY package.json package-lock.json ./
# NODE_ENV must not be "production" here: npm would then leave out the development dependencies
# (TypeScript among them) that `next build` needs. sharp and libsql come as prebuilt binaries
# from npm, so the slim image needs no compiler. The cache mount keeps npm's download cache
# between builds without storing it in a layer.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# build: `next build` with `output: 'standalone'` (NEXT_OUTPUT, see next.config.ts).
# This stage is also the image of the `seed` service in docker-compose.yml: unlike the runtime
# it has the Payload CLI and the TypeScript sources that `npm run seed` needs.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The build needs neither a database nor secrets: lib/env.ts skips the validation during the
# build phase. The standalone output leaves public/ out, and the project has none yet: create an
# empty one so that the runtime stage's COPY of it does not fail.
RUN mkdir -p public \
    && NEXT_OUTPUT=standalone npm run build
# Docker fills an empty named volume from the image's folder at the mount point, owner included.
# The seed writes its images into the same volume as the server: hand the folder to `node` here
# too, so that whichever of the two creates the volume, the server can still write media to it.
RUN rm -rf data \
    && mkdir data \
    && chown node:node data

# ---------------------------------------------------------------------------------------------
# runtime: the standalone server only (its traced node_modules, no sources, no dev tools).
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOSTNAME: Docker sets it to the container's id, and server.js listens on $HOSTNAME. Left so,
# the server would answer on the container's network address only, not on 127.0.0.1 where the
# health check knocks. The image's ENV takes precedence over the value Docker injects.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# `next build` does not put .next/static nor public/ into the standalone folder: they go beside
# server.js, where it serves them from. Everything belongs to `node` because Next writes at run
# time under .next (image optimisation cache, regenerated pages).
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# Uploaded media (data/media) and, without MongoDB, the SQLite database live in /app/data,
# relative to the working directory (server.js changes into its own folder, which is /app).
# Created before VOLUME: changes made to a volume's path after its declaration are discarded.
RUN mkdir -p data \
    && chown node:node data
VOLUME ["/app/data"]

# The official image's `node` user, given by number so that an orchestrator can check that it is
# not root (Kubernetes' runAsNonRoot cannot resolve a user name).
USER 1000:1000

EXPOSE 3000

# The slim image has neither curl nor wget; Node 20 has a global fetch. /api/health answers 503
# when the database does not, so "healthy" means the server AND its database respond. The start
# period covers Payload's start-up (connection, SQLite migrations on a first start).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# Node itself as PID 1: Next's server handles SIGTERM, so `docker stop` shuts it down cleanly.
CMD ["node", "server.js"]
