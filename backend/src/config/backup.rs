//! `ballot backup` and `ballot restore`.

use std::path::PathBuf;

use clap::Args;

use super::{parse_peers, BenchToken, Peers};

/// `ballot backup --url URL --out FILE`: a consistent copy of a running member's database.
/// The admin token is taken as `ballot bench` takes it, with this command's own help.
#[derive(Debug, Clone, Args)]
#[command(mut_arg("admin_token", |arg| arg.help("The admin token, to ask the member for its copy")))]
pub struct BackupArgs {
    /// Base URL of the member to copy (any replica or the tally).
    #[arg(long)]
    pub url: String,
    /// Where to write the backup; replaced only by a complete, verified one.
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub token: BenchToken,
    /// The CA that signed the members' certificates, for an `https://` --url (the members'
    /// --tls-ca).
    #[arg(long)]
    pub tls_ca: Option<PathBuf>,
}

/// `ballot restore --from FILE --data-dir DIR`: a data directory from a backup.
#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// The backup file (`ballot backup --out`), verified before anything is written.
    #[arg(long)]
    pub from: PathBuf,
    /// The new member's data directory: must not exist or be empty.
    #[arg(long)]
    pub data_dir: PathBuf,
    /// For a member of a new cluster: its voting members, as `ballot node --peers` takes
    /// them. Restore every replica from the same file with the same --peers. Without it the
    /// directory is for a single node.
    #[arg(long, value_parser = parse_peers)]
    pub peers: Option<Peers>,
}
