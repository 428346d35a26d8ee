#!/usr/bin/env bash
# Starts a throwaway Ceph RADOS Gateway on 127.0.0.1: one mon, one OSD (bluestore on a sparse file), one radosgw,
# cephx off between the daemons. Usage: tests/ceph/start-rgw.sh DIR
# Prints one line for GALLERY_TEST_S3: "ServiceUrl=http://127.0.0.1:PORT;AccessKeyId=...;SecretAccessKey=..."
# Stop it with tests/ceph/stop-rgw.sh DIR. Needs root (the daemons run as the ceph user) and Debian's ceph-mon,
# ceph-osd and radosgw packages. About 15 s and 120 MiB from nothing.
set -euo pipefail

DIR="${1:?usage: start-rgw.sh DIR}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
CONF="$DIR/ceph.conf"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_for() { # seconds, description, command...
  local deadline=$((SECONDS + $1)) what="$2"; shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then echo "start-rgw.sh: timed out waiting for $what (logs in $DIR/log)" >&2; return 1; fi
    sleep 0.2
  done
}

MON_PORT="$(free_port)"
RGW_PORT="$(free_port)"
FSID="$(cat /proc/sys/kernel/random/uuid)"
OSD_UUID="$(cat /proc/sys/kernel/random/uuid)"
ACCESS_KEY="GALLERYTEST$(python3 -c 'import secrets; print(secrets.token_hex(5).upper())')"
SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')"
mkdir -p "$DIR"/{run,log,mon/ceph-a,osd/ceph-0,rgw}

# The bluestore block file lives outside the OSD data directory (mkfs refuses a data directory that is not empty).
cat >"$CONF" <<CONF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:$MON_PORT
auth cluster required = none
auth service required = none
auth client required = none
# With cephx off, a secure mon connection makes radosgw hang for minutes.
ms_mon_client_mode = crc
ms_mon_cluster_mode = crc
ms_mon_service_mode = crc
ms_cluster_mode = crc
ms_service_mode = crc
ms_client_mode = crc
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
mon data = $DIR/mon/\$cluster-\$id
osd data = $DIR/osd/\$cluster-\$id
keyring = $DIR/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
mon_max_pg_per_osd = 1000
osd objectstore = bluestore
bluestore block path = $DIR/block.osd
bluestore block create = true
bluestore block size = 10737418240
bluestore block db create = false
bluestore block wal create = false
bluestore cache size = 67108864
osd memory target = 939524096
osd_memory_cache_min = 33554432
mon data avail warn = 1
osd op num shards = 1
osd op num threads per shard = 2
[client.rgw.gw]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw dns name = 127.0.0.1
rgw thread pool size = 64
rgw enable usage log = false
rgw data = $DIR/rgw
CONF

# A keyring is still read at mkfs even with cephx off.
ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
chown -R ceph:ceph "$DIR"
AS_CEPH=(--setuser ceph --setgroup ceph)

monmaptool --create --addv a "[v2:127.0.0.1:$MON_PORT]" --fsid "$FSID" "$DIR/monmap" >/dev/null
ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" "${AS_CEPH[@]}"
ceph-mon -c "$CONF" -i a "${AS_CEPH[@]}" </dev/null >/dev/null 2>&1
wait_for 30 "the monitor" timeout 5 ceph -c "$CONF" mon stat

ceph -c "$CONF" osd new "$OSD_UUID" >/dev/null
ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$OSD_UUID" "${AS_CEPH[@]}" 2>"$DIR/log/osd-mkfs.log" \
  || { cat "$DIR/log/osd-mkfs.log" >&2; exit 1; }
ceph-osd -c "$CONF" -i 0 "${AS_CEPH[@]}" </dev/null >/dev/null 2>&1

# The gateway's pools up front: otherwise radosgw waits on their creation at start-up.
for pool in .rgw.root default.rgw.control default.rgw.meta default.rgw.log \
            default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec; do
  ceph -c "$CONF" osd pool create "$pool" 8 8 >/dev/null 2>&1
  ceph -c "$CONF" osd pool application enable "$pool" rgw >/dev/null 2>&1
done
wait_for 60 "the OSD to come up" bash -c "ceph -c '$CONF' osd stat | grep -q '1 up'"
# No mgr, so no PG statistics: a listing answers once the pool's placement groups are active.
wait_for 60 "placement groups to become active" timeout 5 rados -c "$CONF" -p default.rgw.buckets.data ls

radosgw -c "$CONF" -n client.rgw.gw "${AS_CEPH[@]}" </dev/null >/dev/null 2>&1
radosgw-admin -c "$CONF" user create --uid=gallery --display-name=gallery \
  --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
wait_for 60 "radosgw on port $RGW_PORT" curl -fsS -o /dev/null "http://127.0.0.1:$RGW_PORT/"

echo "ServiceUrl=http://127.0.0.1:$RGW_PORT;AccessKeyId=$ACCESS_KEY;SecretAccessKey=$SECRET_KEY"
