//! Optional TLS (rustls with the ring provider): the server side a node serves HTTPS and WSS
//! with, and the client side its connections to other members use. A leaf: it knows PEM files
//! and rustls, nothing of the crate. `config::TlsArgs` says which files; `server` serves with
//! [`NodeTls::server`]; `raft::network` and `cluster` reach the other members through
//! [`PeerTls`].
//!
//! Members authenticate each other by the cluster secret, as without TLS; TLS adds that a member
//! only talks to a peer whose certificate the members' CA (`--tls-ca`) signed for the address it
//! dialled, and that nobody on the path reads or changes the traffic.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ClientConfig, RootCertStore, ServerConfig};

/// Why the TLS files could not be used; the node refuses to start with it.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("reading {flag} {}: {source}", path.display())]
    Pem {
        flag: &'static str,
        path: PathBuf,
        source: pem::Error,
    },
    #[error("{flag} {} holds no PEM certificate", path.display())]
    NoCertificate { flag: &'static str, path: PathBuf },
    #[error("--tls-ca {}: {source}", path.display())]
    BadCa {
        path: PathBuf,
        source: rustls::Error,
    },
    #[error("--tls-cert and --tls-key do not make a usable certificate: {0}")]
    BadCertificate(rustls::Error),
}

/// The PEM files of one node, as the flags name them.
pub struct TlsFiles<'a> {
    /// The node's certificate chain, its own certificate first.
    pub cert: &'a Path,
    /// The private key of that certificate (PKCS#8, PKCS#1 or SEC1).
    pub key: &'a Path,
    /// The CA that signed every member's certificate; `None` for a node without peers.
    pub ca: Option<&'a Path>,
}

/// A node's TLS, loaded and checked at start.
#[derive(Clone, Debug)]
pub struct NodeTls {
    /// What the HTTPS listener hands every handshake.
    pub server: Arc<ServerConfig>,
    /// How this node reaches the other members.
    pub peers: PeerTls,
}

impl NodeTls {
    /// Reads and checks the PEM files: a certificate chain, its key, and the members' CA.
    pub fn load(files: &TlsFiles<'_>) -> Result<NodeTls, TlsError> {
        let chain = read_certificates("--tls-cert", files.cert)?;
        let key = PrivateKeyDer::from_pem_file(files.key).map_err(|source| TlsError::Pem {
            flag: "--tls-key",
            path: files.key.to_path_buf(),
            source,
        })?;
        let mut server = ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(TlsError::BadCertificate)?
            .with_no_client_auth()
            // Also checks that the key is the certificate's.
            .with_single_cert(chain, key)
            .map_err(TlsError::BadCertificate)?;
        // axum serves HTTP/1.1 (WebSockets upgrade from it); say so to clients that ask.
        server.alpn_protocols = vec![b"http/1.1".to_vec()];
        let peers = match files.ca {
            Some(ca) => PeerTls::trusting(ca)?,
            None => PeerTls::default(),
        };
        Ok(NodeTls {
            server: Arc::new(server),
            peers,
        })
    }
}

/// How this member reaches the others: plain HTTP (the default), or HTTPS trusting only the
/// members' CA, never the system's roots. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct PeerTls(Option<Arc<ClientConfig>>);

impl PeerTls {
    /// HTTPS to peers whose certificates the CA in the PEM file `ca` signed.
    pub fn trusting(ca: &Path) -> Result<PeerTls, TlsError> {
        let mut roots = RootCertStore::empty();
        for certificate in read_certificates("--tls-ca", ca)? {
            roots.add(certificate).map_err(|source| TlsError::BadCa {
                path: ca.to_path_buf(),
                source,
            })?;
        }
        let config = ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(TlsError::BadCertificate)?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(PeerTls(Some(Arc::new(config))))
    }

    /// Whether connections to other members use HTTPS.
    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &'static str {
        match self.is_on() {
            true => "https",
            false => "http",
        }
    }

    /// The URL of `path` (starting with `/`) on the member at `addr` (`host:port`).
    pub fn url(&self, addr: &str, path: &str) -> String {
        format!("{}://{addr}{path}", self.scheme())
    }

    /// `builder` set to verify members' certificates against the CA (unchanged without TLS).
    pub fn client(&self, builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        match &self.0 {
            Some(config) => builder.use_preconfigured_tls(ClientConfig::clone(config)),
            None => builder,
        }
    }

    /// The rustls client configuration, for a connection made by hand (a WebSocket).
    pub fn config(&self) -> Option<Arc<ClientConfig>> {
        self.0.clone()
    }
}

/// ring, named rather than taken from the process default: which providers are compiled in
/// depends on every crate's features, and rustls refuses to guess between two. rustls 0.23.48
/// deprecates it for lacking post-quantum key exchange; it is the provider lettre and reqwest
/// already build here, where aws-lc-rs would add a C and CMake build to every machine.
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn read_certificates(
    flag: &'static str,
    path: &Path,
) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let pem_error = |source| TlsError::Pem {
        flag,
        path: path.to_path_buf(),
        source,
    };
    let certificates = CertificateDer::pem_file_iter(path)
        .map_err(pem_error)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(pem_error)?;
    if certificates.is_empty() {
        return Err(TlsError::NoCertificate {
            flag,
            path: path.to_path_buf(),
        });
    }
    Ok(certificates)
}

/// A command's HTTP client (`ballot audit --url`, `ballot backup`): trusting `ca` when given,
/// for members that serve TLS with certificates of their own CA.
pub fn cli_client(
    builder: reqwest::ClientBuilder,
    ca: Option<&Path>,
) -> Result<reqwest::ClientBuilder, TlsError> {
    match ca {
        Some(ca) => Ok(PeerTls::trusting(ca)?.client(builder)),
        None => Ok(builder),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn self_signed() -> (String, String) {
        let key = rcgen::KeyPair::generate().unwrap();
        let params = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
        (params.self_signed(&key).unwrap().pem(), key.serialize_pem())
    }

    #[test]
    fn a_certificate_and_its_key_load_and_name_https() {
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = self_signed();
        let cert = write(dir.path(), "cert.pem", &cert);
        let key = write(dir.path(), "key.pem", &key);
        let files = TlsFiles {
            cert: &cert,
            key: &key,
            ca: Some(&cert),
        };

        let tls = NodeTls::load(&files).unwrap();

        assert_eq!(
            tls.peers.url("127.0.0.1:1", "/raft"),
            "https://127.0.0.1:1/raft"
        );
    }

    #[test]
    fn a_missing_key_file_is_refused_naming_its_flag_and_path() {
        let dir = tempfile::tempdir().unwrap();
        let (cert, _) = self_signed();
        let cert = write(dir.path(), "cert.pem", &cert);
        let key = dir.path().join("missing.pem");
        let files = TlsFiles {
            cert: &cert,
            key: &key,
            ca: None,
        };

        let error = NodeTls::load(&files).unwrap_err().to_string();

        assert!(
            error.contains("--tls-key") && error.contains("missing.pem"),
            "{error}"
        );
    }

    #[test]
    fn a_key_of_another_certificate_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (cert, _) = self_signed();
        let (_, other_key) = self_signed();
        let cert = write(dir.path(), "cert.pem", &cert);
        let key = write(dir.path(), "key.pem", &other_key);
        let files = TlsFiles {
            cert: &cert,
            key: &key,
            ca: None,
        };

        assert!(matches!(
            NodeTls::load(&files),
            Err(TlsError::BadCertificate(_))
        ));
    }

    #[test]
    fn a_file_without_certificates_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (_, key) = self_signed();
        let not_a_cert = write(dir.path(), "key.pem", &key);
        let files = TlsFiles {
            cert: &not_a_cert,
            key: &not_a_cert,
            ca: None,
        };

        assert!(matches!(
            NodeTls::load(&files),
            Err(TlsError::NoCertificate { .. })
        ));
    }
}
