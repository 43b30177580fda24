// A fingerprint of everything in a server's database (its SQLite file, or its PostgreSQL database
// on a PostgreSQL run), read beside the running server: tests of refused requests compare it
// before and after to prove that a refusal changed nothing.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace orchard::test {

// Table name → a hash of its rows (sorted, so that row order does not matter). Only committed
// data is seen (the server writes in WAL mode; this reads as another connection would).
// `data_dir` is the folder the server was given.
std::map<std::string, std::string> database_digest(const std::filesystem::path& data_dir);

// The names of the tables whose hash differs between two digests, for a failure message.
std::string changed_tables(const std::map<std::string, std::string>& before,
                           const std::map<std::string, std::string>& after);

} // namespace orchard::test
