// The `orchard` command line: parsing only, so that it is unit-tested without starting anything.
#pragma once

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace orchard {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080; // 0 picks a free port
    std::filesystem::path data_dir = "data";
    std::filesystem::path public_dir; // empty: "public" next to the executable
    bool log_requests = true;
};

struct ShowHelp {
    std::string text;
};

struct UsageError {
    std::string message;
};

using Command = std::variant<ServeOptions, ShowHelp, UsageError>;

Command parse_command_line(const std::vector<std::string>& args);

} // namespace orchard
