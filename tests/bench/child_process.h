// A program a benchmark runs as a person would (the real binary, or a shell pipeline), timed, with
// its peak resident memory: wait4's, which counts the child alone, not the benchmark.
#pragma once

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace orchard::bench {

struct ChildRun {
    double seconds = 0;
    double peak_mb = 0;
    int status = -1;
};

// Runs `argv` with standard output to `out` and standard error to `errors`.
inline ChildRun run_child(const std::vector<std::string>& argv, const std::filesystem::path& out,
                          const std::filesystem::path& errors) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out_fd, STDOUT_FILENO);
        dup2(err_fd, STDERR_FILENO);
        std::vector<char*> args;
        for (const auto& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    ChildRun run;
    rusage usage{};
    wait4(pid, &run.status, 0, &usage);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return run;
}

} // namespace orchard::bench
