# Ajanvarausbotti: the bot on Node.js 20, run as an unprivileged user.
# Build stage: the TypeScript sources compiled to dist/ (what `npm start` runs).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The Mini App's client (vite, into dist/webapp): served by the bot's HTTP server.
COPY webapp ./webapp
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies are left out: the bot and the maintenance commands (npm run backup / restore /
# rotate-key, which run dist/cli/*.js) need only the compiled code (test/cli/compiled-commands.test.ts).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY locales ./locales
# Without MONGODB_URI and where MongoDB cannot be downloaded, the bot runs FerretDB through this.
COPY scripts ./scripts
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# Webhook mode listens here (BOT_MODE=webhook); GET /healthz reports database reachability.
EXPOSE 8080
# The compiled bot directly (not `npm start`, which would build again and needs the dev tools).
# The same memory limits as `npm start` (README, Performance).
CMD ["node", "--max-old-space-size=96", "--max-semi-space-size=2", "--single-threaded-gc", "dist/main.js"]
