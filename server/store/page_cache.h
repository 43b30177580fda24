// SQLite's own page cache, with one costly step taken out of every commit (see page_cache.cpp).
#pragma once

namespace orchard::store {

// Installs the page cache for every connection opened afterwards. Only possible before SQLite
// initializes; it runs when the program starts, so this returns whether it is in place.
bool install_page_cache();

// Puts SQLite's own page cache back, for a benchmark to compare with (bench_page_cache). Only
// before SQLite initializes; returns whether it did.
bool use_sqlite_page_cache();

// How often a commit's "drop the pages past the end of the file" reached SQLite's cache, and
// how often it was answered here because no such page can be in the cache.
struct PageCacheCounters {
    long truncates_passed = 0;
    long truncates_skipped = 0;
};
PageCacheCounters page_cache_counters();

} // namespace orchard::store
