# syntax=docker/dockerfile:1
# The edge: infra/nginx/nginx.conf with the local instance addresses (127.0.0.1:8081-8083) replaced
# by the compose services api1..api3:8080 and the loopback listen opened to the container network.
# Build from the repository root: docker build -f infra/docker/nginx.Dockerfile -t automl-nginx .
FROM nginx:stable
COPY infra/nginx/nginx.conf /etc/nginx/automl.conf
COPY infra/nginx/locations.conf infra/nginx/tls.conf.template infra/nginx/tls-redirect.template /etc/nginx/
COPY --chmod=755 infra/docker/nginx-tls.sh /docker-entrypoint.d/40-automl-tls.sh
RUN mkdir -p /etc/nginx/tls.d && sed -i \
      -e 's/127\.0\.0\.1:8081/api1:8080/g' \
      -e 's/127\.0\.0\.1:8082/api2:8080/g' \
      -e 's/127\.0\.0\.1:8083/api3:8080/g' \
      -e 's/listen 127\.0\.0\.1:8080;/listen 8080;/' \
      /etc/nginx/automl.conf \
 && ! grep -q '127\.0\.0\.1:808' /etc/nginx/automl.conf \
 && grep -q 'server api1:8080' /etc/nginx/automl.conf \
 && mkdir -p /var/lib/automl-nginx/logs /var/lib/automl-nginx/temp \
 && ln -sf /dev/stdout /var/lib/automl-nginx/logs/access.log \
 && ln -sf /dev/stderr /var/lib/automl-nginx/logs/error.log
EXPOSE 8080 443
# TLS: mount fullchain.pem and privkey.pem at /etc/nginx/tls/ (or set AUTOML_TLS_CERT and AUTOML_TLS_KEY
# to other paths); nginx-tls.sh renders the TLS server (port AUTOML_TLS_LISTEN, default 443) and the redirect at start.
CMD ["nginx", "-c", "/etc/nginx/automl.conf", "-p", "/var/lib/automl-nginx/", "-e", "stderr", "-g", "daemon off;"]
