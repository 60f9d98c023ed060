//! `cargo xtask run` keeps `ballot cluster` as a child: SIGINT or SIGTERM to xtask stops the
//! cluster cleanly, and xtask's death (even by SIGKILL) takes the cluster with it.
//!
//! libc's `sigwait` rather than a signal-handling crate: xtask is single-threaded here, so
//! blocking the signals and waiting for the first of SIGINT, SIGTERM or SIGCHLD is the whole of
//! it, with no handler and no extra thread.

use std::process::{Command, ExitStatus};

use anyhow::{Context, Result};

/// Runs `command` until it exits; on SIGINT or SIGTERM, sends it SIGTERM (the launcher's
/// "stop everything") and waits for it.
pub fn run_until_stopped(command: &mut Command) -> Result<ExitStatus> {
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: sigset_t is plain data initialised by sigemptyset/sigaddset; the masks are only
    // changed on this thread, the only one xtask runs (setup starts no threads).
    let (waited, previous) = unsafe {
        let mut waited: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut waited);
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGCHLD] {
            libc::sigaddset(&mut waited, signal);
        }
        // Blocked signals queue for sigwait instead of killing xtask. SIGCHLD must be blocked
        // before the child exists, or an early exit would be lost (its default is to ignore).
        let mut previous: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &waited, &mut previous);
        (waited, previous)
    };
    // SAFETY: between fork and exec the closure only makes async-signal-safe calls
    // (sigprocmask, prctl, getppid) and builds io::Errors that do not allocate.
    unsafe {
        use std::os::unix::process::CommandExt;
        command.pre_exec(move || {
            // The mask survives exec: give the launcher back the signals it must receive.
            libc::sigprocmask(libc::SIG_SETMASK, &previous, std::ptr::null_mut());
            // SIGTERM: the launcher then stops its members cleanly (they also die with it).
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // Had xtask died before prctl, no signal would ever come.
            if libc::getppid() != parent {
                return Err(std::io::Error::from_raw_os_error(libc::ESRCH));
            }
            Ok(())
        });
    }
    let shown = format!("{command:?}");
    let mut child = command
        .spawn()
        .with_context(|| format!("starting {shown}"))?;
    loop {
        let mut signal = 0;
        // SAFETY: `waited` is an initialised set, `signal` a valid out-pointer.
        unsafe { libc::sigwait(&waited, &mut signal) };
        if signal == libc::SIGCHLD {
            if let Some(status) = child.try_wait()? {
                return Ok(status);
            }
            continue;
        }
        println!("xtask: stopping the cluster…");
        // SAFETY: kill(2) on the pid of our own child, not yet reaped.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
        return child.wait().with_context(|| format!("waiting for {shown}"));
    }
}
