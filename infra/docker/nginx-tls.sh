#!/bin/sh
# Run by the official image's entrypoint (/docker-entrypoint.d/) before nginx starts: renders the TLS
# server from tls.conf.template when AUTOML_TLS_CERT and AUTOML_TLS_KEY name mounted files.
set -eu
out=/etc/nginx/tls.d/automl-tls.conf
rm -f "$out"
if [ -n "${AUTOML_TLS_CERT:-}" ] && [ -n "${AUTOML_TLS_KEY:-}" ]; then
  AUTOML_TLS_LISTEN="${AUTOML_TLS_LISTEN:-443}" envsubst '${AUTOML_TLS_CERT} ${AUTOML_TLS_KEY} ${AUTOML_TLS_LISTEN}' \
    </etc/nginx/tls.conf.template >"$out"
  echo "nginx-tls: TLS server on ${AUTOML_TLS_LISTEN:-443} with $AUTOML_TLS_CERT"
fi
