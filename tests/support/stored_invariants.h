// The rules over everything stored that no concurrency, crash or copy may break, each as SQL that
// counts the rows breaking it: the invariant checker of the several-servers test (a server killed
// mid-load) and of bench_migrate (a 1,000,000-message installation copied into PostgreSQL).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace orchard::test {

struct StoredInvariant {
    std::string rule; // what must hold, for the failure message
    std::string sql;  // counts the rows that break it: 0 when all is well
    bool postgres_only = false;
};

const std::vector<StoredInvariant>& stored_invariants();

struct BrokenInvariant {
    std::string rule;
    long long rows = 0;
};

// The rules that `data_dir`'s database breaks (none when all is well), on its store.
std::vector<BrokenInvariant> broken_invariants(const std::filesystem::path& data_dir);

} // namespace orchard::test
