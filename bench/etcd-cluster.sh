#!/bin/bash
# Three etcd members on loopback; prints their pids.
rm -rf /tmp/etcd-bench; mkdir -p /tmp/etcd-bench
CLUSTER=e1=http://127.0.0.1:12380,e2=http://127.0.0.1:12480,e3=http://127.0.0.1:12580
for i in 1 2 3; do
  c=$((12379 + (i-1)*100)); p=$((12380 + (i-1)*100))
  ETCD_UNSUPPORTED_ARCH= etcd --name e$i --data-dir /tmp/etcd-bench/e$i \
    --listen-client-urls http://127.0.0.1:$c --advertise-client-urls http://127.0.0.1:$c \
    --listen-peer-urls http://127.0.0.1:$p --initial-advertise-peer-urls http://127.0.0.1:$p \
    --initial-cluster $CLUSTER --initial-cluster-state new > /tmp/etcd-bench/e$i.log 2>&1 &
  echo $!
done
