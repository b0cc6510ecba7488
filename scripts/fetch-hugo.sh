#!/usr/bin/env bash
# Fetches the newest Hugo that Debian ships (suite sid) into .cache/hugo-sid/root of this project,
# WITHOUT adding sid to the system's APT sources: APT is pointed at a private sources list, a private
# list directory and a private archive cache, all inside .cache/hugo-sid/. The .deb is unpacked with
# `dpkg -x`, never installed. Idempotent: when the binary is already there and runs, nothing is fetched
# (set HUGO_SID_REFRESH=1 to fetch again).
#
# Usage: bash scripts/fetch-hugo.sh        prints the binary's path and its version
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/hugo-sid"
bin="$cache/root/usr/bin/hugo"

if [[ -x "$bin" && "${HUGO_SID_REFRESH:-}" != 1 ]] && version="$("$bin" version 2>/dev/null)"; then
  echo "hugo (sid) already present: $bin"
  echo "$version"
  exit 0
fi

for tool in apt-get dpkg; do
  command -v "$tool" >/dev/null || { echo "fetch-hugo: '$tool' not found; this script needs a Debian-based system" >&2; exit 1; }
done

# The Debian archive URI and keyring the system already uses. APT reads one-line `.list` files
# (sources.list and sources.list.d/*.list) and deb822 `.sources` files; every other name is ignored by
# APT, so it is ignored here too. We want the main archive (a suite such as bookworm, trixie, stable),
# not debian-security, backports mirrors of other vendors, or third-party repositories.
find_debian_source() {
  local files=()
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  local f
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] && files+=("$f")
  done
  local file
  for file in "${files[@]}"; do
    if [[ "$file" == *.sources ]]; then
      # deb822: stanzas separated by blank lines; fields "Key: value". Print "URI<TAB>keyring" for a
      # stanza of Types deb whose URI is a Debian archive (path ends in /debian) and is enabled.
      awk -v OFS='\t' '
        function flush() {
          if (types ~ /(^| )deb( |$)/ && enabled != "no") {
            n = split(uris, u, " ")
            for (i = 1; i <= n; i++) if (u[i] ~ /\/debian\/?$/) print u[i], signed
          }
          types = ""; uris = ""; signed = ""; enabled = ""
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        {
          key = tolower($1); sub(/:$/, "", key)
          val = $0; sub(/^[^:]*:[ \t]*/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "signed-by") signed = val
          else if (key == "enabled") enabled = tolower(val)
        }
        END { flush() }
      ' "$file"
    else
      # One-line format: deb [opt=val ...] URI suite component...
      awk -v OFS='\t' '
        /^[ \t]*#/ || NF < 3 || $1 != "deb" { next }
        {
          signed = ""; i = 2
          if ($2 ~ /^\[/) {
            while (i <= NF) {
              if ($i ~ /^\[?signed-by=/) { s = $i; sub(/^\[?signed-by=/, "", s); sub(/\]$/, "", s); signed = s }
              if ($i ~ /\]$/) { i++; break }
              i++
            }
          }
          if ($i ~ /\/debian\/?$/) print $i, signed
        }
      ' "$file"
    fi
  done | head -n 1
}

source_line="$(find_debian_source)"
if [[ -z "$source_line" ]]; then
  echo "fetch-hugo: no Debian archive (a URI ending in /debian) found in /etc/apt/sources.list or /etc/apt/sources.list.d/" >&2
  exit 1
fi
uri="${source_line%%$'\t'*}"
keyring="${source_line#*$'\t'}"
[[ -n "$keyring" ]] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg

mkdir -p "$cache/lists/partial" "$cache/archives/partial" "$cache/debs"
list="$cache/sources.list"
echo "deb [signed-by=$keyring] $uri sid main" > "$list"
echo "fetch-hugo: using '$(cat "$list")' (private list: $list)"

# Every APT location that could touch the system's state is redirected into the cache.
apt_opts=(
  -o "Dir::Etc::SourceList=$list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$cache/lists"
  -o "Dir::Cache=$cache"
  -o "Dir::Cache::Archives=$cache/archives"
  -o "Dir::Cache::pkgcache="
  -o "Dir::Cache::srcpkgcache="
  -o "APT::Get::List-Cleanup=0"
)
# As root, APT drops to the _apt user for downloads, who cannot write into the project's cache; the
# download is then done unsandboxed anyway, with a warning. Say so up front instead.
if [[ $EUID -eq 0 ]]; then apt_opts+=(-o "APT::Sandbox::User=root"); fi

apt-get "${apt_opts[@]}" -q update
# apt-get download writes into the current directory.
(cd "$cache/debs" && rm -f hugo_*.deb && apt-get "${apt_opts[@]}" -q download hugo)
deb="$(ls -1 "$cache"/debs/hugo_*.deb | head -n 1)"

rm -rf "$cache/root"
mkdir -p "$cache/root"
dpkg -x "$deb" "$cache/root"

if ! version="$("$bin" version)"; then
  echo "fetch-hugo: unpacked $deb but $bin does not run" >&2
  exit 1
fi
echo "hugo (sid): $bin"
echo "$version"
