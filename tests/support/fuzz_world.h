// A real server with things for the fuzzer to point at: a prompt by another user, an acked task of
// the fuzzing user, a prize; a trusted and an untrusted API key and a signed-in guest. Rate limits
// are lifted so that none stops the fuzzer from reaching the handlers. Throws when the server
// refuses any step of the setup.
#pragma once

#include "tests/support/api_routes.h"
#include "tests/support/request_fuzzer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <string>
#include <vector>

namespace orchard::test {

// A new guest on the server at `base_url` with the terms accepted; returns its bearer token.
std::string fuzz_guest_session(const std::string& base_url);

struct FuzzWorld {
    // `server_args`: extra arguments to `orchard serve` (the fuzz test passes --quiet).
    explicit FuzzWorld(std::vector<std::string> server_args = {"--quiet"});

    TempDir dir;
    std::string trusted_key;
    std::string untrusted_key;
    TestServer server;
    SampleIds ids;
    FuzzCallers callers;

    // The fuzzer signs its guest out or deletes it now and then: a new one keeps the signed-in
    // routes reachable.
    void renew_session() { callers.session = fuzz_guest_session(server.base_url()); }
};

} // namespace orchard::test
