//! A whole Merkle tree kept in memory: every leaf and the hash of every perfect subtree, so
//! the root of any prefix and any RFC 9162 proof cost O(log n) hashes (O(log² n) for proofs)
//! instead of rehashing the leaves. A server holding a log of a million entries answers a
//! proof or co-signs an older tree size without touching more than a few dozen nodes.
//!
//! Memory: about two hashes per leaf (the leaves, then half as many parents, and so on).

use super::{empty_root, node_hash, split, Hash};

/// A growing Merkle tree; `levels[h][j]` is the root of the perfect subtree of height `h`
/// covering leaves `j·2^h .. (j+1)·2^h`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    /// Appends a leaf hash; completes the perfect subtrees it closes (one hash on average).
    pub fn push(&mut self, leaf: Hash) {
        let mut node = leaf;
        let mut height = 0;
        loop {
            if self.levels.len() == height {
                self.levels.push(Vec::new());
            }
            let level = &mut self.levels[height];
            level.push(node);
            let at = level.len() - 1;
            if at.is_multiple_of(2) {
                return;
            }
            node = node_hash(&level[at - 1], &level[at]);
            height += 1;
        }
    }

    pub fn size(&self) -> u64 {
        self.leaves().len() as u64
    }

    pub fn leaves(&self) -> &[Hash] {
        self.levels.first().map_or(&[], Vec::as_slice)
    }

    /// `MTH(D[n])`: the root of the first `n` leaves; `None` when the tree is smaller.
    pub fn root_at(&self, n: u64) -> Option<Hash> {
        (n <= self.size()).then(|| self.range(0, n as usize))
    }

    /// The root of every leaf.
    pub fn root(&self) -> Hash {
        self.range(0, self.leaves().len())
    }

    /// `MTH` of leaves `lo..hi`, where `lo` is a multiple of the largest power of two not
    /// above `hi - lo` (true of every subtree RFC 9162's recursion visits): the left part of
    /// each split is a stored perfect subtree, so only the right edge recurses.
    fn range(&self, lo: usize, hi: usize) -> Hash {
        let n = hi - lo;
        if n == 0 {
            return empty_root();
        }
        if n.is_power_of_two() && lo.is_multiple_of(n) {
            let height = n.trailing_zeros() as usize;
            return self.levels[height][lo / n];
        }
        let k = split(n);
        node_hash(&self.range(lo, lo + k), &self.range(lo + k, hi))
    }

    /// `PATH(index, D[n])` (RFC 9162 §2.1.3.1); `None` unless `index < n ≤ size`.
    pub fn inclusion(&self, index: u64, n: u64) -> Option<Vec<Hash>> {
        if index >= n || n > self.size() {
            return None;
        }
        let mut proof = Vec::new();
        self.path(index as usize, 0, n as usize, &mut proof);
        Some(proof)
    }

    fn path(&self, m: usize, lo: usize, hi: usize, proof: &mut Vec<Hash>) {
        let n = hi - lo;
        if n <= 1 {
            return;
        }
        let k = split(n);
        if m < k {
            self.path(m, lo, lo + k, proof);
            proof.push(self.range(lo + k, hi));
        } else {
            self.path(m - k, lo + k, hi, proof);
            proof.push(self.range(lo, lo + k));
        }
    }

    /// `PROOF(first, D[n])` (RFC 9162 §2.1.4.1); empty when `first` is 0 or `n`, `None`
    /// unless `first ≤ n ≤ size`.
    pub fn consistency(&self, first: u64, n: u64) -> Option<Vec<Hash>> {
        if first > n || n > self.size() {
            return None;
        }
        let mut proof = Vec::new();
        if first > 0 && first < n {
            self.subproof(first as usize, 0, n as usize, true, &mut proof);
        }
        Some(proof)
    }

    fn subproof(&self, m: usize, lo: usize, hi: usize, whole: bool, proof: &mut Vec<Hash>) {
        let n = hi - lo;
        if m == n {
            if !whole {
                proof.push(self.range(lo, hi));
            }
            return;
        }
        let k = split(n);
        if m <= k {
            self.subproof(m, lo, lo + k, whole, proof);
            proof.push(self.range(lo + k, hi));
        } else {
            self.subproof(m - k, lo + k, hi, false, proof);
            proof.push(self.range(lo, lo + k));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{consistency_proof, inclusion_proof, leaf_hash, root};
    use super::*;

    /// The stored tree answers exactly what the definitions compute from the leaves, for every
    /// size, index and pair up to 64 leaves.
    #[test]
    fn roots_and_proofs_equal_the_definitions_for_every_size_up_to_64() {
        let leaves: Vec<Hash> = (0u32..64).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        let mut tree = Tree::default();
        assert_eq!(tree.root(), empty_root());
        for (i, leaf) in leaves.iter().enumerate() {
            tree.push(*leaf);
            assert_eq!(tree.size(), i as u64 + 1);
            assert_eq!(tree.leaves(), &leaves[..=i]);
        }
        for n in 0..=64usize {
            assert_eq!(
                tree.root_at(n as u64),
                Some(root(&leaves[..n])),
                "root of {n}"
            );
            for m in 0..=n {
                assert_eq!(
                    tree.consistency(m as u64, n as u64),
                    consistency_proof(&leaves[..n], m),
                    "consistency {m} → {n}"
                );
                if m < n {
                    assert_eq!(
                        tree.inclusion(m as u64, n as u64),
                        inclusion_proof(&leaves[..n], m),
                        "inclusion of {m} in {n}"
                    );
                }
            }
        }
        assert_eq!(tree.root_at(65), None);
        assert_eq!(tree.inclusion(64, 64), None);
        assert_eq!(tree.inclusion(0, 65), None);
        assert_eq!(tree.consistency(3, 65), None);
        assert_eq!(tree.consistency(5, 4), None);
    }
}
