#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly's recommended rules, where Node.js is installed.
# ./mvnw verify does not need this: OpenApiDocumentIT checks the same rules in Java and writes
# target/openapi.json, which this script lints (or pass a file or a running app's URL).
#
#   tools/lint-openapi.sh                                 # target/openapi.json
#   tools/lint-openapi.sh http://127.0.0.1:8080/v3/api-docs
set -euo pipefail
src=${1:-target/openapi.json}
if ! command -v npx >/dev/null 2>&1; then
  echo "lint-openapi: Node.js (npx) not found; skipped (OpenApiDocumentIT covers the rules in Java)"
  exit 0
fi
file=$src
if [[ $src == http* ]]; then
  file=$(mktemp --suffix=.json)
  curl -fsS "$src" -o "$file"
fi
exec npx --yes @redocly/cli@2 lint "$file" --extends recommended --format stylish
