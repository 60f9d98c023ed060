//! Sets of client addresses given on the command line (`--rate-limit-exempt`).
//!
//! A leaf: the configuration parses it and the limiters consult it.

use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;

/// A set of addresses given as comma-separated IPs or CIDRs (`127.0.0.0/8,::1,10.1.0.0/16`).
/// The empty text is the empty set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressSet(Vec<IpNet>);

impl AddressSet {
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

impl FromStr for AddressSet {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut nets = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let net = match part.parse::<IpNet>() {
                Ok(net) => net,
                Err(_) => part
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| format!("{part:?} is neither an IP address nor a CIDR block"))?,
            };
            nets.push(net);
        }
        Ok(AddressSet(nets))
    }
}
