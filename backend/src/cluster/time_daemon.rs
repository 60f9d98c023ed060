//! The Berkeley time daemon: on the leader, every interval, poll each member's clock, average
//! the agreeing offsets and send each member its adjustment (see [`crate::clock::berkeley`]).

use std::time::Duration;

use futures_util::future::join_all;
use tokio_util::sync::CancellationToken;

use super::dto::{ClockAdjustment, ClockReading};
use super::Cluster;
use crate::clock::berkeley::{adjustments, estimate_offset, Reading, OUTLIER_BOUND_MS};

pub async fn run(cluster: Cluster, interval: Duration, stop: CancellationToken) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = stop.cancelled() => return,
        }
        if cluster.is_leader() {
            tokio::select! {
                _ = round(&cluster) => {}
                _ = stop.cancelled() => return,
            }
        }
    }
}

/// One synchronisation round. Unreachable members are skipped until the next round.
async fn round(cluster: &Cluster) {
    let others: Vec<(u64, String)> = cluster
        .members()
        .into_iter()
        .filter(|(id, _, _)| *id != cluster.node_id)
        .map(|(id, addr, _)| (id, addr))
        .collect();
    let polls = join_all(others.iter().map(|(id, addr)| async move {
        let sent = cluster.clock.now_ms();
        let request = cluster
            .internal(reqwest::Method::GET, addr, "clock")
            .timeout(Duration::from_secs(1));
        let reading: ClockReading = request.send().await.ok()?.json().await.ok()?;
        let received = cluster.clock.now_ms();
        Some(Reading {
            node_id: *id,
            offset_ms: estimate_offset(sent, reading.now_ms, received),
        })
    }))
    .await;
    let mut readings = vec![Reading {
        node_id: cluster.node_id,
        offset_ms: 0,
    }];
    readings.extend(polls.into_iter().flatten());
    let plan = adjustments(&readings, OUTLIER_BOUND_MS);
    let others = &others;
    join_all(plan.into_iter().map(|(id, adjust_ms)| async move {
        if id == cluster.node_id {
            cluster.clock.adjust(adjust_ms);
            return;
        }
        let Some((_, addr)) = others.iter().find(|(other, _)| *other == id) else {
            return;
        };
        let request = cluster
            .internal(reqwest::Method::POST, addr, "clock")
            .json(&ClockAdjustment { adjust_ms });
        if let Err(error) = request.send().await {
            tracing::debug!(node = id, %error, "could not send a clock adjustment");
        }
    }))
    .await;
}
