//! What the benches need from the operating system: more file descriptors for
//! `bench-viewers`, a node's process and its resident memory (Linux `/proc`), now and at its
//! peak, to tell memory per viewer and while a snapshot is sent or installed.

use anyhow::{bail, Context};

/// Raises this process's soft open-file limit to its hard limit (each viewer is a socket)
/// and says what it did; returns the limit in force.
pub fn raise_open_file_limit() -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read or write the struct we pass.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        eprintln!("could not read the open-file limit; keeping it");
        return 0;
    }
    let before = limit.rlim_cur;
    if limit.rlim_cur < limit.rlim_max {
        limit.rlim_cur = limit.rlim_max;
        // SAFETY: as above.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) } == 0 {
            eprintln!("open-file limit raised from {before} to {}", limit.rlim_max);
            return limit.rlim_max;
        }
        eprintln!("could not raise the open-file limit from {before}");
        return before;
    }
    eprintln!("open-file limit: {before} (already the hard limit)");
    before
}

/// The process listening on TCP `port` on this machine: the listening socket's inode from
/// `/proc/net/tcp{,6}`, then the process holding a descriptor to it.
pub fn pid_listening_on(port: u16) -> anyhow::Result<u32> {
    let mut inodes = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        inodes.extend(
            text.lines()
                .skip(1)
                .filter_map(|line| listening_inode(line, port)),
        );
    }
    if inodes.is_empty() {
        bail!("nothing listens on port {port} here; give --server-pid");
    }
    let wanted: Vec<String> = inodes.iter().map(|i| format!("socket:[{i}]")).collect();
    for process in std::fs::read_dir("/proc")
        .context("reading /proc")?
        .flatten()
    {
        let Some(pid) = process
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // Other users' processes cannot be read: skipped.
        let Ok(descriptors) = std::fs::read_dir(process.path().join("fd")) else {
            continue;
        };
        for descriptor in descriptors.flatten() {
            let Ok(target) = std::fs::read_link(descriptor.path()) else {
                continue;
            };
            if wanted.iter().any(|w| target.as_os_str() == w.as_str()) {
                return Ok(pid);
            }
        }
    }
    bail!("the process listening on port {port} is not readable; give --server-pid")
}

/// The socket inode of a `/proc/net/tcp` line if it is a listener on `port`.
fn listening_inode(line: &str, port: u16) -> Option<u64> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    let local = fields.get(1)?;
    let state = fields.get(3)?;
    let local_port = u16::from_str_radix(local.rsplit(':').next()?, 16).ok()?;
    // 0A is TCP_LISTEN.
    if local_port != port || *state != "0A" {
        return None;
    }
    fields.get(9)?.parse().ok()
}

/// The resident memory of `pid`, in bytes (`VmRSS` of `/proc/PID/status`).
pub fn resident_bytes(pid: u32) -> anyhow::Result<u64> {
    status_bytes(pid, "VmRSS")
}

/// The most resident memory `pid` has had, in bytes (`VmHWM`): since it started, or since
/// [`reset_peak_resident`].
pub fn peak_resident_bytes(pid: u32) -> anyhow::Result<u64> {
    status_bytes(pid, "VmHWM")
}

/// Starts `pid`'s peak resident memory over from its current one (writing 5 to
/// `/proc/PID/clear_refs`, Linux 4.0 and later; our own children only).
pub fn reset_peak_resident(pid: u32) -> anyhow::Result<()> {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5")
        .with_context(|| format!("resetting the peak memory of {pid}"))
}

/// A `kB` field of `/proc/PID/status`, in bytes.
fn status_bytes(pid: u32, field: &str) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("reading /proc/{pid}/status"))?;
    let line = status
        .lines()
        .find(|line| line.strip_prefix(field).is_some_and(|l| l.starts_with(':')))
        .with_context(|| format!("no {field} line"))?;
    let kilobytes: u64 = line
        .split_whitespace()
        .nth(1)
        .with_context(|| format!("an empty {field} line"))?
        .parse()
        .with_context(|| format!("{field} is not a number"))?;
    Ok(kilobytes * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listening_line_gives_its_inode_and_others_nothing() {
        let listening = "   0: 0100007F:206C 00000000:0000 0A 00000000:00000000 00:00000000 \
                         00000000  1000        0 123456 1 0000000000000000 100 0 0 10 0";
        assert_eq!(listening_inode(listening, 0x206C), Some(123456));
        assert_eq!(listening_inode(listening, 8000), None);
        let established = listening.replace(" 0A ", " 01 ");
        assert_eq!(listening_inode(&established, 0x206C), None);
    }

    #[test]
    fn this_process_has_a_resident_size_and_its_listener_is_found() {
        let me = std::process::id();
        let resident = resident_bytes(me).unwrap();
        assert!(resident > 0);
        // The peak so far includes the resident size read a moment ago.
        assert!(peak_resident_bytes(me).unwrap() >= resident);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        assert_eq!(pid_listening_on(port).unwrap(), std::process::id());
    }
}
