// Threads that run request handlers, apart from the threads that do the network I/O: a handler
// may wait for the database (a group commit, a busy reader), and the I/O threads must keep
// accepting, reading and writing for every other connection meanwhile.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace orchard::http {

class WorkerPool {
  public:
    explicit WorkerPool(int threads);
    ~WorkerPool(); // runs what is queued, then joins

    void post(std::function<void()> job);
    // Blocks until nothing is queued or running.
    void wait_idle();

  private:
    void work();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<std::function<void()>> jobs_;
    int running_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace orchard::http
