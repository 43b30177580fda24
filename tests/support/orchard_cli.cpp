#include "tests/support/orchard_cli.h"

#include "tests/support/test_database.h"

#include <regex>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

namespace orchard::test {

CliRun run_orchard(const std::string& args, const std::filesystem::path& scratch_dir) {
    const auto errors = scratch_dir / "orchard-errors.txt";
    std::string command = std::string(ORCHARD_SERVER_BINARY) + " " + args;
    // On PostgreSQL, the data of the folder named is in its database.
    std::smatch data;
    if (on_postgres() &&
        std::regex_search(args, data, std::regex(R"(--data '([^']*)'|--data (\S+))")))
        command +=
            " --database '" + database_url(data[1].matched ? data[1].str() : data[2].str()) + "'";
    command += " 2>'" + errors.string() + "'";
    CliRun run;
    const int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.errors = read_file(errors);
    return run;
}

bool add_user(const std::filesystem::path& data_dir, const std::string& username,
              const std::string& role, const std::string& password) {
    const std::string command = std::string(ORCHARD_SERVER_BINARY) + " user add --username " +
                                username + " --role " + role + " " + data_options(data_dir) +
                                " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "w");
    if (!pipe) return false;
    std::fputs((password + "\n").c_str(), pipe);
    return pclose(pipe) == 0;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<nlohmann::json> read_lines(const std::filesystem::path& file) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        lines.push_back(nlohmann::json::parse(line));
    return lines;
}

} // namespace orchard::test
