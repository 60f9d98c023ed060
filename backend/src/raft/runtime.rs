//! Raft's own runtime: the core, its heartbeats and replication, and the followers' handling of
//! appends run on a thread that serving never occupies.
//!
//! On the API's runtime, a leader whose two cores are saturated by requests queued its
//! heartbeats behind them: a heartbeat that missed its 100 ms budget a few times in a row cost
//! a leader change (three in ten minutes of full load, before this). Here the Raft tasks have
//! a worker of their own, which the kernel schedules beside the API's workers instead of after
//! whatever they have queued, and which asks for a higher priority (a lower nice value; that
//! needs `CAP_SYS_NICE` or root, and without it the thread keeps the default and says so once).
//!
//! `ballot node` and `ballot tally` install it at start-up ([`install`]). In-process test
//! servers do not: their Raft runs on the test's runtime, and stops with it.

use std::sync::OnceLock;

use tokio::runtime::{Handle, Runtime};

/// The nice value asked for the Raft thread (the API's threads keep 0).
const NICE: i32 = -10;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// Starts the Raft runtime for this process (idempotent). Never dropped: it lives as long as
/// the process, as the Raft it runs does.
pub fn install() -> std::io::Result<()> {
    if RUNTIME.get().is_some() {
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("raft")
        .enable_all()
        .on_thread_start(raise_priority)
        .build()?;
    // A concurrent install won: its runtime serves, this one is dropped outside any runtime.
    let _ = RUNTIME.set(runtime);
    Ok(())
}

/// The Raft runtime, if this process installed one.
pub fn handle() -> Option<Handle> {
    RUNTIME.get().map(|runtime| runtime.handle().clone())
}

/// Runs `task` on the Raft runtime if there is one, else on the caller's.
pub async fn on_raft<F>(task: F) -> Result<F::Output, tokio::task::JoinError>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    match handle() {
        Some(raft) => raft.spawn(task).await,
        None => tokio::spawn(task).await,
    }
}

fn raise_priority() {
    // SAFETY: `gettid` and `setpriority` only read their integer arguments; on Linux
    // PRIO_PROCESS with a thread id sets that thread's nice value.
    let outcome = unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, NICE)
    };
    if outcome != 0 {
        static SAID: OnceLock<()> = OnceLock::new();
        SAID.get_or_init(|| {
            tracing::info!(
                error = %std::io::Error::last_os_error(),
                "the Raft thread keeps the default priority (needs CAP_SYS_NICE)"
            );
        });
    }
}
