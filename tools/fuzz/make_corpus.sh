#!/usr/bin/env bash
# Regenerates the seed corpora of the fuzz harnesses (tests/fuzz/corpus/<harness>/) from the
# repository's fixtures, golden netstat command lines and recorded timelines. Seeds it derives
# are named fixture-*, golden-* or recorded-* and replaced on each run; hand-written seeds (any
# other name) are kept. Needs build/netsnap (tools/setup.sh builds it) and the capnp tool.
set -euo pipefail
cd "$(dirname "$0")/../.."

netsnap=${NETSNAP:-build/netsnap}
corpus=tests/fuzz/corpus
declare -A seen  # content hash -> 1, per harness
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# seed HARNESS NAME FILE: copies FILE as HARNESS's seed NAME unless an identical seed exists.
seed() {
  local dir=$corpus/$1 hash
  hash=$1:$(sha1sum <"$3" | cut -c1-40)
  [[ -n ${seen[$hash]:-} ]] && return 0
  seen[$hash]=1
  cp "$3" "$dir/$2"
}

# clear_derived HARNESS: removes the derived seeds of HARNESS.
clear_derived() {
  mkdir -p "$corpus/$1"
  find "$corpus/$1" -maxdepth 1 -type f \( -name 'fixture-*' -o -name 'golden-*' \
    -o -name 'recorded-*' \) -delete
}

# The /proc/net files: each harness gets every fixture's copy of the files it parses. With
# --numbered, the harness picks the file by the input's first byte: each seed starts with the
# digit of its file's place in the list (proc_net_inet: 0 tcp ... 7 raw6).
proc_seeds() {
  local harness=$1 numbered=0 i root name
  shift
  [[ $1 == --numbered ]] && { numbered=1; shift; }
  local files=("$@")
  clear_derived "$harness"
  for i in "${!files[@]}"; do
    for root in fixtures/*/proc/net fixtures/*/*/proc/net; do
      [[ -f $root/${files[i]} ]] || continue
      name=${root#fixtures/}
      name=fixture-${name%/proc/net}-${files[i]}
      if ((numbered)); then
        { printf '%d' "$i"; cat "$root/${files[i]}"; } >"$tmp/numbered"
        seed "$harness" "${name//\//-}" "$tmp/numbered"
      else
        seed "$harness" "${name//\//-}" "$root/${files[i]}"
      fi
    done
  done
}

proc_seeds proc_net_inet --numbered tcp tcp6 udp udp6 udplite udplite6 raw raw6
proc_seeds proc_net_unix unix
proc_seeds proc_net_sctp sctp/eps sctp/assocs sctp6/eps sctp6/assocs
proc_seeds proc_net_route route rt_cache ipv6_route
proc_seeds proc_net_dev dev if_inet6
proc_seeds proc_net_igmp igmp igmp6
proc_seeds proc_net_snmp snmp netstat snmp6 sctp/snmp
proc_seeds proc_net_conntrack nf_conntrack ip_conntrack ip_masquerade

# The process scan's texts: fd link targets (a few plain "socket:[N]", every other kind), status
# and cmdline files of the fixtures.
clear_derived process_text
n=0
while IFS= read -r target; do
  printf '%s' "$target" >"$tmp/link"
  seed process_text "fixture-link-$((n++))" "$tmp/link"
done < <(find fixtures -path '*/proc/*/fd/*' -type l -exec readlink {} + | sort -u |
  awk '!/^socket:\[[0-9]+\]$/ || plain++ < 4')
for kind in status cmdline; do
  n=0
  while IFS= read -r file; do
    seed process_text "fixture-$kind-$((n++))" "$file"
  done < <(find fixtures -path "*/proc/[0-9]*/$kind" -type f | sort | head -n 12)
done

# netstat's command lines: the golden tests' argument files, one argument per line.
clear_derived netstat_options
for args in tests/golden/*/*.args; do
  seed netstat_options "golden-$(basename "$args" .args)" "$args"
done

# Timelines, and the payload of their frames as flat Cap'n Proto messages.
clear_derived timeline_reader
clear_derived snapshot_decode
for root in minimal production-001 ugly-procs; do
  "$netsnap" record --root "fixtures/$root" --count 2 --interval 0.01 -o "$tmp/$root.nsnap" \
    >/dev/null 2>&1
  seed timeline_reader "recorded-$root" "$tmp/$root.nsnap"
  "$netsnap" dump "$tmp/$root.nsnap" --frame 0 |
    capnp encode schema/snapshot.capnp Snapshot >"$tmp/$root.message"
  seed snapshot_decode "recorded-$root" "$tmp/$root.message"
done
# A recording cut off in its last frame (read by the recovering scan, not the index).
size=$(stat -c %s "$tmp/minimal.nsnap")
head -c $((size - 100)) "$tmp/minimal.nsnap" >"$tmp/cut.nsnap"
seed timeline_reader recorded-minimal-cut "$tmp/cut.nsnap"
seed timeline_reader recorded-minimal-v1 tests/data/minimal-v1.nsnap

for dir in "$corpus"/*/; do
  printf '%-20s %3d seeds %7d bytes\n' "$(basename "$dir")" "$(find "$dir" -type f | wc -l)" \
    "$(cat "$dir"/* | wc -c)"
done
