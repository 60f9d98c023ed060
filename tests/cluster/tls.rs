//! TLS in the node: `--tls-cert` and `--tls-key` make it serve HTTPS and WSS on its address (and
//! nothing in plain HTTP), and members given `--tls-ca` talk HTTPS to each other, trusting only
//! that CA: a member whose certificate another CA signed is never reached. The certificates are
//! made at test time (rcgen) for 127.0.0.1.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use ballot::local_cluster::{wait_for_leader, ClusterSecret, Launch, Layout, LeaderWait};
use ballot::tls::PeerTls;
use futures_util::StreamExt;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{
    ClusterStatusResponse, LoginResponse, RegisterResponse, ResultsResponse, TimeResponse,
};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::time::timeout;

use crate::support::http::fetch_json;

/// Generous: the machine may be compiling while the tests run.
const DEADLINE: Duration = Duration::from_secs(30);
const ADMIN_TOKEN: &str = "tls-test-admin-token";

/// A CA and one certificate it signed for 127.0.0.1, as PEM files.
struct Pki {
    ca: PathBuf,
    cert: PathBuf,
    key: PathBuf,
}

impl Pki {
    /// Writes `NAME-ca.pem`, `NAME-cert.pem` and `NAME-key.pem` into `dir`.
    fn new(dir: &Path, name: &str) -> Pki {
        let ca_key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign];
        ca.distinguished_name
            .push(DnType::CommonName, format!("{name} members' CA"));
        let ca = ca.self_signed(&ca_key).unwrap();
        let key = KeyPair::generate().unwrap();
        let member = CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
        let cert = member.signed_by(&key, &ca, &ca_key).unwrap();
        let write = |what: &str, pem: String| {
            let path = dir.join(format!("{name}-{what}.pem"));
            std::fs::write(&path, pem).unwrap();
            path
        };
        Pki {
            ca: write("ca", ca.pem()),
            cert: write("cert", cert.pem()),
            key: write("key", key.serialize_pem()),
        }
    }

    /// The flags of a member serving this certificate and trusting this CA.
    fn flags(&self) -> [&std::ffi::OsStr; 6] {
        [
            "--tls-cert".as_ref(),
            self.cert.as_os_str(),
            "--tls-key".as_ref(),
            self.key.as_os_str(),
            "--tls-ca".as_ref(),
            self.ca.as_os_str(),
        ]
    }

    /// A client (a browser, say) that trusts this CA and no other.
    fn client(&self) -> reqwest::Client {
        let ca = reqwest::Certificate::from_pem(&std::fs::read(&self.ca).unwrap()).unwrap();
        reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(10))
            .tls_built_in_root_certs(false)
            .add_root_certificate(ca)
            .build()
            .unwrap()
    }
}

/// Starts `ballot node` on port 0 with `args` and returns it with the URL it printed.
async fn node(dir: &Path, args: &[&std::ffi::OsStr]) -> (tokio::process::Child, String) {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args([
            "node",
            "--listen",
            "127.0.0.1:0",
            "--admin-token",
            ADMIN_TOKEN,
        ])
        .arg("--data-dir")
        .arg(dir.join("node"))
        .args(args)
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = timeout(DEADLINE, async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("listening on ") {
                return url.trim().to_string();
            }
        }
        panic!("the node exited before listening");
    })
    .await
    .expect("the node listens in time");
    (child, url)
}

#[tokio::test]
async fn a_node_with_a_certificate_serves_https_and_wss_and_no_plain_http() {
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "single");
    let (mut node, url) = node(dir.path(), &pki.flags()[..4]).await;
    let addr = url
        .strip_prefix("https://")
        .expect("an https URL")
        .to_string();

    let status: ClusterStatusResponse =
        fetch_json(pki.client().get(format!("{url}/api/cluster/status")))
            .await
            .expect("HTTPS answers a client that trusts the CA");
    assert_eq!(status.leader_id, Some(1));

    let plain = reqwest::Client::builder().no_proxy().build().unwrap();
    let refused = plain
        .get(format!("http://{addr}/api/cluster/status"))
        .send();
    assert!(refused.await.is_err(), "plain HTTP was answered");
    let stranger = Pki::new(dir.path(), "stranger").client();
    let refused = stranger.get(format!("{url}/api/cluster/status")).send();
    assert!(
        refused.await.is_err(),
        "a client of another CA trusted the node"
    );

    // WSS: a TLS stream made by hand, the WebSocket handshake over it.
    let config = PeerTls::trusting(&pki.ca).unwrap().config().unwrap();
    let tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
    let tls = tokio_rustls::TlsConnector::from(config)
        .connect(name, tcp)
        .await
        .expect("the TLS handshake succeeds");
    let (mut socket, _) = tokio_tungstenite::client_async(format!("wss://{addr}/ws"), tls)
        .await
        .expect("the WebSocket opens over TLS");
    let hello = timeout(DEADLINE, socket.next())
        .await
        .expect("a first push in time")
        .expect("the socket stays open")
        .unwrap();
    assert!(
        hello.to_text().unwrap().contains("\"type\":\"hello\""),
        "{hello:?}"
    );

    // Stopping is still graceful with a WSS session open: the node exits on its own, cleanly.
    // SAFETY: kill(2) on the pid of our own child process.
    unsafe { libc::kill(node.id().unwrap() as i32, libc::SIGTERM) };
    let exit = timeout(DEADLINE, node.wait()).await;
    assert!(exit.expect("the node stops in time").unwrap().success());
}

#[tokio::test]
async fn a_node_given_a_certificate_without_its_key_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "half");
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args(["node", "--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&pki.cert)
        .arg("--data-dir")
        .arg(dir.path().join("node"))
        .output();
    let output = timeout(DEADLINE, output).await.unwrap().unwrap();

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--tls-key"), "{stderr}");
}

/// Member processes that are killed when the test ends, however it ends.
struct Members(Vec<Child>);

impl Drop for Members {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[tokio::test]
async fn members_with_tls_replicate_a_vote_to_each_other_and_never_to_a_member_of_another_ca() {
    let dir = tempfile::tempdir().unwrap();
    let ours = Pki::new(dir.path(), "ours");
    let theirs = Pki::new(dir.path(), "theirs");
    let layout = Layout::on_free_ports(3, true).unwrap();
    let launch = Launch {
        exe: Path::new(env!("CARGO_BIN_EXE_ballot")),
        data_dir: dir.path(),
        admin_token: ADMIN_TOKEN,
        cluster_secret: ClusterSecret::Value("tls-test-cluster-secret"),
    };
    // The replicas share our CA; the tally (member 4) has a certificate of another CA and
    // trusts only that one.
    let members = layout.ids().map(|id| {
        let pki = if id == 4 { &theirs } else { &ours };
        let log = std::fs::File::create(dir.path().join(format!("node{id}.log"))).unwrap();
        let mut command = layout.command(id, &launch);
        command.args(pki.flags()).stderr(log);
        command.spawn().unwrap()
    });
    let _members = Members(members.collect());
    let client = ours.client();
    let url = |id: u64| format!("https://{}", layout.addr(id));

    let ask: Vec<String> = (1..=3).map(url).collect();
    let wait = LeaderWait {
        ask: &ask,
        agreeing: 2,
        not: None,
        limit: DEADLINE,
    };
    let leader = wait_for_leader(&client, &wait, || Ok(())).await.unwrap();
    let follower = (1..=3).find(|id| *id != leader).unwrap();
    vote_once(&client, &url(leader)).await;

    // Committed on a majority, applied by every replica: the follower counts it too.
    let results = |id: u64| client.get(format!("{}/api/results", url(id)));
    let started = Instant::now();
    while fetch_json::<ResultsResponse>(results(follower))
        .await
        .map_or(true, |r| r.total_votes != 1)
    {
        assert!(
            started.elapsed() < DEADLINE,
            "the follower never counted the vote"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The members' own routes work over TLS: the leader reaches each replica.
    let status: ClusterStatusResponse =
        fetch_json(client.get(format!("{}/api/cluster/status", url(leader))))
            .await
            .unwrap();
    let replicas = status.members.iter().filter(|m| m.voter);
    assert!(replicas.clone().count() == 3 && replicas.clone().all(|m| m.reachable));

    // The tally of another CA answers its own clients, but no replica ever lets it in: it
    // never learns the vote, and the leader never adds it.
    let tally = theirs.client();
    let settle = Instant::now() + Duration::from_secs(3);
    while Instant::now() < settle {
        let counted = fetch_json::<ResultsResponse>(tally.get(format!("{}/api/results", url(4))))
            .await
            .is_ok_and(|r| r.total_votes > 0);
        assert!(!counted, "the tally of another CA applied the vote");
        let status: ClusterStatusResponse =
            fetch_json(client.get(format!("{}/api/cluster/status", url(leader))))
                .await
                .unwrap();
        assert!(status.members.iter().all(|m| m.node_id != 4), "{status:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let tally_status: ClusterStatusResponse =
        fetch_json(tally.get(format!("{}/api/cluster/status", url(4))))
            .await
            .expect("the tally serves its own CA's clients");
    assert_eq!(tally_status.leader_id, None, "{tally_status:?}");
}

/// Registers a voter through `base`, opens the election and has the voter vote once.
async fn vote_once(client: &reqwest::Client, base: &str) {
    let register = client
        .post(format!("{base}/api/register"))
        .json(&json!({ "name": "Ada" }))
        .send()
        .await
        .unwrap();
    assert_eq!(register.status(), StatusCode::CREATED);
    let voter: RegisterResponse = register.json().await.unwrap();
    let login: LoginResponse = fetch_json(
        client
            .post(format!("{base}/api/login"))
            .json(&json!({ "name": "Ada", "voter_id": voter.voter_id })),
    )
    .await
    .unwrap();
    let start = client
        .post(format!("{base}/api/admin/start"))
        .bearer_auth(ADMIN_TOKEN)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), StatusCode::OK);
    let time: TimeResponse = fetch_json(client.get(format!("{base}/api/time")))
        .await
        .unwrap();
    let vote = client
        .post(format!("{base}/api/vote"))
        .json(&json!({ "session": login.session, "candidate_id": 1,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms }))
        .send()
        .await
        .unwrap();
    assert_eq!(vote.status(), StatusCode::OK);
}
