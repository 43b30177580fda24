#include "server/store/wal_write_buffer.h"

#include <algorithm>
#include <cstddef>
#include <new>
#include <sqlite3.h>
#include <string>

namespace orchard::store {
namespace {

// A WAL frame header: page number, database size after a commit (0 in other frames), salts and
// checksums (https://www.sqlite.org/fileformat.html#wal_file_format).
constexpr int kFrameHeaderSize = 24;
// Gathered writes beyond this are written at once: a transaction that spills a large cache must
// not hold its whole WAL in memory.
constexpr std::size_t kMaxGathered = 1 << 20;
// The unix VFS writes at most 128 KiB - 1 bytes per call (seekAndWriteFd masks the length).
constexpr std::size_t kMaxWrite = 1 << 16;

// Our file: the wrapped VFS's file lives right behind it, in the memory SQLite allocates
// (szOsFile is the sum of both).
struct WrappedFile {
    sqlite3_file base;         // its pMethods are ours
    bool gather = false;       // a WAL file
    bool commit_frame = false; // the last write was the header of a commit frame
    sqlite3_int64 gathered_at = 0;
    std::string gathered;

    sqlite3_file* inner() { return reinterpret_cast<sqlite3_file*>(this + 1); }
    const sqlite3_io_methods& io() { return *inner()->pMethods; }
};
static_assert(sizeof(WrappedFile) % 8 == 0, "the wrapped file behind ours must stay aligned");

WrappedFile* wrapped(sqlite3_file* file) {
    return reinterpret_cast<WrappedFile*>(file);
}

int write_gathered(WrappedFile* file) {
    if (file->gathered.empty()) return SQLITE_OK;
    int rc = SQLITE_OK;
    for (std::size_t done = 0; done < file->gathered.size() && rc == SQLITE_OK;) {
        const std::size_t amount = std::min(kMaxWrite, file->gathered.size() - done);
        rc =
            file->io().xWrite(file->inner(), file->gathered.data() + done, static_cast<int>(amount),
                              file->gathered_at + static_cast<sqlite3_int64>(done));
        done += amount;
    }
    file->gathered.clear();
    file->commit_frame = false;
    return rc;
}

int big_endian_u32(const void* data, int at) {
    const auto* bytes = static_cast<const unsigned char*>(data) + at;
    return static_cast<int>((static_cast<unsigned>(bytes[0]) << 24) |
                            (static_cast<unsigned>(bytes[1]) << 16) |
                            (static_cast<unsigned>(bytes[2]) << 8) | bytes[3]);
}

int on_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    WrappedFile* file = wrapped(f);
    if (!file->gather) return file->io().xWrite(file->inner(), data, amount, offset);
    const auto end = file->gathered_at + static_cast<sqlite3_int64>(file->gathered.size());
    if (!file->gathered.empty() && offset != end) {
        if (const int rc = write_gathered(file); rc != SQLITE_OK) return rc;
    }
    if (file->gathered.empty()) file->gathered_at = offset;
    file->gathered.append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
    bool write_now = file->gathered.size() >= kMaxGathered;
    if (amount == kFrameHeaderSize) {
        file->commit_frame = big_endian_u32(data, 4) != 0;
    } else if (file->commit_frame) {
        write_now = true; // the page of the commit frame: the transaction is complete
    }
    return write_now ? write_gathered(file) : SQLITE_OK;
}

// Every other operation writes what was gathered first, then does what the wrapped file does.
template <auto Method, typename... Args> int after_writing(sqlite3_file* f, Args... args) {
    WrappedFile* file = wrapped(f);
    if (const int rc = write_gathered(file); rc != SQLITE_OK) return rc;
    return (file->io().*Method)(file->inner(), args...);
}

int on_close(sqlite3_file* f) {
    WrappedFile* file = wrapped(f);
    const int written = write_gathered(file);
    const int closed = file->io().xClose(file->inner());
    file->~WrappedFile();
    return written != SQLITE_OK ? written : closed;
}

int on_sector_size(sqlite3_file* f) {
    return wrapped(f)->io().xSectorSize(wrapped(f)->inner());
}
int on_device_characteristics(sqlite3_file* f) {
    return wrapped(f)->io().xDeviceCharacteristics(wrapped(f)->inner());
}
void on_shm_barrier(sqlite3_file* f) {
    // Not reached for a WAL file (shared memory belongs to the database file), so nothing is
    // gathered here.
    wrapped(f)->io().xShmBarrier(wrapped(f)->inner());
}

const sqlite3_io_methods kMethods = {
    3,
    on_close,
    after_writing<&sqlite3_io_methods::xRead, void*, int, sqlite3_int64>,
    on_write,
    after_writing<&sqlite3_io_methods::xTruncate, sqlite3_int64>,
    after_writing<&sqlite3_io_methods::xSync, int>,
    after_writing<&sqlite3_io_methods::xFileSize, sqlite3_int64*>,
    after_writing<&sqlite3_io_methods::xLock, int>,
    after_writing<&sqlite3_io_methods::xUnlock, int>,
    after_writing<&sqlite3_io_methods::xCheckReservedLock, int*>,
    after_writing<&sqlite3_io_methods::xFileControl, int, void*>,
    on_sector_size,
    on_device_characteristics,
    after_writing<&sqlite3_io_methods::xShmMap, int, int, int, void volatile**>,
    after_writing<&sqlite3_io_methods::xShmLock, int, int, int>,
    on_shm_barrier,
    after_writing<&sqlite3_io_methods::xShmUnmap, int>,
    after_writing<&sqlite3_io_methods::xFetch, sqlite3_int64, int, void**>,
    after_writing<&sqlite3_io_methods::xUnfetch, sqlite3_int64, void*>,
};

sqlite3_vfs* inner_vfs(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int on_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    auto* file = new (f) WrappedFile{};
    file->base.pMethods = nullptr;
    sqlite3_vfs* inner = inner_vfs(vfs);
    const int rc = inner->xOpen(inner, name, file->inner(), flags, out_flags);
    if (rc != SQLITE_OK || !file->inner()->pMethods || file->inner()->pMethods->iVersion < 3) {
        if (file->inner()->pMethods) file->io().xClose(file->inner());
        file->~WrappedFile();
        f->pMethods = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    file->gather = (flags & SQLITE_OPEN_WAL) != 0;
    file->base.pMethods = &kMethods;
    return SQLITE_OK;
}

// The rest of the VFS is the wrapped one's, called with the wrapped VFS as it expects.
template <auto Method, typename Result, typename... Args>
Result forward(sqlite3_vfs* vfs, Args... args) {
    return (inner_vfs(vfs)->*Method)(inner_vfs(vfs), args...);
}

sqlite3_vfs make_vfs() {
    sqlite3_vfs* inner = sqlite3_vfs_find(nullptr);
    sqlite3_vfs vfs = *inner;
    vfs.iVersion = 3;
    vfs.szOsFile = static_cast<int>(sizeof(WrappedFile)) + inner->szOsFile;
    vfs.pNext = nullptr;
    vfs.zName = "orchard-wal-write-buffer";
    vfs.pAppData = inner;
    vfs.xOpen = on_open;
    vfs.xDelete = forward<&sqlite3_vfs::xDelete, int, const char*, int>;
    vfs.xAccess = forward<&sqlite3_vfs::xAccess, int, const char*, int, int*>;
    vfs.xFullPathname = forward<&sqlite3_vfs::xFullPathname, int, const char*, int, char*>;
    vfs.xDlOpen = forward<&sqlite3_vfs::xDlOpen, void*, const char*>;
    vfs.xDlError = forward<&sqlite3_vfs::xDlError, void, int, char*>;
    vfs.xDlSym = forward<&sqlite3_vfs::xDlSym, void (*)(), void*, const char*>;
    vfs.xDlClose = forward<&sqlite3_vfs::xDlClose, void, void*>;
    vfs.xRandomness = forward<&sqlite3_vfs::xRandomness, int, int, char*>;
    vfs.xSleep = forward<&sqlite3_vfs::xSleep, int, int>;
    vfs.xCurrentTime = forward<&sqlite3_vfs::xCurrentTime, int, double*>;
    vfs.xGetLastError = forward<&sqlite3_vfs::xGetLastError, int, int, char*>;
    vfs.xCurrentTimeInt64 = forward<&sqlite3_vfs::xCurrentTimeInt64, int, sqlite3_int64*>;
    vfs.xSetSystemCall =
        forward<&sqlite3_vfs::xSetSystemCall, int, const char*, sqlite3_syscall_ptr>;
    vfs.xGetSystemCall = forward<&sqlite3_vfs::xGetSystemCall, sqlite3_syscall_ptr, const char*>;
    vfs.xNextSystemCall = forward<&sqlite3_vfs::xNextSystemCall, const char*, const char*>;
    return vfs;
}

} // namespace

const char* wal_write_buffer_vfs() {
    static sqlite3_vfs vfs = make_vfs();
    static const int registered = sqlite3_vfs_register(&vfs, 0);
    (void)registered;
    return vfs.zName;
}

} // namespace orchard::store
