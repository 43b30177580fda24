#include "tests/support/temp_dir.h"

#include "tests/support/test_database.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace orchard::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "orchard-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    try {
        drop_database(path_); // a test's PostgreSQL database goes with its folder
    } catch (const std::exception&) {
        // The cluster is gone already: nothing to drop.
    }
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

} // namespace orchard::test
