#!/usr/bin/env bash
# Builds the Yingzao Java 17 base image from Debian packages, the way distroless images are built:
# the JRE package and only the libraries it loads, CA certificates (PEM bundle and a Java cacerts),
# time-zone data, /etc/passwd with the non-root user 185, no shell and no package manager.
#
#   deploy/images/build-base.sh [OUT_DIR]           # default images/target/base
#   deploy/images/build-base.sh --update-lock       # re-pin to the versions apt offers now
#
# The versions and SHA-256 of every .deb are pinned in deploy/images/base-packages.lock; a .deb
# whose hash differs fails the build. Every file gets the timestamp SOURCE_DATE_EPOCH of the lock,
# so the same lock gives the same layer and the same image digest, byte for byte.
# Needs apt-get (a Debian mirror; `apt-get update` once on a fresh machine), dpkg-deb and python3.
# Writes OUT_DIR/base-layer.tar, OUT_DIR/yingzao-java17-base.docker.tar (the Jib base, `docker
# save` format) and OUT_DIR/yingzao-java17-base.oci.tar (OCI image layout, for skopeo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lock="$here/base-packages.lock"
cache="${YINGZAO_DEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/yingzao/debs}"
packages=(libc6 libgcc-s1 libstdc++6 zlib1g openjdk-17-jre-headless ca-certificates tzdata)

if [[ "${1:-}" == "--update-lock" ]]; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  {
    echo "# Debian packages of the Yingzao Java 17 base (deploy/images/build-base.sh --update-lock)"
    echo "# name version sha256"
    echo "source-date-epoch $(date -u +%s)"
    for p in "${packages[@]}"; do
      v="$(apt-cache policy "$p" | sed -n 's/^  Candidate: //p')"
      [[ -n "$v" && "$v" != "(none)" ]] || { echo "no candidate for $p (apt-get update?)" >&2; exit 1; }
      (cd "$tmp" && apt-get download -q "$p=$v" >/dev/null 2>&1)
      f="$(ls "$tmp"/"${p}"_*.deb)"
      echo "$p $v $(sha256sum "$f" | cut -d' ' -f1)"
      rm -f "$f"
    done
  } > "$lock.new"
  mv "$lock.new" "$lock"
  cat "$lock"
  exit 0
fi

out="${1:-$root/images/target/base}"
mkdir -p "$out" "$cache"
SOURCE_DATE_EPOCH="$(awk '$1=="source-date-epoch"{print $2}' "$lock")"
export SOURCE_DATE_EPOCH
work="$out/work"
rm -rf "$work"; mkdir -p "$work/rootfs" "$work/extra"

while read -r name version sha; do
  [[ -z "$name" || "$name" == \#* || "$name" == source-date-epoch ]] && continue
  deb="$(ls "$cache/${name}_${version//:/%3a}"_*.deb 2>/dev/null | head -1 || true)"
  if [[ -z "$deb" ]] || ! echo "$sha  $deb" | sha256sum -c --quiet - >/dev/null 2>&1; then
    [[ -n "$deb" ]] && rm -f "$deb"
    (cd "$cache" && apt-get download -q "$name=$version" >/dev/null 2>"$work/apt.err") || {
      cat "$work/apt.err" >&2
      echo "cannot download $name=$version; run apt-get update, or re-pin with $0 --update-lock" >&2; exit 1; }
    deb="$(ls "$cache/${name}_${version//:/%3a}"_*.deb | head -1)"
  fi
  echo "$sha  $deb" | sha256sum -c --quiet - || { echo "sha256 of $deb differs from $lock" >&2; exit 1; }
  case "$name" in
    ca-certificates|tzdata) dpkg-deb -x "$deb" "$work/extra/$name" ;;   # data only, see assemble_base.py
    *) dpkg-deb -x "$deb" "$work/rootfs" ;;
  esac
done < "$lock"

python3 "$here/assemble_base.py" "$work" "$out" "$lock"
rm -rf "$work"
