//! A private network of Linux network namespaces for one test run: one namespace per host, each
//! joined by a veth pair to a bridge in the root namespace, which has an address of its own so
//! that the test process reaches every host. Made by [`Network::create`], removed when the
//! [`Network`] is dropped (also when the test panics).
//!
//! Every name carries the test process's pid (`ballot-test-PID-N` for a namespace, `btPID…` for
//! an interface, the pid in six hex digits to stay within the 15 characters an interface name
//! may have), so that a run never collides with another one running beside it, and leftovers of
//! a run that was killed before its cleanup are recognised by their dead pid and removed.

use std::net::Ipv4Addr;
use std::path::Path;
use std::process::Command;

/// Namespaces made by these tests start with this.
const NAMESPACE_PREFIX: &str = "ballot-test-";
/// Interfaces made by these tests start with this, then six hex digits of the pid.
const LINK_PREFIX: &str = "bt";

pub struct Network {
    /// This run's pid, in six hex digits.
    tag: String,
    /// The third octet of this run's `10.77.X.0/24`, one no interface of this machine holds.
    subnet: u8,
    /// What has been made so far, so that a half-made network is removed too.
    namespaces: Vec<String>,
    links: Vec<String>,
}

impl Network {
    /// Makes namespaces `1..=hosts` on one bridge, or says why this machine cannot (not root,
    /// no `ip`, namespaces refused): the caller skips then. A failure after the first namespace
    /// was made is a real failure and panics, removing what was made.
    pub fn create(hosts: u8) -> Result<Network, String> {
        // SAFETY: geteuid(2) reads the process's effective user id and cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            return Err("network namespaces need root (run the test as root)".into());
        }
        if ip(&["-V"]).is_err() {
            return Err("no `ip` command (Debian's iproute2)".into());
        }
        remove_leftovers();
        let mut network = Network {
            tag: format!("{:06x}", std::process::id()),
            subnet: free_subnet(),
            namespaces: Vec::new(),
            links: Vec::new(),
        };
        let first = network.namespace(1);
        ip(&["netns", "add", &first]).map_err(|why| format!("`ip netns add` refused: {why}"))?;
        network.namespaces.push(first);
        network.build(hosts);
        Ok(network)
    }

    /// The bridge, then each host's namespace, veth pair, addresses and loopback.
    fn build(&mut self, hosts: u8) {
        let bridge = self.link("br");
        must(&["link", "add", &bridge, "type", "bridge"]);
        self.links.push(bridge.clone());
        let bridge_cidr = format!("{}/24", self.bridge_ip());
        must(&["addr", "add", &bridge_cidr, "dev", &bridge]);
        must(&["link", "set", &bridge, "up"]);
        for host in 1..=hosts {
            let namespace = self.namespace(host);
            if host > 1 {
                must(&["netns", "add", &namespace]);
                self.namespaces.push(namespace.clone());
            }
            let (outside, inside) = (self.outside(host), self.link(&format!("n{host}")));
            must(&[
                "link", "add", &outside, "type", "veth", "peer", "name", &inside,
            ]);
            self.links.push(outside.clone());
            must(&["link", "set", &inside, "netns", &namespace]);
            must(&["link", "set", &outside, "master", &bridge]);
            must(&["link", "set", &outside, "up"]);
            let cidr = format!("{}/24", self.host_ip(host));
            must(&["-n", &namespace, "addr", "add", &cidr, "dev", &inside]);
            must(&["-n", &namespace, "link", "set", &inside, "up"]);
            must(&["-n", &namespace, "link", "set", "lo", "up"]);
        }
    }

    pub fn namespace(&self, host: u8) -> String {
        format!("{NAMESPACE_PREFIX}{}-{host}", self.tag)
    }

    fn link(&self, suffix: &str) -> String {
        format!("{LINK_PREFIX}{}{suffix}", self.tag)
    }

    /// The root namespace's end of host `host`'s veth pair, the cable [`Network::cut`] pulls.
    fn outside(&self, host: u8) -> String {
        self.link(&format!("h{host}"))
    }

    pub fn host_ip(&self, host: u8) -> Ipv4Addr {
        Ipv4Addr::new(10, 77, self.subnet, host)
    }

    /// The test process's own address on the bridge.
    pub fn bridge_ip(&self) -> Ipv4Addr {
        Ipv4Addr::new(10, 77, self.subnet, 254)
    }

    /// Pulls host `host`'s cable: nothing reaches it or leaves it until [`Network::restore`].
    pub fn cut(&self, host: u8) {
        must(&["link", "set", &self.outside(host), "down"]);
    }

    pub fn restore(&self, host: u8) {
        must(&["link", "set", &self.outside(host), "up"]);
    }
}

impl Drop for Network {
    fn drop(&mut self) {
        // Deleting one end of a veth pair deletes both; a namespace's own end goes with it.
        for link in self.links.iter().rev() {
            let _ = ip(&["link", "del", link]);
        }
        for namespace in &self.namespaces {
            let _ = ip(&["netns", "del", namespace]);
        }
    }
}

/// Runs `ip ARGS`; the error is what it printed.
fn ip(args: &[&str]) -> Result<String, String> {
    let output = Command::new("ip")
        .args(args)
        .output()
        .map_err(|error| error.to_string())?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("ip {}: {}", args.join(" "), stderr.trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn must(args: &[&str]) {
    if let Err(error) = ip(args) {
        panic!("making the test network: {error}");
    }
}

/// Removes namespaces and interfaces of earlier runs whose process is gone (or was this pid).
fn remove_leftovers() {
    let namespaces = ip(&["netns", "list"]).unwrap_or_default();
    for name in namespaces
        .lines()
        .filter_map(|l| l.split_whitespace().next())
    {
        let pid = name
            .strip_prefix(NAMESPACE_PREFIX)
            .and_then(|rest| rest.split('-').next());
        if pid.is_some_and(is_abandoned) {
            let _ = ip(&["netns", "del", name]);
        }
    }
    let links = ip(&["-o", "link", "show"]).unwrap_or_default();
    // Lines read `12: bt00abcdh1@if11: <…`; the name ends at `@` or `:`.
    for line in links.lines() {
        let Some(name) = line.split(": ").nth(1) else {
            continue;
        };
        let name = name.split('@').next().unwrap_or(name);
        let pid = name
            .strip_prefix(LINK_PREFIX)
            .and_then(|rest| rest.get(..6));
        if pid.is_some_and(is_abandoned) && name.len() <= 10 {
            let _ = ip(&["link", "del", name]);
        }
    }
}

/// Whether `pid` (six hex digits) is this process or no process at all.
fn is_abandoned(pid: &str) -> bool {
    if pid.len() != 6 {
        return false;
    }
    let Ok(pid) = u32::from_str_radix(pid, 16) else {
        return false;
    };
    pid == std::process::id() || !Path::new(&format!("/proc/{pid}")).exists()
}

/// A third octet for `10.77.X.0/24` that no interface here has an address in, starting from
/// one drawn from the pid so that runs side by side start apart.
fn free_subnet() -> u8 {
    let taken = ip(&["-o", "-4", "addr", "show"]).unwrap_or_default();
    let start = (std::process::id() % 250) as u8;
    (0..=255u8)
        .map(|offset| start.wrapping_add(offset))
        .find(|octet| !taken.contains(&format!(" 10.77.{octet}.")))
        .expect("a free 10.77.X.0/24")
}
