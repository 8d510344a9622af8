#!/usr/bin/env bash
# Human acceptance check of the Zoom sandbox with nothing but curl (not run in CI).
# Uses SANDBOX_URL if set (start one with `npm run sandbox`), otherwise starts the same CLI
# on a free port with the pinned Node (directly, so the EXIT trap can stop it). Then walks:
# authorize → consent (Allow) → code → token → users/me → meetings (paged) → refresh
# → old refresh token refused → revoke → refresh refused. Needs curl, python3 (for JSON).
set -euo pipefail
cd "$(dirname "$0")/.."

PUBLIC_CLIENT_ID=SandboxPublicClient01
CONFIDENTIAL_CLIENT_ID=SandboxClientId01
CONFIDENTIAL_CLIENT_SECRET=SandboxClientSecret01NotARealSecret
REDIRECT=http://127.0.0.1:61234/callback
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

if [[ -z "${SANDBOX_URL:-}" ]]; then
  LOG=$(mktemp)
  node_modules/.bin/node main/sandbox/cli.ts --port 0 >"$LOG" 2>&1 &
  SANDBOX_PID=$!
  trap 'kill "$SANDBOX_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
  for _ in $(seq 1 100); do
    SANDBOX_URL=$(sed -n 's/^Zoom sandbox listening on //p' "$LOG")
    [[ -n "$SANDBOX_URL" ]] && break
    sleep 0.1
  done
  [[ -n "$SANDBOX_URL" ]] || { cat "$LOG"; echo "The sandbox did not start."; exit 1; }
  cat "$LOG"
fi

# One whole flow for a client kind. A public client sends client_id in the body and no
# Authorization header; a confidential client authenticates with HTTP Basic.
flow() {
  KIND=$1
  if [[ $KIND == public ]]; then
    AUTHORIZE_CLIENT_ID=$PUBLIC_CLIENT_ID
    AUTH=(--data-urlencode "client_id=$PUBLIC_CLIENT_ID")
  else
    AUTHORIZE_CLIENT_ID=$CONFIDENTIAL_CLIENT_ID
    AUTH=(-u "$CONFIDENTIAL_CLIENT_ID:$CONFIDENTIAL_CLIENT_SECRET")
  fi
  printf '\n\033[1;4m### %s client\033[0m\n' "$KIND"
  step "PKCE pair"
  VERIFIER=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
  echo "verifier (kept local): ${VERIFIER:0:6}…  challenge: $CHALLENGE"

  step "GET /oauth/authorize (consent page)"
  PAGE=$(curl -fsS -G "$SANDBOX_URL/oauth/authorize" \
    --data-urlencode response_type=code --data-urlencode client_id=$AUTHORIZE_CLIENT_ID \
    --data-urlencode redirect_uri=$REDIRECT --data-urlencode state=curl-state \
    --data-urlencode code_challenge="$CHALLENGE" --data-urlencode code_challenge_method=S256)
  CONSENT_ID=$(printf '%s' "$PAGE" | sed -n 's/.*name="consent_id" value="\([^"]*\)".*/\1/p')
  printf '%s\n' "$PAGE" | grep -o '<h1>.*</h1>'
  echo "consent id: $CONSENT_ID"

  step "POST /oauth/authorize/decision (Allow)"
  LOCATION=$(curl -fsS -o /dev/null -w '%{redirect_url}' -X POST "$SANDBOX_URL/oauth/authorize/decision" \
    --data-urlencode consent_id="$CONSENT_ID" --data-urlencode decision=allow)
  echo "redirect: ${LOCATION%%code=*}code=…&state=curl-state"
  CODE=$(printf '%s' "$LOCATION" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')

  step "POST /oauth/token (authorization_code, $KIND client)"
  TOKENS=$(curl -sS -X POST "$SANDBOX_URL/oauth/token" \
    --data-urlencode grant_type=authorization_code --data-urlencode code="$CODE" \
    --data-urlencode redirect_uri=$REDIRECT --data-urlencode code_verifier="$VERIFIER" "${AUTH[@]}")
  ACCESS=$(printf '%s' "$TOKENS" | json "['access_token']")
  REFRESH=$(printf '%s' "$TOKENS" | json "['refresh_token']")
  printf '%s' "$TOKENS" | python3 -c "import json,sys; t=json.load(sys.stdin); print('token_type', t['token_type'], '| expires_in', t['expires_in'], '| scope', t['scope'], '| api_url', t['api_url'])"

  step "GET /v2/users/me"
  curl -fsS "$SANDBOX_URL/v2/users/me" -H "Authorization: Bearer $ACCESS" | python3 -c "import json,sys; u=json.load(sys.stdin); print(u['display_name'], '<'+u['email']+'>', u['timezone'])"

  step "GET /v2/users/me/meetings (page_size=5, all pages)"
  NEXT=""
  PAGE_NO=0
  while :; do
    PAGE_NO=$((PAGE_NO + 1))
    BODY=$(curl -fsS -G "$SANDBOX_URL/v2/users/me/meetings" -H "Authorization: Bearer $ACCESS" \
      --data-urlencode page_size=5 ${NEXT:+--data-urlencode next_page_token="$NEXT"})
    printf '%s' "$BODY" | python3 -c "
import json,sys
p=json.load(sys.stdin)
print(f'page $PAGE_NO of {p[\"total_records\"]} records:')
for m in p['meetings']: print('  ', m.get('start_time','(no fixed time)'), m['type'], m['topic'][:70])"
    NEXT=$(printf '%s' "$BODY" | json "['next_page_token']")
    [[ -z "$NEXT" ]] && break
  done

  step "POST /oauth/token (refresh_token: rotates)"
  ROTATED=$(curl -sS -X POST "$SANDBOX_URL/oauth/token" \
    --data-urlencode grant_type=refresh_token --data-urlencode refresh_token="$REFRESH" "${AUTH[@]}")
  NEW_ACCESS=$(printf '%s' "$ROTATED" | json "['access_token']")
  NEW_REFRESH=$(printf '%s' "$ROTATED" | json "['refresh_token']")
  echo "new refresh token differs from the old one: $([[ "$NEW_REFRESH" != "$REFRESH" ]] && echo yes || echo NO)"

  step "POST /oauth/token with the OLD refresh token (expect 400 Invalid Token!)"
  curl -sS -w '  HTTP %{http_code}\n' -X POST "$SANDBOX_URL/oauth/token" \
    --data-urlencode grant_type=refresh_token --data-urlencode refresh_token="$REFRESH" "${AUTH[@]}"

  step "POST /oauth/revoke"
  curl -sS -w '  HTTP %{http_code}\n' -X POST "$SANDBOX_URL/oauth/revoke" \
    --data-urlencode token="$NEW_ACCESS" "${AUTH[@]}"

  step "POST /oauth/token with the revoked grant's refresh token (expect 400 Invalid Token!)"
  curl -sS -w '  HTTP %{http_code}\n' -X POST "$SANDBOX_URL/oauth/token" \
    --data-urlencode grant_type=refresh_token --data-urlencode refresh_token="$NEW_REFRESH" "${AUTH[@]}"

  step "GET /v2/users/me with the revoked access token (expect 401 code 124)"
  curl -sS -w '  HTTP %{http_code}\n' "$SANDBOX_URL/v2/users/me" -H "Authorization: Bearer $NEW_ACCESS"
}

flow public
flow confidential
