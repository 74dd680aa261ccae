# Production-like image: the same commands as the README (install, build, start), on Node 22.
FROM node:22-bookworm-slim

WORKDIR /app

# Dependencies first, so source edits do not reinstall them. The root postinstall generates the
# Prisma client, which needs the schema and prisma.config.ts.
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY prisma prisma
RUN npm ci --include=dev

COPY . .
RUN npm run build

ENV HOST=0.0.0.0 \
    PORT=3000
EXPOSE 3000

HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"

# Run the server directly (not through npm) so SIGTERM reaches it and it closes gracefully: the bundle
# `npm run build` made, with the node flags of `npm start` (package.json).
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=50", "server/dist/main.mjs"]
