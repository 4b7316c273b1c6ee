# syntax=docker/dockerfile:1
# The API image: ASP.NET Core host of REST, the SignalR hub and the dashboard.
# Build from the repository root (infra/docker-compose.yml does):
#   docker build -f infra/docker/api.Dockerfile -t automl-api .

# ---- dashboard (web/): vite build when web/package.json exists, the placeholder page otherwise ----
FROM node:22-bookworm-slim AS web
WORKDIR /src/web
COPY web/ ./
RUN if [ -f package.json ]; then npm ci --no-audit --no-fund && npm run build; \
    else mkdir -p dist && cp -r placeholder/. dist/; fi

# ---- build --------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json pins the SDK of the developers' machines (10.0.401, roll forward within 10.0.4xx+);
# the image's SDK band may differ, so it is left out: the image's 10.0 SDK builds net10.0.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
# Project files first, so the restore layer is reused while only sources change.
COPY src/Domain/AutoMl.Domain.csproj                 src/Domain/
COPY src/Ml/AutoMl.Ml.csproj                         src/Ml/
COPY src/Infrastructure/AutoMl.Infrastructure.csproj src/Infrastructure/
COPY src/Api/AutoMl.Api.csproj                       src/Api/
RUN dotnet restore src/Api/AutoMl.Api.csproj
COPY src/Domain/         src/Domain/
COPY src/Ml/             src/Ml/
COPY src/Infrastructure/ src/Infrastructure/
COPY src/Api/            src/Api/
RUN dotnet publish src/Api/AutoMl.Api.csproj -c Release -o /out --no-restore --nologo

# ---- runtime ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# libgomp1: LightGBM's native library (online prediction loads the models); curl: the HEALTHCHECK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out ./
COPY --from=web /src/web/dist ./web
# The image's non-root user (uid 1654, HOME /home/app); the data protection key ring lives under
# /home/app/.aspnet/DataProtection-Keys and must be shared by every instance (a volume in compose).
# Mount points exist and belong to app, so a fresh named volume mounted there is writable by it.
RUN mkdir -p /home/app/.aspnet/DataProtection-Keys /var/lib/automl/blobs \
 && chown -R app:app /home/app /var/lib/automl
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    AutoMl__WebRoot=/app/web \
    AUTOML_DATA_DIR=/var/lib/automl \
    DOTNET_gcServer=1
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "AutoMl.Api.dll"]
