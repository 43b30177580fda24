// Starts the real `orchard serve` binary on a free port with its own data folder, the way a
// person would, and stops it with SIGTERM (or kills it with SIGKILL when a test asks).
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace orchard::test {

class TestServer {
  public:
    // `data_dir` holds the database; it outlives the server so that restarts can reuse it.
    // `binary`: another build of the server (a benchmark's baseline), instead of this one's.
    explicit TestServer(std::filesystem::path data_dir, std::vector<std::string> extra_args = {},
                        std::string binary = ORCHARD_SERVER_BINARY);
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // Sends SIGTERM and waits; returns the exit status (0 for a clean stop).
    int stop();
    void kill_hard();
    // Everything the server printed on stdout so far (request log lines among it).
    std::string output() const;

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::filesystem::path log_file_;
};

} // namespace orchard::test
