//! The TLS flags every member takes (and `ballot cluster` hands on to its members).

use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Args;

use crate::tls::{NodeTls, TlsFiles};

/// HTTPS and WSS on the node's own address, and HTTPS between members. Plain HTTP without them.
#[derive(Debug, Clone, Default, Args)]
pub struct TlsArgs {
    /// PEM certificate chain (this node's certificate first) to serve HTTPS and WSS with on
    /// --listen; needs --tls-key. Members then talk HTTPS to each other too.
    #[arg(long, env = "BALLOT_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of --tls-cert.
    #[arg(long, env = "BALLOT_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// PEM certificate of the CA that signed every member's certificate: the only one this
    /// member trusts when it connects to another (required with --tls-cert and --peers).
    #[arg(long, env = "BALLOT_TLS_CA", requires = "tls_cert")]
    pub tls_ca: Option<PathBuf>,
}

impl TlsArgs {
    /// Reads and checks the files; `None` for plain HTTP. `clustered` is whether the node has
    /// peers to reach, which then needs the CA to check them by.
    pub fn load(&self, clustered: bool) -> anyhow::Result<Option<NodeTls>> {
        // clap says so too; a value from elsewhere (a configuration file) might not pass there.
        let (cert, key) = match (&self.tls_cert, &self.tls_key) {
            (None, None) if self.tls_ca.is_some() => {
                bail!("--tls-ca needs --tls-cert and --tls-key: a member without TLS talks plain HTTP")
            }
            (None, None) => return Ok(None),
            (Some(cert), Some(key)) => (cert, key),
            (Some(_), None) => bail!("--tls-cert needs --tls-key, the certificate's private key"),
            (None, Some(_)) => bail!("--tls-key needs --tls-cert, the certificate it belongs to"),
        };
        if clustered && self.tls_ca.is_none() {
            bail!(
                "--tls-cert in a cluster (--peers, or `ballot cluster`) needs --tls-ca, the CA \
                 that signed the members' certificates: members check each other against it"
            );
        }
        let files = TlsFiles {
            cert,
            key,
            ca: self.tls_ca.as_deref(),
        };
        NodeTls::load(&files)
            .map(Some)
            .context("TLS is not usable; the node does not start")
    }

    /// The flags as the environment variables a member reads them from (`ballot cluster`
    /// hands them on so).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let flags = [
            ("BALLOT_TLS_CERT", &self.tls_cert),
            ("BALLOT_TLS_KEY", &self.tls_key),
            ("BALLOT_TLS_CA", &self.tls_ca),
        ];
        flags
            .into_iter()
            .filter_map(|(name, path)| Some((name, path.as_ref()?.display().to_string())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Cli, Command};
    use clap::Parser;

    #[test]
    fn a_certificate_without_its_key_is_refused_on_the_command_line() {
        let parsed = Cli::try_parse_from(["ballot", "node", "--tls-cert", "cert.pem"]);
        assert!(parsed.is_err());
    }

    #[test]
    fn a_clustered_node_with_tls_needs_the_ca() {
        let args = TlsArgs {
            tls_cert: Some("cert.pem".into()),
            tls_key: Some("key.pem".into()),
            tls_ca: None,
        };
        let error = args.load(true).unwrap_err().to_string();
        assert!(error.contains("--tls-ca"), "{error}");
    }

    #[test]
    fn the_flags_are_handed_on_as_given() {
        let Command::Cluster(args) = Cli::try_parse_from([
            "ballot",
            "cluster",
            "--tls-cert",
            "c.pem",
            "--tls-key",
            "k.pem",
            "--tls-ca",
            "ca.pem",
        ])
        .unwrap()
        .command
        else {
            panic!("parsed as cluster");
        };
        assert_eq!(
            args.common.tls.env(),
            [
                ("BALLOT_TLS_CERT", "c.pem".to_string()),
                ("BALLOT_TLS_KEY", "k.pem".to_string()),
                ("BALLOT_TLS_CA", "ca.pem".to_string()),
            ]
        );
    }
}
