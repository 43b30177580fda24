#include "tests/support/haproxy.h"

#include "tests/support/raw_http.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
#include <iterator>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace orchard::test {

Haproxy::Haproxy(const std::vector<int>& server_ports, const std::filesystem::path& log_dir)
    : port_(free_loopback_port()) {
    if (server_ports.empty() || server_ports.size() > 3)
        throw std::runtime_error("deploy/haproxy.cfg names one to three servers");
    std::vector<std::string> environment = {"ORCHARD_LISTEN=127.0.0.1:" + std::to_string(port_)};
    // A server named twice where fewer than three run: the file always lists three.
    for (size_t i = 0; i < 3; ++i)
        environment.push_back("ORCHARD_SERVER_" + std::to_string(i + 1) + "=127.0.0.1:" +
                              std::to_string(server_ports[i % server_ports.size()]));
    const std::string log = (log_dir / "haproxy.log").string();
    const std::string config = std::string(ORCHARD_SOURCE_DIR) + "/deploy/haproxy.cfg";
    std::fflush(stdout); // not written twice by the child too
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        if (!std::freopen(log.c_str(), "w", stdout) || !std::freopen(log.c_str(), "a", stderr))
            _exit(126);
        for (auto& variable : environment)
            putenv(variable.data());
        execlp("haproxy", "haproxy", "-db", "-f", config.c_str(), nullptr);
        _exit(127);
    }
    httplib::Client client(url());
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (auto answer = client.Get("/api/v1/health"); answer && answer->status == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    std::ifstream text(log);
    throw std::runtime_error("HAProxy did not start:\n" +
                             std::string(std::istreambuf_iterator<char>(text), {}));
}

Haproxy::~Haproxy() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
}

} // namespace orchard::test
