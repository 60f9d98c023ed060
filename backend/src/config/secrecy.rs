//! The flags of verifiable elections' client commands: `ballot trustee keygen|decrypt`,
//! `ballot vote` and `ballot bench-secrecy`.

use std::path::PathBuf;

use anyhow::bail;
use clap::{Args, Subcommand};

/// Which server and election a client command talks to.
#[derive(Debug, Clone, Args)]
pub struct ServerArgs {
    /// Any replica's (or the tally's) base URL, e.g. `https://vote.example.org`.
    #[arg(long)]
    pub url: String,
    /// The election's id.
    #[arg(long)]
    pub election: String,
    /// The CA that signed the members' certificates, for an `https://` --url whose certificate
    /// no public CA signed (the members' --tls-ca).
    #[arg(long)]
    pub tls_ca: Option<PathBuf>,
}

/// `ballot trustee …`: one trustee's side of a verifiable election.
#[derive(Debug, Clone, Args)]
pub struct TrusteeArgs {
    #[command(subcommand)]
    pub command: TrusteeCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum TrusteeCommand {
    /// Runs this trustee's part of the key ceremony to the end, keeping the secret in --out
    /// (resumed from it when it exists).
    Keygen(KeygenArgs),
    /// After close: decrypts this trustee's share of the encrypted tally with --key and sends
    /// it with its proofs.
    Decrypt(DecryptArgs),
}

/// The trustee's private token (from their link `…/trustee#token=TOKEN`).
#[derive(Debug, Clone, Args)]
pub struct TrusteeToken {
    /// The trustee token. Prefer --token-file or the environment: argv is visible to every
    /// local user.
    #[arg(long, env = "BALLOT_TRUSTEE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// File holding the trustee token (a trailing newline is ignored).
    #[arg(long, conflicts_with = "token")]
    pub token_file: Option<PathBuf>,
}

impl TrusteeToken {
    /// The token, given one way or the other.
    pub fn resolve(&self) -> anyhow::Result<String> {
        match (&self.token, &self.token_file) {
            (_, Some(file)) => super::read_secret_file(file, "token"),
            (Some(token), None) => Ok(token.clone()),
            (None, None) => {
                bail!("no trustee token: give --token, --token-file or BALLOT_TRUSTEE_TOKEN")
            }
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct KeygenArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    #[command(flatten)]
    pub token: TrusteeToken,
    /// The key file (JSON, mode 0600): written after every step, resumed from if it exists.
    /// It holds this trustee's secret: keep it, and keep it private, until the tally is
    /// decrypted.
    #[arg(long)]
    pub out: PathBuf,
    /// How long to wait for the other trustees before giving up (run again to resume).
    #[arg(long, default_value_t = 600)]
    pub wait_secs: u64,
}

#[derive(Debug, Clone, Args)]
pub struct DecryptArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    #[command(flatten)]
    pub token: TrusteeToken,
    /// The key file `ballot trustee keygen` wrote (or the trustee page downloaded).
    #[arg(long)]
    pub key: PathBuf,
}

/// `ballot vote`: casts a ballot from the command line (sealed in a verifiable election).
#[derive(Debug, Clone, Args)]
pub struct VoteArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    /// The voter's credential (elections that log in by credential). Prefer the environment:
    /// argv is visible to every local user.
    #[arg(long, env = "BALLOT_CREDENTIAL", hide_env_values = true)]
    pub credential: Option<String>,
    /// The voter's name, with --voter-id (elections that log in by name and id).
    #[arg(long, requires = "voter_id", conflicts_with = "credential")]
    pub name: Option<String>,
    #[arg(long, requires = "name")]
    pub voter_id: Option<u32>,
    /// The ballot: question id → answer, as in docs/ballots.md, e.g. `{"q1":[2,3]}`. A question
    /// left out is blank.
    #[arg(long)]
    pub answers: String,
    /// Benaloh's check instead of voting: seals the ballot and prints it with its seed and
    /// marks, so anyone can check it encrypts these answers; nothing is cast.
    #[arg(long)]
    pub challenge: bool,
}

/// `ballot bench-secrecy`: the secret-ballot crypto alone, in this process.
#[derive(Debug, Clone, Args)]
pub struct SecrecyBenchArgs {
    /// Ballots verified and added into the tally.
    #[arg(long, default_value_t = 2_000)]
    pub ballots: usize,
    /// Options of the approval question (any number may be marked).
    #[arg(long, default_value_t = 10)]
    pub options: usize,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::super::{Cli, Command};
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("ballot").chain(args.iter().copied()))
    }

    const SERVER: [&str; 4] = ["--url", "http://127.0.0.1:8000", "--election", "agm"];

    #[test]
    fn a_trustee_token_comes_from_a_file_without_its_newline_and_not_twice() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        std::fs::write(&file, "trustee-token\n").unwrap();
        let path = file.to_str().unwrap();
        let mut args = vec![
            "trustee",
            "decrypt",
            "--key",
            "k.json",
            "--token-file",
            path,
        ];
        args.extend(SERVER);
        let Command::Trustee(TrusteeArgs {
            command: TrusteeCommand::Decrypt(decrypt),
        }) = parse(&args).unwrap().command
        else {
            panic!("parsed as trustee decrypt");
        };
        assert_eq!(decrypt.token.resolve().unwrap(), "trustee-token");

        args.extend(["--token", "other"]);
        assert!(parse(&args).is_err(), "one token, one way");
    }

    #[test]
    fn keygen_waits_ten_minutes_unless_told_and_vote_takes_a_name_only_with_an_id() {
        let mut keygen = vec!["trustee", "keygen", "--out", "k.json"];
        keygen.extend(SERVER);
        let Command::Trustee(TrusteeArgs {
            command: TrusteeCommand::Keygen(args),
        }) = parse(&keygen).unwrap().command
        else {
            panic!("parsed as trustee keygen");
        };
        assert_eq!(args.wait_secs, 600);

        let mut vote = vec!["vote", "--answers", "{}", "--name", "Ann"];
        vote.extend(SERVER);
        assert!(parse(&vote).is_err(), "--name needs --voter-id");
        vote.extend(["--voter-id", "3"]);
        assert!(matches!(parse(&vote).unwrap().command, Command::Vote(_)));
    }
}
