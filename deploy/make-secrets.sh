#!/bin/sh
# Makes what deploy/compose.yaml needs, in deploy/secrets (ignored by git), once: the database password, the
# certificate that encrypts the data-protection keys at rest, and the SMTP relay stand-in's TLS certificate.
# For a real installation use the partnership's own: a certificate from its key service, its relay's.
set -eu
cd "$(dirname "$0")"
umask 077
mkdir -p secrets
cd secrets
[ -f database-password ] || openssl rand -hex 24 | tr -d '\n' > database-password
[ -f data-protection-password ] || openssl rand -hex 24 | tr -d '\n' > data-protection-password
if [ ! -f data-protection.pfx ]; then
  openssl req -x509 -newkey rsa:3072 -sha256 -days 1825 -nodes -subj "/CN=safeguarding-hub data-protection keys" \
    -keyout data-protection.key -out data-protection.crt 2>/dev/null
  openssl pkcs12 -export -inkey data-protection.key -in data-protection.crt -out data-protection.pfx \
    -passout "file:data-protection-password"
  rm data-protection.key
fi
if [ ! -f smtp-relay.crt ]; then
  openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes -subj "/CN=smtp-relay" -addext "subjectAltName=DNS:smtp-relay" \
    -keyout smtp-relay.key -out smtp-relay.crt 2>/dev/null
fi
# The containers read them as other users; the folder itself stays private to you.
chmod 644 ./*
echo "Secrets are in $(pwd). Before docker compose up:"
echo "  export DATABASE_PASSWORD=\$(cat $(pwd)/database-password) DATA_PROTECTION_PASSWORD=\$(cat $(pwd)/data-protection-password)"
