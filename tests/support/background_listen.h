// Runs a bound cpp-httplib server on a thread of its own, for test doubles (webhook receivers,
// OAuth providers) and benchmarks.
#pragma once

#include <chrono>
#include <httplib.h>
#include <thread>

namespace orchard::test {

// Starts `server` (already bound to its port) listening on a new thread and returns the thread
// once the server is running. Waiting matters: cpp-httplib's stop() does nothing to a server
// that has not started listening yet, so a test that stopped its double that early left the
// thread blocked in accept() forever (seen on a busy machine).
inline std::thread listen_in_background(httplib::Server& server) {
    std::thread thread([&server] { server.listen_after_bind(); });
    while (!server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return thread;
}

} // namespace orchard::test
