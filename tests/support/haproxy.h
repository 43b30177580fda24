// HAProxy with the project's own deploy/haproxy.cfg in front of up to three running servers, for
// the several-servers test and the task-load benchmark. Stopped when destroyed.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace orchard::test {

class Haproxy {
  public:
    // Starts it on a free loopback port and waits until health answers through it; throws
    // std::runtime_error with HAProxy's output when it does not start.
    Haproxy(const std::vector<int>& server_ports, const std::filesystem::path& log_dir);
    ~Haproxy();
    Haproxy(const Haproxy&) = delete;
    Haproxy& operator=(const Haproxy&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    pid_t pid() const { return pid_; }

  private:
    int port_;
    pid_t pid_ = -1;
};

} // namespace orchard::test
