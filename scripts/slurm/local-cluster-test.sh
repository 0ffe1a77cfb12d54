#!/usr/bin/env bash
# Proves the Slurm path end to end on this machine: installs slurm-wlm and munge from Debian's packages, configures a
# one-node cluster (this host, no cgroups), publishes the CLI once, plans a small sweep, submits it as an array job of
# 4 shards with sbatch, waits (with a time-out that fails clearly), merges and checks the result. The daemons and
# temporary folders are removed on exit, whatever happens. Needs root (apt-get, daemons). Prints "local slurm test: OK"
# and exits 0 on success.
#
# Environment: SLURM_TEST_TIMEOUT (seconds to wait for the job, default 900), SLURM_TEST_KEEP=1 keeps the work folder.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
timeout_s="${SLURM_TEST_TIMEOUT:-900}"
started=$(date +%s)
say() { echo "[$(($(date +%s) - started))s] $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "local-cluster-test: must run as root (installs packages and starts slurmctld, slurmd and munged)" >&2
  exit 2
fi

work="$(mktemp -d /tmp/mobility-slurm.XXXXXX)"
chmod 755 "$work"
conf="$work/etc"
state="$work/state"
pids=()
cleanup() {
  status=$?
  say "cleaning up"
  if [ -n "${job:-}" ]; then scancel "$job" >/dev/null 2>&1 || true; fi
  for pid in "${pids[@]}"; do kill "$pid" >/dev/null 2>&1 || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" >/dev/null 2>&1 || true
  done
  if [ "${SLURM_TEST_KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "kept $work"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "installing slurm-wlm and munge (Debian packages)"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
dpkg-query -W -f "slurm-wlm \${Version}, munge " slurm-wlm && dpkg-query -W -f "\${Version}\n" munge

say "publishing the mobility CLI once"
dotnet publish "$repo/src/Mobility.Cli" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
mobility="$work/bin/mobility"
test -x "$mobility"

say "starting munged with a fresh key"
mkdir -p "$work/munge/etc" "$work/munge/run" "$work/munge/log" "$work/munge/lib"
dd if=/dev/urandom of="$work/munge/etc/munge.key" bs=1024 count=1 status=none
chmod 700 "$work/munge"/*; chmod 400 "$work/munge/etc/munge.key"
socket="$work/munge/run/munge.socket.2"
munged --force --key-file="$work/munge/etc/munge.key" --socket="$socket" \
  --pid-file="$work/munge/run/munged.pid" --log-file="$work/munge/log/munged.log" --seed-file="$work/munge/lib/munged.seed"
pids+=("$(cat "$work/munge/run/munged.pid")")

say "configuring a one-node cluster on $(hostname -s)"
host="$(hostname -s)"
cpus="$(nproc)"
mem="$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo)"
mkdir -p "$conf" "$state/ctld" "$state/d" "$state/log"
cat > "$conf/slurm.conf" <<CONF
ClusterName=mobilitytest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmctldPort=26817
SlurmdPort=26818
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
# No cgroup.conf: with proctrack/linuxproc and task/none, Slurm 22.05 needs no cgroup plugin.
export SLURM_CONF="$conf/slurm.conf"

say "starting slurmctld and slurmd"
slurmctld -i
slurmd
for _ in $(seq 1 100); do
  [ -f "$state/slurmctld.pid" ] && [ -f "$state/slurmd.pid" ] && break
  sleep 0.1
done
pids+=("$(cat "$state/slurmd.pid")" "$(cat "$state/slurmctld.pid")")
for _ in $(seq 1 60); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^idle' && break
  sleep 1
done
sinfo
sinfo -h -o '%T' | grep -qE '^idle' || { echo "the node did not become idle" >&2; tail -20 "$state/log/slurmd.log" "$state/log/slurmctld.log" >&2; exit 1; }

say "planning a small sweep (coarse scale)"
sweep="$work/sweep"
cat > "$work/design.json" <<DESIGN
{
  "scenario": "$repo/scenarios/ucahes-full.json",
  "method": "sobol",
  "samples": 4,
  "seed": 11,
  "scale": 400,
  "metrics": [ "regional_image", "soft_power_score" ],
  "years": [ 2030 ],
  "countries": [ "KAZ", "UZB" ],
  "sets": [ "scenario:endYear=2030", "scenario:spinUpYears=2" ],
  "parameters": [
    { "path": "degreeMobility:a0", "range": [ -4.0, -3.0 ] },
    { "path": "policies:regionalMobilityGrants:ucahes-grants:grantsPerYear", "name": "grants", "range": [ 500, 6000 ], "integer": true },
    { "path": "image:lambda", "range": [ 0.05, 0.3 ] }
  ]
}
DESIGN
"$mobility" sweep plan "$work/design.json" --out "$sweep"
planned=20

say "submitting an array job of 4 shards"
cd "$work"
job="$(SWEEP="$sweep" MOBILITY="$mobility" sbatch --parsable --array=0-3 --cpus-per-task=1 --mem=1G \
  --output="$work/slurm-%A_%a.out" --export=ALL "$repo/scripts/slurm/sweep.sbatch")"
echo "submitted job $job"

say "waiting for job $job (time-out ${timeout_s}s)"
deadline=$(($(date +%s) + timeout_s))
while squeue -h -j "$job" 2>/dev/null | grep -q .; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "local-cluster-test: FAILED: job $job did not finish within ${timeout_s}s" >&2
    squeue -j "$job" >&2 || true
    tail -n 20 "$work"/slurm-*.out >&2 || true
    exit 1
  fi
  sleep 2
done
for out in "$work"/slurm-"$job"_*.out; do
  echo "--- $(basename "$out")"
  cat "$out"
done
states="$(scontrol show job "$job" 2>/dev/null | grep -o 'JobState=[A-Z]*' | sort | uniq -c || true)"
echo "job states: ${states:-unknown (already purged)}"

say "merging and checking"
"$mobility" merge "$sweep"
for i in 0 1 2 3; do test -f "$sweep/shards/part-$i.parquet" || { echo "shard $i wrote no part file" >&2; exit 1; }; done
"$mobility" sensitivity "$sweep" --metric regional_image --country KAZ --bootstrap 200
rows="$(wc -l < "$sweep/sensitivity.csv")"
[ "$rows" -eq 4 ] || { echo "sensitivity.csv has $rows lines, expected 4" >&2; exit 1; }
say "local slurm test: OK ($planned runs in 4 shards, merged)"
