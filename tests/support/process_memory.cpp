#include "tests/support/process_memory.h"

#include <fstream>
#include <string>

namespace orchard::test {

namespace {

long status_kib(pid_t pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with(field + ":")) return std::stol(line.substr(field.size() + 1));
    return -1;
}

} // namespace

long resident_kib(pid_t pid) {
    return status_kib(pid, "VmRSS");
}

long anonymous_resident_kib(pid_t pid) {
    return status_kib(pid, "RssAnon");
}

long peak_resident_kib(pid_t pid) {
    return status_kib(pid, "VmHWM");
}

} // namespace orchard::test
