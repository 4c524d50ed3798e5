#!/usr/bin/env bash
# Make this machine ready for berth's integration tests and demo: a Docker engine, the fixture
# images (built locally: no image registry is needed) and a private registry on 127.0.0.1:5000.
# Idempotent; returns in well under 3 s when everything is already up. See docs/testbed.md.
#
#   scripts/testbed.sh [up]      engine + images + registry (the default)
#   scripts/testbed.sh registry  engine + registry; prints REGISTRY=... USER=... PASSWORD=...
#   scripts/testbed.sh status    what is up and what is missing (exit 1 if anything is)
#   scripts/testbed.sh down      stop the registry (dockerd is left running)
#
# Progress goes to stderr; stdout only carries the registry lines, so this works:
#   eval "$(scripts/testbed.sh registry | grep ^BERTH_)"   # sets BERTH_REGISTRY{,_USER,_PASSWORD}
# With CI=true every failure is an error (elsewhere a registry that cannot start only warns).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FIXTURES_DIR=$ROOT/test/fixtures
IS_ROOT=false; [[ $(id -u) == 0 ]] && IS_ROOT=true
IS_CI=false; [[ ${CI:-} == true || ${CI:-} == 1 ]] && IS_CI=true
if $IS_ROOT; then
  STATE_DIR=/var/lib/berth-registry LOG_DIR=/var/log LOCK_FILE=/var/lock/berth-testbed.lock
  [[ -d /var/lock ]] || LOCK_FILE=/tmp/berth-testbed.lock
else
  STATE_DIR=${XDG_STATE_HOME:-$HOME/.local/state}/berth-registry LOG_DIR=${TMPDIR:-/tmp}
  LOCK_FILE=${TMPDIR:-/tmp}/berth-testbed-$(id -u).lock
fi
CACHE_DIR=${BERTH_CACHE_DIR:-/var/cache/berth}
DEBIAN_MIRROR=${BERTH_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DOCKERD_LOG=$LOG_DIR/berth-dockerd.log
DOCKERD_FLAGS=${BERTH_DOCKERD_FLAGS:-}           # extra dockerd flags, e.g. --storage-driver=vfs
ENGINE_TIMEOUT=${BERTH_ENGINE_TIMEOUT:-30}       # seconds to wait for dockerd to answer
REGISTRY_ADDR=127.0.0.1:5000 REGISTRY_USER=berth REGISTRY_PASSWORD=berth-secret
REGISTRY_LOG=$LOG_DIR/berth-registry.log
BASE_IMAGE=debian:bookworm
HASH_LABEL=berth.fixture.hash

# Fixture images, in build order: "context-dir  build-target(- for the default)  tags...".
# The first tag is berth's own name; later tags are aliases (e.g. the official redis name, which
# no registry can provide here) and are never put on an image that is not a berth fixture.
FIXTURES=(
  "redis             -          berth-fixtures/redis:7 redis:7 redis:latest"
  "http-server       server     berth-fixtures/http-server:1"
  "http-server       healthy    berth-fixtures/http-server:healthy"
  "http-server       unhealthy  berth-fixtures/http-server:unhealthy"
  "scratch-listener  -          berth-fixtures/scratch-listener:1"
)

T0=${EPOCHREALTIME/[.,]/}
DONE=()

say() { printf 'testbed: %s\n' "$*" >&2; }
die() { printf 'testbed: error: %s\n' "$*" >&2; exit 1; }
# Optional parts (the registry) only warn on a developer machine; in CI they are errors.
soft_fail() { if $IS_CI; then die "$* (CI=true: the test bed must be complete)"; fi; say "warning: $*"; }
elapsed() { local now=${EPOCHREALTIME/[.,]/}; printf '%d.%02ds' $(((now - T0) / 1000000)) $(((now - T0) / 10000 % 100)); }
have() { command -v "$1" >/dev/null 2>&1; }
is_debian() { [[ -r /etc/debian_version ]] && have apt-get; }

# ---------------------------------------------------------------------------------- packages
# Installs the Debian packages that provide the given commands, when some are missing.
# `apt-get update` runs only when installing from the current package lists fails.
ensure_commands() {
  local cmd pkg missing=()
  for cmd in "$@"; do
    case $cmd in
      dockerd | docker) pkg=docker.io ;; htpasswd) pkg=apache2-utils ;; *) pkg=$cmd ;;
    esac
    have "$cmd" || [[ -x /usr/sbin/$cmd ]] || [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  if ! $IS_ROOT || ! is_debian; then
    die "missing: ${missing[*]}. Install them (as root on Debian/Ubuntu: apt-get install ${missing[*]})$(
      [[ " ${missing[*]} " == *" docker.io "* ]] && printf '%s' ", or install Docker Engine from https://docs.docker.com/engine/install/ and start it")."
  fi
  say "installing ${missing[*]} (apt-get)"
  [[ " ${missing[*]} " == *" docker.io "* ]] && missing+=(ca-certificates cgroupfs-mount xz-utils)
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}")
  # 9>&-: services that a package's postinst starts must not inherit the lock of with_lock.
  if ! "${apt[@]}" >"$LOG_DIR/berth-apt.log" 2>&1 9>&-; then
    apt-get update -q >>"$LOG_DIR/berth-apt.log" 2>&1 9>&- || { tail -n 20 "$LOG_DIR/berth-apt.log" >&2; die "apt-get update failed (log: $LOG_DIR/berth-apt.log)"; }
    "${apt[@]}" >>"$LOG_DIR/berth-apt.log" 2>&1 9>&- || { tail -n 20 "$LOG_DIR/berth-apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $LOG_DIR/berth-apt.log)"; }
  fi
  DONE+=("installed ${missing[*]}")
}

# ------------------------------------------------------------------------------------ engine
engine_socket() { local h=${DOCKER_HOST:-unix:///var/run/docker.sock}; [[ $h == unix://* ]] && printf '%s' "${h#unix://}"; }

engine_ping() {
  local sock
  if sock=$(engine_socket) && have curl; then
    [[ -S $sock ]] && [[ $(curl -s --max-time 3 --unix-socket "$sock" http://localhost/_ping 2>/dev/null) == OK ]]
  else
    have docker && timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
  fi
}

engine_version() {
  local sock
  if sock=$(engine_socket) && have curl; then
    curl -s --max-time 3 --unix-socket "$sock" http://localhost/version |
      sed -n 's/.*"Version":"\([^"]*\)".*"ApiVersion":"\([^"]*\)".*/\1, API \2/p'
  else
    docker version --format '{{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null
  fi
}

# Cgroups are normally mounted by systemd or the VM's init; without either, mount the v1
# hierarchies like Debian's /etc/init.d/docker does (or cgroup2 when that is all there is).
mount_cgroups() {
  mountpoint -q /sys/fs/cgroup 2>/dev/null && return 0
  [[ -d /sys/fs/cgroup && -e /proc/cgroups ]] || return 0
  say "mounting cgroups on /sys/fs/cgroup"
  if ! grep -q '[^a-z]cgroup$' /proc/filesystems && grep -q cgroup2 /proc/filesystems; then
    mount -t cgroup2 cgroup2 /sys/fs/cgroup; return
  fi
  mount -t tmpfs -o uid=0,gid=0,mode=0755 cgroup /sys/fs/cgroup
  local sys
  while read -r sys; do
    mkdir -p "/sys/fs/cgroup/$sys"
    mount -n -t cgroup -o "$sys" cgroup "/sys/fs/cgroup/$sys" 2>/dev/null || rmdir "/sys/fs/cgroup/$sys"
  done < <(awk '!/^#/ { if ($4 == 1) print $1 }' /proc/cgroups)
}

# A running dockerd, if any (/proc, not pgrep: procps is not on a minimal Debian).
dockerd_pid() {
  local comm
  for comm in /proc/[0-9]*/comm; do
    [[ $(cat "$comm" 2>/dev/null) == dockerd ]] && { comm=${comm#/proc/}; echo "${comm%/comm}"; return 0; }
  done
  return 1
}

# The lines of a daemon log that explain a failure, from its last start only (dockerd's log is
# mostly grpc chatter).
log_excerpt() {
  local last lines
  last=$(awk '/^==== /{n=NR} END{print n+0}' "$1")
  lines=$(tail -n +"$((last + 1))" "$1" | grep -E 'level=(error|fatal)|failed to start|^[Ee]rror|panic' | tail -n 12) || true
  [[ -n $lines ]] || lines=$(tail -n 20 "$1")
  printf '  | %s\n' "${lines//$'\n'/$'\n'  | }" >&2
}

wait_for_engine() { # $1 = pid of the dockerd we started (empty: one we did not start)
  local deadline=$((SECONDS + ENGINE_TIMEOUT))
  while ((SECONDS < deadline)); do
    engine_ping && return 0
    [[ -n $1 ]] && ! kill -0 "$1" 2>/dev/null && return 1
    sleep 0.2
  done
  return 1
}

DOCKERD_EXITED=false
start_dockerd() { # $@ = extra flags
  local pidfile=/var/run/docker.pid pid
  # A pid file left by a dockerd that was killed -9 stops the next one if the pid was reused.
  if [[ -f $pidfile ]] && ! [[ $(cat "/proc/$(cat "$pidfile")/comm" 2>/dev/null) == dockerd ]]; then
    rm -f "$pidfile"
  fi
  mount_cgroups
  ulimit -n 1048576 2>/dev/null || true # containers inherit dockerd's open-files limit
  printf '\n==== %s testbed.sh: dockerd %s\n' "$(date -u +%FT%TZ)" "$*" >>"$DOCKERD_LOG"
  # setsid: dockerd gets its own session, so it outlives this script and the caller's job control.
  # 9>&-: the daemon must not inherit (and so hold forever) the lock of with_lock.
  setsid nohup /usr/sbin/dockerd "$@" </dev/null >>"$DOCKERD_LOG" 2>&1 9>&- &
  pid=$!
  wait_for_engine "$pid" && return 0
  if kill -0 "$pid" 2>/dev/null; then DOCKERD_EXITED=false; else DOCKERD_EXITED=true; fi
  return 1
}

ensure_engine() {
  engine_ping && return 0
  local sock; sock=$(engine_socket) || sock=""
  if [[ -n ${DOCKER_HOST:-} && $sock != /var/run/docker.sock && $sock != /run/docker.sock ]]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine, or unset DOCKER_HOST to use a local dockerd"
  fi
  if [[ -S $sock && ! -w $sock ]]; then
    die "$sock exists but $(id -un) may not use it: add the user to the docker group (usermod -aG docker $(id -un), then log in again) or run as root"
  fi
  if ! $IS_ROOT || ! is_debian; then
    local how="Install Docker Engine (https://docs.docker.com/engine/install/) and start it"
    is_debian && how="As root: apt-get install docker.io && dockerd & (or: sudo scripts/testbed.sh up)"
    [[ $(uname -s) == Darwin ]] && how="Start Docker Desktop, Colima or Podman (with its Docker socket)"
    die "no Docker engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}.
  $how,
  or point DOCKER_HOST at a running engine; then run scripts/testbed.sh up again.
  The images also need debootstrap (root) or access to Docker Hub for debian:bookworm."
  fi
  ensure_commands dockerd docker curl debootstrap docker-registry htpasswd # one apt-get for all
  local running
  if running=$(dockerd_pid); then # starting up, or started by someone else: never a second one
    say "dockerd (pid $running) is running but not answering yet; waiting up to ${ENGINE_TIMEOUT}s"
    wait_for_engine "" && { DONE+=("waited for dockerd"); return 0; }
    [[ -f $DOCKERD_LOG ]] && log_excerpt "$DOCKERD_LOG"
    die "dockerd (pid $running) does not answer at $sock; it is left alone (stop it, then run this again)"
  fi
  if [[ $(cat /proc/1/comm 2>/dev/null) == systemd ]] && have systemctl; then
    say "starting docker.service (systemd)"
    systemctl start docker.service 9>&- && wait_for_engine "" && { DONE+=("started docker.service"); return 0; }
    die "systemctl start docker.service failed; see: journalctl -u docker.service"
  fi
  # shellcheck disable=SC2086 # BERTH_DOCKERD_FLAGS is a list of flags
  say "starting dockerd ${DOCKERD_FLAGS:+$DOCKERD_FLAGS }(log: $DOCKERD_LOG)"
  # No flags are needed on Debian 12 (overlay2, cgroupfs, iptables-nft all work as installed).
  # dockerd falls back from overlay2 to another storage driver by itself when it cannot mount
  # overlay, unless /var/lib/docker already holds overlay2 data: BERTH_DOCKERD_FLAGS is for that.
  # shellcheck disable=SC2086
  if start_dockerd $DOCKERD_FLAGS; then DONE+=("started dockerd"); return 0; fi
  say "errors in $DOCKERD_LOG:"; log_excerpt "$DOCKERD_LOG"
  local hint="" what="did not answer within ${ENGINE_TIMEOUT}s"
  $DOCKERD_EXITED && what="exited"
  if grep -q 'iptables failed' <(tail -n 40 "$DOCKERD_LOG"); then
    hint=". iptables failed: not root in the host's network namespace (a container needs --privileged, which berth does not use)? else try update-alternatives --set iptables /usr/sbin/iptables-legacy"
  fi
  die "dockerd $what (log: $DOCKERD_LOG)$hint"
}

# ------------------------------------------------------------------------------------ images
declare -A IMG_ID=() IMG_HASH=() CTX_HASH=()

# One `docker image inspect` for every name we care about (missing ones are simply absent).
load_images() {
  local names=("$BASE_IMAGE") entry id hash tags tag more
  for entry in "${FIXTURES[@]}"; do read -r _ _ tags <<<"$entry"; read -ra more <<<"$tags"; names+=("${more[@]}"); done
  IMG_ID=() IMG_HASH=()
  while read -r id hash tags; do
    [[ $hash == "<no" || $hash == "-" ]] && hash=""
    for tag in ${tags//,/ }; do IMG_ID[$tag]=$id IMG_HASH[$tag]=$hash; done
  done < <(docker image inspect --format \
    "{{.Id}} {{with .Config.Labels}}{{or (index . \"$HASH_LABEL\") \"-\"}}{{else}}-{{end}} {{range .RepoTags}}{{.}},{{end}}" \
    "${names[@]}" 2>/dev/null || true)
}

# sha256 over the context directory: every file's path, mode and content.
context_hash() {
  local dir=$FIXTURES_DIR/$1
  [[ -n ${CTX_HASH[$1]:-} ]] || CTX_HASH[$1]=$(cd "$dir" && {
    find . -type f -printf '%m %P\n' | LC_ALL=C sort
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum
  } | sha256sum | cut -c1-64)
  printf '%s' "${CTX_HASH[$1]}"
}

# Prints what is missing or stale, one item a line; nothing when all images are current.
images_todo() {
  local entry dir target tags tag primary hash
  [[ -n ${IMG_ID[$BASE_IMAGE]:-} ]] || echo "$BASE_IMAGE"
  for entry in "${FIXTURES[@]}"; do
    read -r dir target tags <<<"$entry"
    hash=$(context_hash "$dir")
    primary=${tags%% *}
    for tag in $tags; do
      if [[ $tag == "$primary" ]]; then
        [[ ${IMG_HASH[$tag]:-} == "$hash" ]] || echo "$tag"
      elif [[ -z ${IMG_ID[$tag]:-} || (-n ${IMG_HASH[$tag]:-} && ${IMG_ID[$tag]} != "${IMG_ID[$primary]:-}") ]]; then
        echo "$tag" # alias missing, or on an older berth fixture: (re)tag; foreign images are left alone
      fi
    done
  done
}

ensure_base_image() {
  [[ -n ${IMG_ID[$BASE_IMAGE]:-} ]] && return 0
  local tarball=$CACHE_DIR/debian-bookworm-minbase.tar
  if [[ ! -s $tarball ]]; then
    if ! $IS_ROOT || { ! have debootstrap && ! is_debian; }; then
      say "no debootstrap here (needs root on Debian); trying: docker pull $BASE_IMAGE"
      docker pull -q "$BASE_IMAGE" >&2 || die "cannot make $BASE_IMAGE: run this script as root on Debian (debootstrap), or give the engine access to Docker Hub"
      DONE+=("pulled $BASE_IMAGE"); return 0
    fi
    ensure_commands debootstrap
    make_rootfs_tarball "$tarball"
  fi
  say "importing $BASE_IMAGE from $tarball"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    --change 'LABEL berth.base=debootstrap-minbase' \
    "$tarball" "$BASE_IMAGE" >/dev/null || die "docker import of $tarball failed (delete it to make a fresh one)"
  DONE+=("imported $BASE_IMAGE")
}

# debootstrap --variant=minbase, then the same container tweaks as the official image
# (debuerreotype): deb822 sources incl. security, no services started by dpkg, no apt caches.
make_rootfs_tarball() {
  local tarball=$1 rootfs=$CACHE_DIR/rootfs.tmp log=$LOG_DIR/berth-debootstrap.log
  mkdir -p "$CACHE_DIR"; rm -rf "$rootfs"
  say "debootstrap --variant=minbase bookworm from $DEBIAN_MIRROR (about 20s; log: $log)"
  debootstrap --variant=minbase bookworm "$rootfs" "$DEBIAN_MIRROR" >"$log" 2>&1 ||
    { tail -n 20 "$log" >&2; die "debootstrap failed (log: $log)"; }
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: ${DEBIAN_MIRROR}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${DEBIAN_MIRROR%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"; chmod 0755 "$rootfs/usr/sbin/policy-rc.d"
  printf 'force-unsafe-io\n' >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
EOF
  printf 'Acquire::Languages "none";\n' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
  printf 'Acquire::GzipIndexes "true";\n' >"$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
  printf 'APT::AutoRemove::SuggestsImportant "false";\n' >"$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"
  rm -rf "${rootfs:?}"/var/cache/apt/archives/*.deb "${rootfs:?}"/var/cache/apt/*.bin "${rootfs:?}"/var/lib/apt/lists/* \
    "${rootfs:?}"/var/log/*.log "${rootfs:?}"/var/log/apt/* "${rootfs:?}"/tmp/* "${rootfs:?}"/dev/*
  : >"$rootfs/etc/resolv.conf"; : >"$rootfs/etc/hostname"; : >"$rootfs/etc/machine-id"
  tar --numeric-owner -C "$rootfs" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$rootfs"
  DONE+=("debootstrapped $BASE_IMAGE")
}

build_fixture() { # $1 dir, $2 target, $3.. tags
  local dir=$1 target=$2; shift 2
  local hash log=$LOG_DIR/berth-build-$dir.log args=()
  [[ $target != - ]] && log=$LOG_DIR/berth-build-$dir-$target.log
  hash=$(context_hash "$dir")
  [[ $target != - ]] && args+=(--target "$target") && target=" (target $target)"
  [[ -n ${BERTH_BUILD_NETWORK:-} ]] && args+=(--network "$BERTH_BUILD_NETWORK")
  say "building test/fixtures/$dir${target/#-/} -> $1 (log: $log)"
  # berth builds its own fixtures once its Node dependencies are installed (npm test and npm run demo
  # install them first); a bare `scripts/testbed.sh up` on a fresh clone falls back to the docker CLI.
  local builder=(docker build "${args[@]}" --label "$HASH_LABEL=$hash" -t "$1" "$FIXTURES_DIR/$dir")
  if [[ -x $ROOT/node_modules/.bin/tsx && ${BERTH_FIXTURE_BUILDER:-berth} == berth ]]; then
    builder=("$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/build-fixtures.ts" "$FIXTURES_DIR/$dir" -t "$1" --label "$HASH_LABEL=$hash" "${args[@]}")
  fi
  if ! (cd "$ROOT" && "${builder[@]}") >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "docker build of test/fixtures/$dir${target/#-/} failed (log: $log; set BERTH_BUILD_NETWORK=host if RUN apt-get cannot reach the mirror)"
  fi
  DONE+=("built $1")
}

ensure_images() {
  have docker || ensure_commands docker
  load_images
  local todo; todo=$(images_todo)
  [[ -z $todo ]] && return 0
  ensure_base_image
  local entry dir target tags tag primary hash
  for entry in "${FIXTURES[@]}"; do
    read -r dir target tags <<<"$entry"
    primary=${tags%% *}
    hash=$(context_hash "$dir")
    if [[ ${IMG_HASH[$primary]:-} != "$hash" ]]; then
      build_fixture "$dir" "$target" "$primary"
      IMG_ID[$primary]=$(docker image inspect --format '{{.Id}}' "$primary") || die "image $primary missing after its build"
      IMG_HASH[$primary]=$hash
    fi
    for tag in ${tags#"$primary"}; do
      [[ ${IMG_ID[$tag]:-} == "${IMG_ID[$primary]}" ]] && continue
      if [[ -n ${IMG_ID[$tag]:-} && -z ${IMG_HASH[$tag]:-} ]]; then
        say "note: $tag exists and is not a berth fixture (a real one?): left as it is"
        continue
      fi
      docker tag "$primary" "$tag" && DONE+=("tagged $tag")
    done
  done
  # Drop the untagged leftovers of rebuilt fixtures (labelled, so only ours).
  docker image prune -f --filter "label=$HASH_LABEL" >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------------------------- registry
registry_code() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$@" "http://$REGISTRY_ADDR/v2/" 2>/dev/null || true; }
# "up" when berth's registry answers: 401 without credentials and 200 with berth's.
# "down" when nothing listens; otherwise "HTTP <anonymous>/<with credentials>" (someone else's).
registry_state() {
  local anon auth
  anon=$(registry_code)
  [[ $anon == 000 || -z $anon ]] && { echo down; return; }
  auth=$(registry_code -u "$REGISTRY_USER:$REGISTRY_PASSWORD")
  if [[ $anon == 401 && $auth == 200 ]]; then echo up; else echo "HTTP $anon/$auth"; fi
}
registry_pid() { local p; p=$(cat "$STATE_DIR/registry.pid" 2>/dev/null) || return 1; [[ $(cat "/proc/$p/comm" 2>/dev/null) == docker-registr* ]] && echo "$p"; }

ensure_registry() {
  local state; state=$(registry_state)
  [[ $state == up ]] && return 0
  if [[ $state != down ]]; then
    soft_fail "another server holds $REGISTRY_ADDR ($state for /v2/ without/with berth's credentials; berth's registry answers 401/200). Stop it (Debian's own: /etc/init.d/docker-registry stop)"
    return 0
  fi
  if ! have docker-registry || ! have htpasswd; then
    if ! $IS_ROOT || ! is_debian; then
      soft_fail "no private registry: docker-registry and htpasswd are missing (Debian: apt-get install docker-registry apache2-utils)"
      return 0
    fi
    ensure_commands docker-registry htpasswd
  fi
  mkdir -p "$STATE_DIR/data"
  [[ -s $STATE_DIR/http-secret ]] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$STATE_DIR/http-secret"
  htpasswd -vb "$STATE_DIR/htpasswd" "$REGISTRY_USER" "$REGISTRY_PASSWORD" >/dev/null 2>&1 ||
    htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$STATE_DIR/htpasswd"
  cat >"$STATE_DIR/config.yml.tmp" <<EOF
# Written by scripts/testbed.sh: berth's private test registry.
version: 0.1
log:
  level: info
  fields:
    service: berth-registry
storage:
  filesystem:
    rootdirectory: $STATE_DIR/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
  secret: $(cat "$STATE_DIR/http-secret")
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: berth-registry
    path: $STATE_DIR/htpasswd
EOF
  mv "$STATE_DIR/config.yml.tmp" "$STATE_DIR/config.yml"
  local pid
  if pid=$(registry_pid); then kill "$pid" 2>/dev/null || true; fi # ours, but not answering
  say "starting docker-registry on $REGISTRY_ADDR (log: $REGISTRY_LOG)"
  printf '\n==== %s testbed.sh: docker-registry serve %s\n' "$(date -u +%FT%TZ)" "$STATE_DIR/config.yml" >>"$REGISTRY_LOG"
  setsid nohup "$(command -v docker-registry)" serve "$STATE_DIR/config.yml" </dev/null >>"$REGISTRY_LOG" 2>&1 9>&- &
  pid=$!; echo "$pid" >"$STATE_DIR/registry.pid"
  for _ in $(seq 50); do
    [[ $(registry_state) == up ]] && { DONE+=("started registry"); return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  log_excerpt "$REGISTRY_LOG"
  soft_fail "docker-registry did not answer on $REGISTRY_ADDR (log: $REGISTRY_LOG)"
}

# Line 1 for people; line 2 is safe to eval (line 1 would overwrite the shell's $USER).
print_registry() {
  echo "REGISTRY=$REGISTRY_ADDR USER=$REGISTRY_USER PASSWORD=$REGISTRY_PASSWORD"
  echo "BERTH_REGISTRY=$REGISTRY_ADDR BERTH_REGISTRY_USER=$REGISTRY_USER BERTH_REGISTRY_PASSWORD=$REGISTRY_PASSWORD"
}

# ---------------------------------------------------------------------------------- commands
with_lock() { # serialise concurrent runs (two `npm test` at once) on the slow path
  exec 9>>"$LOCK_FILE"
  flock -n 9 && return 0
  say "waiting for another testbed.sh to finish (lock: $LOCK_FILE; holders: $(fuser "$LOCK_FILE" 2>/dev/null || echo unknown))"
  flock -w 1200 9 || die "another process has held $LOCK_FILE for 20 minutes (see: fuser -v $LOCK_FILE)"
}

done_list() { local out="" item; for item in "${DONE[@]}"; do out+="${out:+; }$item"; done; printf '%s' "${out:-nothing to do}"; }

cmd_up() {
  if engine_ping && { load_images; [[ -z $(images_todo) ]]; } && [[ $(registry_state) == up ]]; then
    say "up in $(elapsed): engine ($(engine_version)), ${#IMG_ID[@]} image tags and registry $REGISTRY_ADDR were already up"
    return 0
  fi
  with_lock
  ensure_engine
  ensure_images
  ensure_registry
  say "up in $(elapsed): engine $(engine_version); $(done_list)"
}

cmd_registry() {
  cmd_up
  [[ $(registry_state) == up ]] || die "berth's registry does not answer on $REGISTRY_ADDR (log: $REGISTRY_LOG)"
  print_registry
}

cmd_status() {
  local ok=true entry dir target tags tag hash state
  if engine_ping; then say "engine:   up ($(engine_version)) at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
  else say "engine:   DOWN (${DOCKER_HOST:-unix:///var/run/docker.sock})"; ok=false; fi
  if engine_ping; then
    load_images
    if [[ -n ${IMG_ID[$BASE_IMAGE]:-} ]]; then say "image:    $BASE_IMAGE ok"; else say "image:    $BASE_IMAGE MISSING"; ok=false; fi
    for entry in "${FIXTURES[@]}"; do
      read -r dir target tags <<<"$entry"
      hash=$(context_hash "$dir")
      for tag in $tags; do
        if [[ -z ${IMG_ID[$tag]:-} ]]; then state=MISSING; ok=false
        elif [[ -z ${IMG_HASH[$tag]:-} ]]; then state="ok (not a berth fixture)"
        elif [[ ${IMG_HASH[$tag]} == "$hash" ]]; then state=ok
        else state="STALE (test/fixtures/$dir changed)"; ok=false; fi
        say "image:    $tag $state"
      done
    done
  fi
  local rstate; rstate=$(registry_state)
  if [[ $rstate == up ]]; then say "registry: up at $REGISTRY_ADDR (user $REGISTRY_USER, password $REGISTRY_PASSWORD)"
  else say "registry: DOWN at $REGISTRY_ADDR ($rstate)"; ok=false; fi
  $ok || { say "run scripts/testbed.sh up"; return 1; }
}

cmd_down() {
  local pid
  if pid=$(registry_pid); then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$STATE_DIR/registry.pid"
    say "registry stopped (pid $pid); dockerd left running"
  elif [[ $(registry_state) != down ]]; then
    die "a registry answers on $REGISTRY_ADDR but was not started by this script (no $STATE_DIR/registry.pid)"
  else
    say "registry not running; dockerd left running"
  fi
}

case ${1:-up} in
  up) cmd_up ;;
  registry) cmd_registry ;;
  status) cmd_status ;;
  down) cmd_down ;;
  -h | --help | help) sed -n '2,16s/^# \{0,1\}//p' "$0" ;;
  *) die "unknown command: $1 (use: up | registry | status | down)" ;;
esac
