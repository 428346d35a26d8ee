# Gallery: registry + gallery in one image.
#   docker build -t gallery .
#   docker run -p 5000:5000 -v gallery-data:/data gallery      (SQLite + filesystem blobs under /data)
# or `docker compose up` for two nodes on PostgreSQL and an S3 bucket behind nginx (see docker-compose.yml).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Gallery.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the health check below (the runtime image has no HTTP client).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# appsettings.json sets "Urls", which outranks ASPNETCORE_URLS; the unprefixed Urls variable outranks appsettings.
ENV ASPNETCORE_URLS=http://+:5000 \
    Urls=http://+:5000 \
    Gallery__DataPath=/data
# Run as the image's non-root user; /data is created owned by it so a fresh named volume inherits that.
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME /data
EXPOSE 5000
# Liveness: the process answers. (Readiness — database, blob store, index — is GET /readyz; compose waits on it.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS -o /dev/null http://127.0.0.1:5000/healthz || exit 1
ENTRYPOINT ["dotnet", "Gallery.Web.dll"]
