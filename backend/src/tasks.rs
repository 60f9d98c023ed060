//! The node's background tasks, owned: every task is spawned through [`Tasks`], which can stop
//! them all and wait until each has ended. Stopping a node therefore never leaves a queue
//! worker, a timer or a WebSocket session running against a database that is being closed.
//!
//! A leaf: it imports nothing from the crate.

use std::future::Future;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Spawns, stops and joins the node's tasks; cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Tasks {
    tracker: TaskTracker,
    stop: CancellationToken,
}

impl Tasks {
    pub fn new() -> Tasks {
        Tasks::default()
    }

    /// Spawns a task that [`Tasks::stop_and_join`] waits for. The task must end soon after
    /// [`Tasks::stopping`] resolves.
    pub fn spawn<F>(&self, task: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.tracker.spawn(task);
    }

    /// Counts a future spawned by someone else (axum's WebSocket upgrade) as one of ours.
    pub fn track<F: Future>(&self, task: F) -> tokio_util::task::task_tracker::TrackedFuture<F> {
        self.tracker.track_future(task)
    }

    /// The signal every task selects on: cancelled when the node stops.
    pub fn stop_signal(&self) -> CancellationToken {
        self.stop.clone()
    }

    /// Resolves once the node is stopping.
    pub async fn stopping(&self) {
        self.stop.cancelled().await
    }

    /// How many tasks are still running.
    pub fn running(&self) -> usize {
        self.tracker.len()
    }

    /// Tells every task to stop, then waits until all of them have ended.
    pub async fn stop_and_join(&self) {
        self.stop.cancel();
        self.tracker.close();
        self.tracker.wait().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stopping_ends_and_joins_every_task() {
        let tasks = Tasks::new();
        for _ in 0..3 {
            let stop = tasks.stop_signal();
            tasks.spawn(async move { stop.cancelled().await });
        }
        assert_eq!(tasks.running(), 3);
        tasks.stop_and_join().await;
        assert_eq!(tasks.running(), 0);
    }
}
