// One write system call per commit instead of two per page. SQLite appends each WAL frame as two
// writes, its 24-byte header and then the page, so a request that changes 20 pages makes 40
// pwrite calls, the largest single cost of a commit on this machine (bench_task_load). This VFS
// wraps the default one: writes to a WAL file that continue where the previous one ended are
// gathered in memory and written as one, at the latest when the frame that commits a
// transaction has been given (its header carries the database size, which only a commit frame
// has), so the commit's write and its error, if any, happen inside the commit as before, and
// before SQLite makes the frames visible to other connections. Every other operation on the WAL
// file (reads, syncs, truncation, size, locks) writes what is gathered first, so SQLite never
// sees a difference. Files other than WAL files are passed through untouched.
#pragma once

namespace orchard::store {

// The name to give sqlite3_open_v2 as its VFS. Registers the VFS on first use (thread-safe).
const char* wal_write_buffer_vfs();

} // namespace orchard::store
