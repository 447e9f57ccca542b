#!/usr/bin/env bash
# Builds mediasoup-worker 3.12.16 offline against Debian bookworm's own libraries.
#
# Why: mediasoup's postinstall downloads a prebuilt worker from GitHub or, failing that,
# pip-installs meson and downloads every subproject. Neither works on a closed municipal
# network. Instead we replace the worker's meson wraps with tiny local subprojects that hand
# over Debian's system libraries (pkg-config), build only the `mediasoup-worker` target, and
# cache the binary outside the clone, keyed by mediasoup version and this script's hash.
#
# Usage: build-mediasoup-worker.sh [--test]
#   --test  also build and run mediasoup's own worker test suite (Catch2 from Debian).
# Env:    MADOGUCHI_CACHE_DIR   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi)
#         MEDIASOUP_WORKER_SRC  worker source dir (default node_modules/mediasoup/worker)
set -euo pipefail

readonly MS_VERSION="3.12.16"
readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly SELF="${ROOT}/scripts/build-mediasoup-worker.sh"
readonly CACHE_ROOT="${MADOGUCHI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi}"
# Only the recipe (the shims and the build steps) keys the cache, so edits elsewhere in this
# script do not force a 3-minute rebuild.
readonly SCRIPT_HASH="$(sed -n '/^# >>> recipe/,/^# <<< recipe/p' "$SELF" | sha256sum | cut -c1-16)"
readonly KEY="mediasoup-worker-${MS_VERSION}-${SCRIPT_HASH}"
readonly CACHE_DIR="${CACHE_ROOT}/${KEY}"
readonly CACHED_BIN="${CACHE_DIR}/mediasoup-worker"
readonly INSTALLED_BIN="${ROOT}/node_modules/mediasoup/worker/out/Release/mediasoup-worker"
RUN_TESTS=0
[[ "${1:-}" == "--test" ]] && RUN_TESTS=1

log() { printf '[build-mediasoup-worker] %s\n' "$*" >&2; }
die() { printf '\n[build-mediasoup-worker] ERROR: %s\n\n' "$*" >&2; exit 1; }

check_prerequisites() {
  local missing=()
  local -A pkg_for=(
    [meson]=meson [ninja]=ninja-build [pkg-config]=pkg-config [c++]=g++ [python3]=python3
  )
  for cmd in "${!pkg_for[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${pkg_for[$cmd]}")
  done
  if command -v pkg-config >/dev/null 2>&1; then
    local -A pc_for=(
      [openssl]=libssl-dev [libuv]=libuv1-dev [libsrtp2]=libsrtp2-dev [usrsctp]=libusrsctp-dev
      [nlohmann_json]=nlohmann-json3-dev [absl_flat_hash_map]=libabsl-dev
    )
    for pc in "${!pc_for[@]}"; do
      pkg-config --exists "$pc" || missing+=("${pc_for[$pc]}")
    done
  fi
  if ((RUN_TESTS)) && ! pkg-config --exists catch2; then missing+=(catch2); fi
  if ((${#missing[@]})); then
    die "missing Debian packages: ${missing[*]}
    Install them with:  sudo apt-get install -y ${missing[*]}"
  fi
}

# >>> recipe
# Writes one local meson subproject per wrap. Each exports exactly the variable names the
# worker's meson.build reads with get_variable(). The *_lib / libuv / libsrtp2 / usrsctp
# names only feed link_whole of libmediasoup-worker, a target we never build, so they are a
# placeholder static library.
write_shims() {
  local sub="$1"
  rm -f "$sub"/*.wrap
  local name
  for name in openssl nlohmann_json libuv libsrtp2 usrsctp abseil-cpp catch2; do
    rm -rf "${sub:?}/${name}"
    mkdir -p "$sub/$name"
    echo '/* placeholder: never linked into mediasoup-worker */' >"$sub/$name/placeholder.c"
  done

  cat >"$sub/openssl/meson.build" <<'M'
project('openssl', 'c')
openssl_dep = dependency('openssl')
libcrypto_dep = dependency('libcrypto')
libssl_dep = dependency('libssl')
libcrypto_lib = static_library('crypto_placeholder', 'placeholder.c')
libssl_lib = static_library('ssl_placeholder', 'placeholder.c')
M
  cat >"$sub/nlohmann_json/meson.build" <<'M'
project('nlohmann_json', 'c')
nlohmann_json_dep = dependency('nlohmann_json')
M
  cat >"$sub/libuv/meson.build" <<'M'
project('libuv', 'c')
libuv_dep = dependency('libuv')
libuv = static_library('uv_placeholder', 'placeholder.c')
M
  cat >"$sub/libuv/meson_options.txt" <<'M'
option('build_tests', type: 'boolean', value: false)
option('build_benchmarks', type: 'boolean', value: false)
M
  # Debian installs srtp.h under include/srtp2; the worker includes <srtp.h>.
  cat >"$sub/libsrtp2/meson.build" <<'M'
project('libsrtp2', 'c')
srtp_pc = dependency('libsrtp2')
srtp_inc = srtp_pc.get_variable(pkgconfig: 'includedir') / 'srtp2'
libsrtp2_dep = declare_dependency(dependencies: srtp_pc, compile_args: ['-I' + srtp_inc])
libsrtp2 = static_library('srtp2_placeholder', 'placeholder.c')
M
  cat >"$sub/libsrtp2/meson_options.txt" <<'M'
option('crypto-library', type: 'combo', choices: ['none', 'openssl', 'nss', 'mbedtls'], value: 'none')
option('crypto-library-kdf', type: 'feature', value: 'auto')
option('tests', type: 'feature', value: 'auto')
M
  cat >"$sub/usrsctp/meson.build" <<'M'
project('usrsctp', 'c')
usrsctp_dep = dependency('usrsctp')
usrsctp = static_library('usrsctp_placeholder', 'placeholder.c')
M
  cat >"$sub/usrsctp/meson_options.txt" <<'M'
option('sctp_build_programs', type: 'boolean', value: false)
M
  cat >"$sub/abseil-cpp/meson.build" <<'M'
project('abseil-cpp', ['c', 'cpp'])
absl_container_dep = declare_dependency(dependencies: [
  dependency('absl_flat_hash_map'), dependency('absl_flat_hash_set'),
  dependency('absl_btree'), dependency('absl_inlined_vector'),
])
absl_strings_dep = dependency('absl_strings')
absl_types_dep = declare_dependency(dependencies: [
  dependency('absl_optional'), dependency('absl_variant'), dependency('absl_span'),
])
absl_container_lib = static_library('absl_placeholder', 'placeholder.c')
M
  cat >"$sub/catch2/meson.build" <<'M'
project('catch2', ['c', 'cpp'])
# Catch2 v2 from Debian ships catch.hpp under include/catch2; the tests include "catch.hpp".
catch2_pc = dependency('catch2', required: false)
if catch2_pc.found()
  catch2_dep = declare_dependency(dependencies: catch2_pc,
    compile_args: ['-I' + catch2_pc.get_variable(pkgconfig: 'includedir') / 'catch2'])
else
  catch2_dep = declare_dependency()
endif
M
}

prepare_source() {
  local src="${MEDIASOUP_WORKER_SRC:-${ROOT}/node_modules/mediasoup/worker}"
  [[ -f "$src/meson.build" ]] || die "mediasoup worker sources not found at $src.
    Run 'npm ci' first (mediasoup@${MS_VERSION} ships its worker sources in the npm package)."
  local pkg_version
  pkg_version="$(node -p "require('${src}/../package.json').version" 2>/dev/null || echo unknown)"
  [[ "$pkg_version" == "$MS_VERSION" ]] || die "found mediasoup ${pkg_version}, this script builds ${MS_VERSION} only"

  BUILD_SRC="${CACHE_DIR}/src"
  rm -rf "$BUILD_SRC"
  mkdir -p "$BUILD_SRC"
  cp -a "$src"/. "$BUILD_SRC"/
  rm -rf "$BUILD_SRC/out"
  write_shims "$BUILD_SRC/subprojects"
  # Debian bookworm ships meson 1.0.1; nothing the worker uses needs 1.1.
  sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" "$BUILD_SRC/meson.build"
}

configure() {
  BUILD_DIR="${CACHE_DIR}/build"
  if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    log "configuring (meson --wrap-mode=nodownload)"
    rm -rf "$BUILD_DIR"
    meson setup "$BUILD_DIR" "$BUILD_SRC" --buildtype=release --wrap-mode=nodownload \
      -Db_ndebug=true -Db_pie=true >"${CACHE_DIR}/meson-setup.log" 2>&1 ||
      die "meson setup failed; see ${CACHE_DIR}/meson-setup.log"
  fi
}

build_worker() {
  log "building mediasoup-worker ${MS_VERSION} (about 3-4 minutes on 2 cores)"
  ninja -C "$BUILD_DIR" mediasoup-worker >"${CACHE_DIR}/ninja.log" 2>&1 ||
    die "worker build failed; see ${CACHE_DIR}/ninja.log (last lines: $(tail -5 "${CACHE_DIR}/ninja.log"))"
  cp "$BUILD_DIR/mediasoup-worker" "${CACHED_BIN}.tmp"
  mv "${CACHED_BIN}.tmp" "$CACHED_BIN"
}

# <<< recipe

run_worker_tests() {
  log "building and running mediasoup's worker test suite"
  ninja -C "$BUILD_DIR" mediasoup-worker-test >"${CACHE_DIR}/ninja-test.log" 2>&1 ||
    die "worker test build failed; see ${CACHE_DIR}/ninja-test.log"
  local test_bin="$BUILD_DIR/mediasoup-worker-test"
  local total
  # Catch2 v2 exits with the number of tests it listed.
  total="$(cd "$BUILD_SRC" && { "$test_bin" --list-test-names-only || true; } | grep -c .)"
  # These two read packet captures from worker/test/data, which the npm tarball leaves out;
  # they fail with "cannot open file" whatever the libraries.
  local -a needs_data=("Scenario: parse RTP packets" "Scenario: parse RTP packets with H264 SVC")
  local -a exclude=()
  local name
  for name in "${needs_data[@]}"; do exclude+=("~${name}"); done
  log "running ${total} test cases, less ${#needs_data[@]} that need data files missing from the npm package:"
  for name in "${needs_data[@]}"; do log "  - ${name}"; done
  (cd "$BUILD_SRC" && "$test_bin" --reporter compact "${exclude[@]}")
}

install_binary() {
  # mediasoup 3.12 resolves the worker binary at import time: MEDIASOUP_WORKER_BIN or this
  # path inside the package, so a copy here makes plain `import 'mediasoup'` work.
  if [[ -d "${ROOT}/node_modules/mediasoup" ]]; then
    mkdir -p "$(dirname "$INSTALLED_BIN")"
    cp "$CACHED_BIN" "$INSTALLED_BIN"
  fi
  log "worker ready: $CACHED_BIN"
}

main() {
  check_prerequisites
  mkdir -p "$CACHE_DIR"
  if [[ -x "$CACHED_BIN" && $RUN_TESTS -eq 0 ]]; then
    log "cached worker found ($KEY)"
  else
    if [[ ! -x "$CACHED_BIN" || ! -f "${CACHE_DIR}/build/build.ninja" ]]; then
      prepare_source
    else
      BUILD_SRC="${CACHE_DIR}/src"
    fi
    configure
    [[ -x "$CACHED_BIN" ]] || build_worker
    if ((RUN_TESTS)); then run_worker_tests; fi
  fi
  install_binary
}

main "$@"
