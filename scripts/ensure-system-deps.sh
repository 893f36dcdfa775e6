#!/usr/bin/env bash
# Makes sure the system packages the test suite needs are present:
#   chromium           - Playwright drives Debian's Chromium (never `npx playwright install`: no internet)
#   postgresql         - server binaries for the throwaway PostgreSQL of the second vitest pass
#   fonts-dejavu-core  - map labels and deck.gl text need a system font in headless screenshots
#   poppler-utils      - pdftoppm turns the briefing PDF into PNG pages in tests/e2e/briefing.spec.ts
#   haproxy            - the load balancer of deploy/haproxy.cfg, in front of the nodes of tests/cluster/
# Quiet and idempotent when everything is there. Installs with apt when we are root or have
# passwordless sudo; otherwise says what is missing and exits 1, so callers can warn and carry on
# (the runners that need the missing piece then fail with their own message).
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
# Checking the font file rather than dpkg keeps this working on images that ship the font another way.
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)

((${#missing[@]} == 0)) && exit 0

packages=(chromium postgresql fonts-dejavu-core poppler-utils haproxy)
if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-system-deps: missing ${missing[*]}; not root and no passwordless sudo, so not installing." >&2
  echo "ensure-system-deps: install with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi

echo "ensure-system-deps: missing ${missing[*]}; installing ${packages[*]} with apt-get" >&2
# CI has no stdin: never let a package ask a question.
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"

# Re-check: a package can install without the file we rely on (e.g. another distribution's layout).
still=()
[[ -x /usr/bin/chromium ]] || still+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || still+=(postgresql)
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || still+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || still+=(poppler-utils)
command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || still+=(haproxy)
if ((${#still[@]} > 0)); then
  echo "ensure-system-deps: still missing after apt-get install: ${still[*]}" >&2
  exit 1
fi
echo "ensure-system-deps: installed ${packages[*]}" >&2
