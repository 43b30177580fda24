// Every commit ends with the pager asking its cache to drop the pages past the end of the file
// (pager_end_transaction → sqlite3PcacheTruncate). SQLite's default cache answers that from the
// largest page number it has seen since the last such drop; when that number is far past the
// limit it walks its whole hash table and every page in it (pcache1TruncateUnsafe).
//
// The largest number is almost always far past the limit in a database under 1 GiB: when a
// B-tree balance puts two new pages in order, it swaps their numbers through the number of the
// lock page, 262,145 with 4 KiB pages (btree.c, balance_nonroot), and the cache remembers it. So
// nearly every commit walked the writer's whole cache: 5 to 7 % of the server's CPU in
// bench_task_load, all of it while every other write waits.
//
// This wraps SQLite's default cache, unchanged, and keeps the largest page number actually
// given out: a fetched page, or a page renumbered to anything but that temporary number (the
// balance moves it on at once). A drop whose limit is past that number has nothing to drop and
// is answered here; any other goes to SQLite's cache, which then walks as before.
#include "server/store/page_cache.h"

#include <algorithm>
#include <atomic>
#include <sqlite3.h>

namespace orchard::store {

namespace {

// The start of SQLite's lock bytes (PENDING_BYTE, sqlite3PendingByte); the page holding it is
// never used for data, which is why the balance can borrow its number.
constexpr unsigned kPendingByte = 0x40000000;

sqlite3_pcache_methods2 g_inner{};
std::atomic<long> g_passed{0};
std::atomic<long> g_skipped{0};

struct Cache {
    sqlite3_pcache* inner;
    unsigned borrowed_key; // the lock page's number, for this page size
    unsigned largest_key = 0;
};

Cache* cache(sqlite3_pcache* p) {
    return reinterpret_cast<Cache*>(p);
}

int init(void*) {
    return g_inner.xInit(g_inner.pArg);
}

void shutdown(void*) {
    g_inner.xShutdown(g_inner.pArg);
}

sqlite3_pcache* create(int page_size, int extra_size, int purgeable) {
    sqlite3_pcache* inner = g_inner.xCreate(page_size, extra_size, purgeable);
    if (!inner) return nullptr;
    auto* c = static_cast<Cache*>(sqlite3_malloc(sizeof(Cache)));
    if (!c) {
        g_inner.xDestroy(inner);
        return nullptr;
    }
    *c = Cache{inner, kPendingByte / static_cast<unsigned>(page_size) + 1};
    return reinterpret_cast<sqlite3_pcache*>(c);
}

void cachesize(sqlite3_pcache* p, int pages) {
    g_inner.xCachesize(cache(p)->inner, pages);
}

int pagecount(sqlite3_pcache* p) {
    return g_inner.xPagecount(cache(p)->inner);
}

sqlite3_pcache_page* fetch(sqlite3_pcache* p, unsigned key, int create_flag) {
    Cache* c = cache(p);
    sqlite3_pcache_page* page = g_inner.xFetch(c->inner, key, create_flag);
    if (page) c->largest_key = std::max(c->largest_key, key);
    return page;
}

void unpin(sqlite3_pcache* p, sqlite3_pcache_page* page, int discard) {
    g_inner.xUnpin(cache(p)->inner, page, discard);
}

void rekey(sqlite3_pcache* p, sqlite3_pcache_page* page, unsigned old_key, unsigned new_key) {
    Cache* c = cache(p);
    g_inner.xRekey(c->inner, page, old_key, new_key);
    if (new_key != c->borrowed_key) c->largest_key = std::max(c->largest_key, new_key);
}

void truncate(sqlite3_pcache* p, unsigned limit) {
    Cache* c = cache(p);
    if (limit > c->largest_key) {
        g_skipped.fetch_add(1, std::memory_order_relaxed);
        return; // no page numbered `limit` or above was given out
    }
    g_passed.fetch_add(1, std::memory_order_relaxed);
    g_inner.xTruncate(c->inner, limit);
    c->largest_key = limit - 1;
}

void destroy(sqlite3_pcache* p) {
    Cache* c = cache(p);
    g_inner.xDestroy(c->inner);
    sqlite3_free(c);
}

void shrink(sqlite3_pcache* p) {
    g_inner.xShrink(cache(p)->inner);
}

bool install() {
    if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &g_inner) != SQLITE_OK || !g_inner.xFetch)
        return false;
    static const sqlite3_pcache_methods2 wrapper = {1,         nullptr,   init,  shutdown, create,
                                                    cachesize, pagecount, fetch, unpin,    rekey,
                                                    truncate,  destroy,   shrink};
    return sqlite3_config(SQLITE_CONFIG_PCACHE2, &wrapper) == SQLITE_OK;
}

// Before main: SQLite takes a new page cache only before it initializes, which the first
// connection anywhere in the program does.
const bool g_installed = install();

} // namespace

bool install_page_cache() {
    return g_installed;
}

bool use_sqlite_page_cache() {
    return g_installed && sqlite3_config(SQLITE_CONFIG_PCACHE2, &g_inner) == SQLITE_OK;
}

PageCacheCounters page_cache_counters() {
    return {g_passed.load(std::memory_order_relaxed), g_skipped.load(std::memory_order_relaxed)};
}

} // namespace orchard::store
