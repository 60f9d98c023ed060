//! `ballot chaos` as CI runs it: three short fault schedules against real member processes
//! behind the runner's fault-injecting proxies, each of which must pass its history check.
//! The holes the runner found have focused tests of their own (`recovery.rs`).

use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn three_short_fault_schedules_lose_and_duplicate_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();

    let output = Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args([
            "chaos",
            "--schedules",
            "3",
            "--seed",
            "1",
            "--duration-secs",
            "8",
        ])
        .arg("--data-dir")
        .arg(dir.path())
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("ballot chaos runs");

    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("seed ")).collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    for line in lines {
        assert!(line.contains(": ok |"), "{line}");
        assert!(
            line.contains("| lost 0 |") && line.contains("| duplicated 0 |"),
            "{line}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}
