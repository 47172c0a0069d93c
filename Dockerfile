# Ajanvarausbotti: the bot on Node.js 20, run as an unprivileged user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies are left out; tsx (a runtime dependency) runs the TypeScript sources.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY locales ./locales
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# Webhook mode listens here (BOT_MODE=webhook); GET /healthz reports database reachability.
EXPOSE 8080
CMD ["npm", "start"]
