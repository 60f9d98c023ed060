//! The command-line side of verifiable elections (issue 21), all over the public HTTP API:
//! - [`keygen`]: `ballot trustee keygen`, one trustee's key ceremony, resumable from its key
//!   file ([`keyfile`]);
//! - [`decrypt`]: `ballot trustee decrypt`, that trustee's share of the closed tally;
//! - [`vote`]: `ballot vote`, a ballot sealed on this machine (or Benaloh's check of one).
//!
//! The crypto is `shared::secrecy`'s, the same the server and the browser run.

pub mod decrypt;
pub mod keyfile;
pub mod keygen;
mod remote;
pub mod vote;

use shared::secrecy::wire::TrusteeMe;
use shared::ErrorCode;

use crate::config::{TrusteeArgs, TrusteeCommand};
pub use remote::{Remote, RemoteError};

pub async fn run_trustee(args: TrusteeArgs) -> anyhow::Result<()> {
    match args.command {
        TrusteeCommand::Keygen(args) => keygen::run(args).await,
        TrusteeCommand::Decrypt(args) => decrypt::run(args).await,
    }
}

/// Who the token names, or why the server will not say.
async fn trustee_me(remote: &Remote, token: &str) -> anyhow::Result<TrusteeMe> {
    remote.get("trustee", Some(token)).await.map_err(explain)
}

/// A refusal in words a trustee or voter can act on.
fn explain(error: RemoteError) -> anyhow::Error {
    let hint = match error.code() {
        Some(ErrorCode::BadTrusteeToken) => {
            "the server does not know this trustee token for this election: check --token \
             (the part after #token= in the trustee's link)"
        }
        Some(ErrorCode::InvalidProof) => {
            "the server found a proof that does not check: the key file or this program may \
             belong to another ceremony or version"
        }
        Some(ErrorCode::WrongPhase) => "the election is not at the step this command is for",
        Some(ErrorCode::NotFound) => "no such election on this server: check --election",
        _ => return error.into(),
    };
    anyhow::Error::new(error).context(hint)
}
