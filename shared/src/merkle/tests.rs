//! The Certificate Transparency reference vectors (RFC 6962's test data, as Google's
//! certificate-transparency and trillian projects publish them), then every proof of every tree
//! up to 64 leaves, and tampered proofs refused.

use super::*;

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn h(text: &str) -> Hash {
    unhex(text).try_into().unwrap()
}

/// The eight reference entries.
fn reference_leaves() -> Vec<Hash> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|entry| leaf_hash(&unhex(entry)))
    .collect()
}

/// The reference roots of the trees of 0 to 8 of those entries.
const ROOTS: [&str; 9] = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

#[test]
fn roots_match_the_reference_for_every_size() {
    let leaves = reference_leaves();
    for (size, expected) in ROOTS.iter().enumerate() {
        assert_eq!(root(&leaves[..size]), h(expected), "size {size}");
    }
}

#[test]
fn inclusion_proofs_match_the_reference() {
    let leaves = reference_leaves();
    let cases = [
        (
            0,
            8,
            vec![
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            5,
            8,
            vec![
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (0, 1, vec![]),
    ];
    for (index, size, expected) in cases {
        let expected: Vec<Hash> = expected.into_iter().map(h).collect();
        let proof = inclusion_proof(&leaves[..size], index).unwrap();
        assert_eq!(proof, expected, "leaf {index} of {size}");
        let root = h(ROOTS[size]);
        assert!(verify_inclusion(
            &leaves[index],
            index as u64,
            size as u64,
            &proof,
            &root
        ));
    }
}

#[test]
fn consistency_proofs_match_the_reference() {
    let leaves = reference_leaves();
    let cases = [
        (
            1,
            8,
            vec![
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            2,
            8,
            vec![
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            6,
            8,
            vec![
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            5,
            vec![
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];
    for (first, second, expected) in cases {
        let expected: Vec<Hash> = expected.into_iter().map(h).collect();
        let proof = consistency_proof(&leaves[..second], first).unwrap();
        assert_eq!(proof, expected, "{first} -> {second}");
        let (a, b) = (h(ROOTS[first]), h(ROOTS[second]));
        assert!(verify_consistency(
            first as u64,
            second as u64,
            &a,
            &b,
            &proof
        ));
    }
}

/// Sixty-four leaves of their own, to cover every shape of the recursion.
fn many() -> Vec<Hash> {
    (0u32..64).map(|i| leaf_hash(&i.to_be_bytes())).collect()
}

#[test]
fn every_inclusion_proof_up_to_64_leaves_verifies_and_a_tampered_one_does_not() {
    let leaves = many();
    for n in 1..=64 {
        let root = root(&leaves[..n]);
        for i in 0..n {
            let proof = inclusion_proof(&leaves[..n], i).unwrap();
            let (index, size) = (i as u64, n as u64);
            assert!(
                verify_inclusion(&leaves[i], index, size, &proof, &root),
                "{i}/{n}"
            );
            // Another leaf, index or size, or any changed hash in the path, fails.
            let other = leaves[(i + 1) % n];
            if n > 1 {
                assert!(
                    !verify_inclusion(&other, index, size, &proof, &root),
                    "{i}/{n}"
                );
            }
            assert!(!verify_inclusion(&leaves[i], size, size, &proof, &root));
            for at in 0..proof.len() {
                let mut bad = proof.clone();
                bad[at][0] ^= 1;
                assert!(
                    !verify_inclusion(&leaves[i], index, size, &bad, &root),
                    "{i}/{n}"
                );
            }
            let mut longer = proof.clone();
            longer.push([7; 32]);
            assert!(!verify_inclusion(&leaves[i], index, size, &longer, &root));
            if !proof.is_empty() {
                let shorter = &proof[..proof.len() - 1];
                assert!(!verify_inclusion(&leaves[i], index, size, shorter, &root));
            }
        }
        assert!(inclusion_proof(&leaves[..n], n).is_none());
    }
}

#[test]
fn every_consistency_proof_up_to_64_leaves_verifies_and_a_tampered_one_does_not() {
    let leaves = many();
    let roots: Vec<Hash> = (0..=64).map(|n| root(&leaves[..n])).collect();
    for second in 0..=64usize {
        for first in 0..=second {
            let proof = consistency_proof(&leaves[..second], first).unwrap();
            let (m, n) = (first as u64, second as u64);
            let (a, b) = (&roots[first], &roots[second]);
            assert!(
                verify_consistency(m, n, a, b, &proof),
                "{first} -> {second}"
            );
            if first == 0 || first == second {
                assert!(proof.is_empty());
                continue;
            }
            // A rewritten history (another first root), or a changed proof, fails.
            let rewritten = leaf_hash(b"rewritten");
            assert!(
                !verify_consistency(m, n, &rewritten, b, &proof),
                "{first} -> {second}"
            );
            assert!(
                !verify_consistency(m, n, a, &rewritten, &proof),
                "{first} -> {second}"
            );
            for at in 0..proof.len() {
                let mut bad = proof.clone();
                bad[at][31] ^= 0x80;
                assert!(
                    !verify_consistency(m, n, a, b, &bad),
                    "{first} -> {second} at {at}"
                );
            }
            assert!(!verify_consistency(m, n, a, b, &proof[..proof.len() - 1]));
            let mut longer = proof.clone();
            longer.push([9; 32]);
            assert!(!verify_consistency(m, n, a, b, &longer));
            assert!(!verify_consistency(n, m, b, a, &proof));
        }
        assert!(consistency_proof(&leaves[..second], second + 1).is_none());
    }
}

#[test]
fn the_frontier_root_is_the_tree_root_at_every_size() {
    let leaves = many();
    let mut frontier = Frontier::default();
    assert_eq!(frontier.root(), empty_root());
    for n in 1..=64 {
        frontier.push(leaves[n - 1]);
        assert_eq!(frontier.size(), n as u64);
        assert_eq!(frontier.root(), root(&leaves[..n]), "{n}");
    }
}
