//! A real SMTP server for the mail tests: `smtp_sink.py` (aiosmtpd) in a process of its own,
//! on a free port, writing each message it accepts as a JSON line the tests read back.
//!
//! A separate process and a real SMTP conversation, rather than a mock transport, so that the
//! node's SMTP client, its envelope and the MIME it writes are what is tested.

// Each test binary that includes the support modules uses a different part of this one.
#![allow(dead_code)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// Python starts in well under a second; this allows for a machine busy compiling.
const START_DEADLINE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

/// What the sink refuses, as Python regular expressions matched against the RCPT TO address.
#[derive(Debug, Clone, Default)]
pub struct SinkOptions {
    /// Refused for good: `550 5.1.1 mailbox unavailable`.
    pub reject: Option<String>,
    /// Refused once per address with `451 4.3.0 try again later`, accepted after that.
    pub defer_once: Option<String>,
}

/// One message the sink accepted.
#[derive(Debug, Clone, Deserialize)]
pub struct ReceivedMail {
    /// The envelope sender (SMTP `MAIL FROM`), without angle brackets.
    pub mail_from: String,
    /// The envelope recipients that were accepted.
    pub rcpt_tos: Vec<String>,
    pub message_id: String,
    pub subject: String,
    /// The `To` header as decoded text (`Name <address>`).
    pub to: String,
    /// The decoded `text/plain` part, `\n` line ends.
    pub text: String,
    /// The decoded `text/html` part.
    pub html: String,
    /// Every header, in order, decoded.
    pub headers: Vec<(String, String)>,
}

impl ReceivedMail {
    /// The credential of the personal link (`#credential=` in the text, up to whitespace).
    pub fn credential(&self) -> Option<String> {
        let start = self.text.find("#credential=")?;
        let fragment: String = self.text[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        // A link written inside `<…>` or at the end of a sentence keeps its punctuation out.
        let fragment = fragment.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        shared::mail::credential_from_fragment(fragment)
    }

    /// The first `http://` or `https://` link in the text, up to whitespace.
    pub fn link(&self) -> Option<String> {
        let start = ["http://", "https://"]
            .iter()
            .filter_map(|scheme| self.text.find(scheme))
            .min()?;
        let link: String = self.text[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        Some(link.trim_end_matches(['>', ')', '.', ',']).to_string())
    }

    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut headers = self.headers.iter();
        let found = headers.find(|(n, _)| n.eq_ignore_ascii_case(name));
        found.map(|(_, value)| value.as_str())
    }

    /// The single envelope recipient, which is what the node sends: one voter per message.
    pub fn recipient(&self) -> &str {
        assert_eq!(self.rcpt_tos.len(), 1, "one recipient per mail: {self:?}");
        &self.rcpt_tos[0]
    }
}

pub struct SmtpSink {
    child: Child,
    port: u16,
    /// Holds `mails.jsonl` and `sink.log` (the script's stderr); removed on drop.
    dir: tempfile::TempDir,
}

impl SmtpSink {
    /// Starts the sink and waits for the port it bound.
    pub fn start(options: SinkOptions) -> SmtpSink {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/support/smtp_sink.py");
        let log = std::fs::File::create(dir.path().join("sink.log")).unwrap();
        let mut command = Command::new(python());
        command
            .arg(script)
            .args(["--port", "0", "--out"])
            .arg(dir.path().join("mails.jsonl"))
            // A pipe we never write to: the sink exits when it closes, even if this process
            // dies without running `Drop`.
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log);
        if let Some(reject) = &options.reject {
            command.args(["--reject", reject]);
        }
        if let Some(defer) = &options.defer_once {
            command.args(["--defer-once", defer]);
        }
        let mut child = command.spawn().expect("python3 starts the SMTP sink");
        let stdout = child.stdout.take().unwrap();
        let (sender, ports) = mpsc::channel();
        // A thread, so that the wait for the first line has a deadline; it then drains stdout.
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let port = lines.next().and_then(Result::ok).and_then(|line| {
                let port = line.strip_prefix("PORT ")?;
                port.trim().parse::<u16>().ok()
            });
            let _ = sender.send(port);
            lines.map_while(Result::ok).for_each(drop);
        });
        let mut sink = SmtpSink {
            child,
            port: 0,
            dir,
        };
        match ports.recv_timeout(START_DEADLINE) {
            Ok(Some(port)) => sink.port = port,
            _ => panic!(
                "the SMTP sink did not start (is python3-aiosmtpd installed?)\n{}",
                sink.log()
            ),
        }
        sink
    }

    /// What the node's `--smtp-url` should be.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message accepted so far, in the order accepted.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        let text = std::fs::read_to_string(self.dir.path().join("mails.jsonl")).unwrap_or_default();
        // The last line may be half written: only whole lines count.
        let whole = &text[..text.rfind('\n').map_or(0, |end| end + 1)];
        whole
            .lines()
            .map(|line| serde_json::from_str(line).expect("the sink writes JSON lines"))
            .collect()
    }

    /// Waits until at least `count` messages were accepted and returns them all.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let what = format!("{count} mails");
        self.wait_until(timeout, &what, |mails| mails.len() >= count)
            .await
    }

    /// Waits until the messages so far satisfy `done` and returns them; fails the test with
    /// what did arrive (and the sink's own log) when `timeout` passes first.
    pub async fn wait_until(
        &self,
        timeout: Duration,
        what: &str,
        mut done: impl FnMut(&[ReceivedMail]) -> bool,
    ) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + timeout;
        loop {
            let mails = self.messages();
            if done(&mails) {
                return mails;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for {what}: {} mails arrived\n{}",
                mails.len(),
                self.log()
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// The sink's stderr: aiosmtpd's warnings and any message it could not parse.
    pub fn log(&self) -> String {
        let log = std::fs::read_to_string(self.dir.path().join("sink.log")).unwrap_or_default();
        format!("--- SMTP sink log:\n{log}")
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Debian's interpreter, which python3-aiosmtpd is installed for, when there is one: a
/// `python3` earlier on the PATH (pyenv, a venv) would not see Debian's packages.
pub fn python() -> &'static str {
    if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

/// Every regular file under `dir`, recursively (a node's database with its `-wal` and `-shm`).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(path),
                Ok(kind) if kind.is_file() => files.push(path),
                _ => {}
            }
        }
    }
    files
}

/// The credentials (as given, `XXXXX-XXXXX-…`) found in any of `files`, with or without their
/// dashes and in any case, each with the first file it is in. Reads the raw bytes, so text in
/// a database page or a write-ahead log counts as much as a line in a log file.
pub fn credentials_in(files: &[PathBuf], credentials: &[String]) -> Vec<(String, PathBuf)> {
    let wanted: HashSet<Vec<u8>> = credentials
        .iter()
        .flat_map(|c| {
            let upper = c.to_ascii_uppercase();
            [upper.clone(), upper.replace('-', "")]
        })
        .map(String::into_bytes)
        .collect();
    let lengths: HashSet<usize> = wanted.iter().map(Vec::len).collect();
    let shortest = lengths.iter().copied().min().unwrap_or(usize::MAX);
    let mut found = Vec::new();
    let mut reported = HashSet::new();
    for path in files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let bytes = bytes.to_ascii_uppercase();
        // Only runs of the characters a credential is written with can hold one, and most
        // bytes of a database are not in such a run long enough.
        let runs = bytes.split(|b| !(b.is_ascii_alphanumeric() || *b == b'-'));
        for run in runs.filter(|run| run.len() >= shortest) {
            for start in 0..run.len() {
                for length in &lengths {
                    let Some(window) = run.get(start..start + length) else {
                        continue;
                    };
                    if wanted.contains(window) && reported.insert(window.to_vec()) {
                        let text = String::from_utf8_lossy(window).into_owned();
                        found.push((text, path.clone()));
                    }
                }
            }
        }
    }
    found
}
