// Running the `orchard` binary as a person does on a shell (export, import), and reading the
// JSON Lines files it writes.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace orchard::test {

struct CliRun {
    int exit_code = -1;
    std::string errors; // what it printed on standard error
};

// `orchard ARGS` (ARGS as a shell would split them); standard error is kept in `scratch_dir`.
CliRun run_orchard(const std::string& args, const std::filesystem::path& scratch_dir);

// `orchard user add` with the password on standard input, as an operator makes the first admin;
// true when it succeeded. Run before the server opens the database.
bool add_user(const std::filesystem::path& data_dir, const std::string& username,
              const std::string& role, const std::string& password);

std::string read_file(const std::filesystem::path& file);
std::vector<nlohmann::json> read_lines(const std::filesystem::path& file);

} // namespace orchard::test
