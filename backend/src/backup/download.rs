//! `ballot backup --url URL --out FILE`: downloads a member's copy, checks it and only then
//! puts it at FILE.
//!
//! The body goes to a temporary file beside FILE while it is hashed; the file is kept only if
//! the hash is the one the member sent and [`super::verify::verify`] accepts it, and it takes
//! FILE's name by a rename, so FILE is either the old file or a complete, checked backup.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::{APPLIED_INDEX_HEADER, SHA256_HEADER};
use crate::config::BackupArgs;

pub async fn run(args: BackupArgs) -> anyhow::Result<()> {
    let Some(token) = args.token.admin_token.as_deref() else {
        bail!("give the admin token: --admin-token-file FILE or BALLOT_ADMIN_TOKEN");
    };
    let url = format!("{}/api/admin/backup", args.url.trim_end_matches('/'));
    let builder = reqwest::Client::builder().connect_timeout(Duration::from_secs(10));
    let client = crate::tls::cli_client(builder, args.tls_ca.as_deref())?.build()?;
    let mut response = client
        .get(&url)
        .bearer_auth(token)
        .send()
        .await
        .with_context(|| format!("asking {url} for a backup"))?;
    let status = response.status();
    if !status.is_success() {
        let body = response.text().await.unwrap_or_default();
        bail!("{url} answered {status}: {body}");
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let Some(expected) = header(SHA256_HEADER) else {
        bail!("{url} sent no {SHA256_HEADER} header");
    };
    let applied = header(APPLIED_INDEX_HEADER);
    let partial = partial_path(&args.out);
    let written = download(&mut response, &partial).await;
    let checked = match written {
        Ok((len, sha256)) if sha256 == expected => check(&partial, applied.as_deref())
            .await
            .map(|summary| (len, summary)),
        Ok((_, sha256)) => Err(anyhow::anyhow!(
            "the download's SHA-256 is {sha256}, the member sent {expected}"
        )),
        Err(error) => Err(error),
    };
    let (len, summary) = match checked {
        Ok(checked) => checked,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error.context("the backup was not kept"));
        }
    };
    std::fs::rename(&partial, &args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    let dir = match args.out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::File::open(dir).and_then(|dir| dir.sync_all())?;
    print!(
        "wrote {} ({len} bytes, sha256 {expected})\nverified: SHA-256, integrity_check ok, \
         the event log replays, the public logs match the signed checkpoints\n{summary}",
        args.out.display()
    );
    Ok(())
}

/// `.FILE.partial-PID`, beside FILE: the rename into place stays on one file system.
fn partial_path(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    out.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// Writes the body to `path`, on disk when this returns; its length and SHA-256.
async fn download(response: &mut reqwest::Response, path: &Path) -> anyhow::Result<(u64, String)> {
    // Mode 0600: a backup is the private store that links voters to their choices.
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .await
        .with_context(|| format!("creating {}", path.display()))?;
    let mut digest = Sha256::new();
    let mut len = 0u64;
    while let Some(chunk) = response.chunk().await.context("reading the backup")? {
        digest.update(&chunk);
        len += chunk.len() as u64;
        file.write_all(&chunk).await?;
    }
    file.sync_all().await?;
    Ok((len, hex::encode(digest.finalize())))
}

/// The checks of [`super::verify::verify`], and the applied index the member announced.
async fn check(path: &Path, applied: Option<&str>) -> anyhow::Result<super::verify::Summary> {
    let summary = super::verify::verify(path).await?;
    let announced = applied.and_then(|a| a.parse::<u64>().ok());
    if announced != summary.applied_index {
        bail!(
            "the member announced applied index {applied:?}, the file holds {:?}",
            summary.applied_index
        );
    }
    Ok(summary)
}
