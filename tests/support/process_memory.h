// A process's memory as the kernel counts it (/proc/PID/status), for tests and benchmarks that
// bound or measure what the real server holds.
#pragma once

#include <sys/types.h>

namespace orchard::test {

// Resident memory now (VmRSS), in KiB; -1 when the process is gone.
long resident_kib(pid_t pid);
// The anonymous part of resident memory (RssAnon), in KiB: heap and stacks, without the pages of
// files the process maps (SQLite's mmap of the database counts in VmRSS but is not a leak); -1
// when the process is gone.
long anonymous_resident_kib(pid_t pid);
// The most resident memory the process has held so far (VmHWM), in KiB; -1 when it is gone.
long peak_resident_kib(pid_t pid);

} // namespace orchard::test
