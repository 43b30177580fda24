#include "tests/support/test_server.h"

#include "tests/support/test_database.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace orchard::test {

namespace {

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace

TestServer::TestServer(std::filesystem::path data_dir, std::vector<std::string> extra_args,
                       std::string binary) {
    std::filesystem::create_directories(data_dir);
    // A new log per start: a restart on the same folder must not find the old "running at" line.
    static int starts = 0;
    log_file_ = data_dir / ("server-output-" + std::to_string(++starts) + ".log");
    std::filesystem::remove(log_file_);
    std::vector<std::string> args = {binary,   "serve",           "--port",   "0",
                                     "--data", data_dir.string(), "--public", ORCHARD_PUBLIC_DIR};
    // A build without the WebAssembly client (-DORCHARD_BUILD_CLIENT=OFF) still runs the API tests.
    if (on_postgres()) {
        args.push_back("--database");
        args.push_back(database_url(data_dir));
    }
    if (!std::filesystem::exists(std::filesystem::path(ORCHARD_PUBLIC_DIR) / "index.html"))
        args.push_back("--api-only");
    args.insert(args.end(), extra_args.begin(), extra_args.end());

    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int out = open(log_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, STDOUT_FILENO);
        dup2(out, STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    // The server prints its URL once it listens.
    const std::regex url(R"(running at http://[^:]+:(\d+)/)");
    for (int attempt = 0; attempt < 600; ++attempt) {
        std::smatch match;
        const std::string text = read_all(log_file_);
        if (std::regex_search(text, match, url)) {
            port_ = std::stoi(match[1]);
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("server exited at start:\n" + text);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill_hard();
    throw std::runtime_error("server did not start within 30 s:\n" + read_all(log_file_));
}

TestServer::~TestServer() {
    if (pid_ > 0) stop();
    // The server's errors (a 500's cause is logged there) for whoever investigates a failure.
    if (const char* keep = std::getenv("ORCHARD_TEST_SERVER_ERRORS")) {
        std::ofstream out(keep, std::ios::app);
        std::istringstream lines(read_all(log_file_));
        for (std::string line; std::getline(lines, line);)
            if (line.find("failed") != std::string::npos || line.find("orchard:") == 0 ||
                line.find("ERROR") != std::string::npos)
                out << line << '\n';
    }
}

int TestServer::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void TestServer::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string TestServer::output() const {
    return read_all(log_file_);
}

} // namespace orchard::test
