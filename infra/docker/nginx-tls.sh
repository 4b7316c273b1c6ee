#!/bin/sh
# Run by the official image's entrypoint (/docker-entrypoint.d/) before nginx starts: renders the TLS server from
# tls.conf.template, and the plain server's redirect to it from tls-redirect.template, when a certificate is there:
# AUTOML_TLS_CERT and AUTOML_TLS_KEY name mounted files, or (both unset) fullchain.pem and privkey.pem are mounted at
# /etc/nginx/tls/. With neither, only plain HTTP listens, as before.
set -eu
out=/etc/nginx/tls.d/automl-tls.conf
out_redirect=/etc/nginx/tls.d/automl-tls.redirect
rm -f "$out" "$out_redirect"
cert="${AUTOML_TLS_CERT:-}"
key="${AUTOML_TLS_KEY:-}"
if [ -z "$cert" ] && [ -z "$key" ] && [ -f /etc/nginx/tls/fullchain.pem ] && [ -f /etc/nginx/tls/privkey.pem ]; then
  cert=/etc/nginx/tls/fullchain.pem
  key=/etc/nginx/tls/privkey.pem
fi
if [ -n "$cert" ] && [ -n "$key" ]; then
  listen="${AUTOML_TLS_LISTEN:-443}"
  # The port browsers reach HTTPS on (the host side of the compose mapping), for the redirect.
  public_port="${AUTOML_TLS_PUBLIC_PORT:-443}"
  suffix=""
  [ "$public_port" = 443 ] || suffix=":$public_port"
  AUTOML_TLS_CERT="$cert" AUTOML_TLS_KEY="$key" AUTOML_TLS_LISTEN="$listen" \
    envsubst '${AUTOML_TLS_CERT} ${AUTOML_TLS_KEY} ${AUTOML_TLS_LISTEN}' </etc/nginx/tls.conf.template >"$out"
  AUTOML_TLS_PORT_SUFFIX="$suffix" envsubst '${AUTOML_TLS_PORT_SUFFIX}' </etc/nginx/tls-redirect.template >"$out_redirect"
  echo "nginx-tls: TLS server on $listen with $cert; plain HTTP redirects to https://<host>$suffix (but /health/)"
fi
