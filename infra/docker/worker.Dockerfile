# syntax=docker/dockerfile:1
# The worker image: the Hangfire server host (ingest, training, batch prediction, maintenance).
# Which queues a container serves is Worker__Queues (infra/docker-compose.yml runs one service for
# high,normal and one for low). Build from the repository root:
#   docker build -f infra/docker/worker.Dockerfile -t automl-worker .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json is left out on purpose (see api.Dockerfile).
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/AutoMl.Domain.csproj                 src/Domain/
COPY src/Ml/AutoMl.Ml.csproj                         src/Ml/
COPY src/Infrastructure/AutoMl.Infrastructure.csproj src/Infrastructure/
COPY src/Workers/AutoMl.Workers.csproj               src/Workers/
RUN dotnet restore src/Workers/AutoMl.Workers.csproj
COPY src/Domain/         src/Domain/
COPY src/Ml/             src/Ml/
COPY src/Infrastructure/ src/Infrastructure/
COPY src/Workers/        src/Workers/
RUN dotnet publish src/Workers/AutoMl.Workers.csproj -c Release -o /out --no-restore --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# libgomp1: LightGBM's native library (OpenMP).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out ./
# The blobs mount point belongs to app, so a fresh named volume mounted there is writable by it.
RUN mkdir -p /var/lib/automl/blobs && chown -R app:app /var/lib/automl
USER app
ENV DOTNET_ENVIRONMENT=Production \
    AUTOML_DATA_DIR=/var/lib/automl \
    Worker__Queues=high,normal,low
# No HTTP endpoint: liveness is the process itself (restart: unless-stopped in compose) and the
# job leases it renews in Postgres.
ENTRYPOINT ["dotnet", "AutoMl.Workers.dll"]
