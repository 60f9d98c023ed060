-- Snapshots are cuts of the event table now (sm_meta 'snapshot_cut': the Raft position, the
-- membership and the last row; the remembered answers stay in memory), streamed to followers
-- page by page. The old whole-log copy goes, with its position, so that a member whose Raft
-- log was purged builds a cut when it starts.
DELETE FROM sm_meta WHERE key IN ('snapshot', 'snapshot_position');
