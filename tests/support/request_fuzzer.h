// The mutation fuzzer's requests and verdicts, shared by the fuzz test (which fails on a fault)
// and the soak benchmark (which runs it beside legitimate load for minutes): requests that fit a
// route (tests/support/api_routes.h), damaged by tests/support/json_mutations.h in their body,
// query, path ids and headers, sent as several kinds of caller over a raw keep-alive connection.
// Whatever a caller sends, the server must answer below 500 (503 only for the refusals
// PROTOCOL.md gives it), in the error shape, on a connection that stays up.
#pragma once

#include "tests/support/api_routes.h"
#include "tests/support/raw_http.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace orchard::test {

// The credentials the fuzzer's callers use; `session` is a signed-in guest's bearer token.
struct FuzzCallers {
    std::string trusted_key;
    std::string untrusted_key;
    std::string session;
};

struct FuzzRequest {
    ApiRoute route;
    std::string target;  // path and query, percent-encoded
    std::string headers; // header lines after Host, each ending in CRLF
    std::string body;
    // The whole HTTP/1.1 request as sent.
    std::string bytes() const;
};

// Draws requests from `rng` only, so that a seed replays a run exactly.
class RequestFuzzer {
  public:
    RequestFuzzer(std::vector<ApiRoute> routes, SampleIds ids);
    // A damaged (one in ten: undamaged) request to a random route; nullopt when that route has no
    // sample in tests/support/api_routes.cpp.
    std::optional<FuzzRequest> next(std::mt19937_64& rng, const FuzzCallers& callers) const;

  private:
    std::vector<ApiRoute> routes_;
    SampleIds ids_;
};

// What the fuzzer found, over one or more connections.
struct FuzzOutcome {
    std::uint64_t requests = 0;
    std::uint64_t server_errors = 0; // 5xx other than the 503s PROTOCOL.md allows
    std::uint64_t dropped = 0;       // no whole answer on the connection
    std::uint64_t shapeless = 0;     // 4xx/5xx without a PROTOCOL.md error object
    std::map<std::string, std::uint64_t> errors_by_route;        // every kind of failure
    std::map<std::string, std::uint64_t> server_errors_by_route; // 5xx only
    std::vector<std::string> examples; // the first few failures, to reproduce by hand
    // The first few requests answered 5xx or dropped, whole, to replay byte for byte.
    std::vector<std::string> fault_requests;

    void add(const FuzzOutcome& other);
};

// Sends fuzzed requests one at a time over a keep-alive connection, opening a new one whenever
// the server closes or drops it, and tallies each answer in an outcome.
class FuzzSender {
  public:
    explicit FuzzSender(int port);
    // False when no whole answer came (counted as dropped).
    bool send(const FuzzRequest& request, FuzzOutcome& outcome);

  private:
    int port_;
    std::unique_ptr<RawConnection> connection_;
};

// Bytes as text, non-printable ones as \xNN, cut after `limit`.
std::string printable(const std::string& bytes, size_t limit = 300);

} // namespace orchard::test
