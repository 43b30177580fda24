#!/usr/bin/env bash
# Installs everything Orchard needs on a Debian bookworm machine, from Debian's archive and npm only.
# Idempotent: a second run with everything present finishes in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Debian packages the build, the server, the tests and the fonts come from.
packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates dpkg-dev xz-utils
  ccache                                   # the client's objects shared between build trees
  lld                                      # links the native programs in a quarter of GNU ld's time
  emscripten                               # 3.1.6: the client's compiler (brings clang 14, lld, binaryen)
  nlohmann-json3-dev catch2 libcpp-httplib-dev libsqlite3-dev sqlite3 libsodium-dev zlib1g-dev
  libboost-dev                             # 1.74: Beast and Asio, the server's HTTP layer
  libpq-dev postgresql-15                  # PostgreSQL for several servers on one database (docs/scaling.md)
  haproxy                                  # 2.6: the load balancer of deploy/ and its tests
  fonts-noto-core fonts-dejavu-core        # NotoSans for text, DejaVu Sans Mono for code
  fonts-noto-cjk fonts-noto-color-emoji    # the browser tests' Chinese, Japanese, Korean and emoji
  fonttools python3-brotli                 # pyftsubset: the client ships only the glyphs it draws (woff2)
  chromium                                 # browser tests drive it through playwright-core
  python3-aiosmtpd                         # local SMTP sink for e-mail sign-in tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Source packages (third-party source we compile ourselves for WebAssembly), pinned by version and hash.
src_sources=/etc/apt/sources.list.d/orchard-src.sources
deps=$root/.deps
declare -A orig_sha256=(
  [imgui=1.86+ds-1]=0dace0e8e57d298eb6e93af12dc19420cb96330832f6495c733b90aeeef11f64
  [md4c=0.4.8-1]=4a457df853425b6bb6e3457aa1d1a13bccec587a04c38c622b1013a0da41439f
)
declare -A unpacked_dir=([imgui=1.86+ds-1]=imgui-1.86 [md4c=0.4.8-1]=md4c-release-0.4.8)

need_sources=0
for spec in "${!orig_sha256[@]}"; do
  [ -f "$deps/${unpacked_dir[$spec]}/.orchard-ok" ] || need_sources=1
done

if [ ${#missing[@]} -gt 0 ] || [ $need_sources = 1 ]; then
  if [ ! -f "$src_sources" ]; then
    cat > "$src_sources" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  echo "bootstrap: apt-get update"
  apt-get update -qq
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ $need_sources = 1 ]; then
  mkdir -p "$deps/download"
  for spec in "${!orig_sha256[@]}"; do
    dir=${unpacked_dir[$spec]}
    [ -f "$deps/$dir/.orchard-ok" ] && continue
    name=${spec%%=*}
    echo "bootstrap: apt-get source $spec"
    # Only the upstream tarball is used (we compile the sources ourselves); the Debian packaging
    # tarball is not needed, so a failure to fetch it alone is tolerated and the hash below decides.
    (cd "$deps/download" && apt-get source --download-only "$spec" >/dev/null 2>&1) || true
    orig=$(ls "$deps/download/${name}_"*.orig.tar.* 2>/dev/null | head -n 1)
    if [ -z "$orig" ] || ! echo "${orig_sha256[$spec]}  $orig" | sha256sum -c --quiet; then
      echo "bootstrap: could not fetch the pinned source of $spec" >&2
      exit 1
    fi
    rm -rf "${deps:?}/$dir"
    tar -xf "$orig" -C "$deps"
    touch "$deps/$dir/.orchard-ok"
  done
fi

# npm packages for the browser tests, from the committed lockfile.
if [ ! -f tests/browser/node_modules/.orchard-lock ] ||
   ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.orchard-lock; then
  echo "bootstrap: npm ci (tests/browser)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp tests/browser/package-lock.json tests/browser/node_modules/.orchard-lock
fi
