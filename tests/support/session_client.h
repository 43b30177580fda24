// A browser-like client of Orchard's own API: no API key, a bearer token once signed in
// (PROTOCOL.md §9), for integration tests of accounts and of what signed-in people do.
#pragma once

#include "tests/support/frontend.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

namespace orchard::test {

// A browser-like client: no API key, a bearer token once signed in.
class Browser {
  public:
    explicit Browser(const std::string& base_url) : http_(base_url) {}
    ApiAnswer post(const std::string& path, const nlohmann::json& body,
                   const std::string& token = "") {
        return answer(http_.Post(path, headers(token), body.dump(), "application/json"));
    }
    ApiAnswer get(const std::string& path, const std::string& token = "") {
        return answer(http_.Get(path, headers(token)));
    }
    ApiAnswer put(const std::string& path, const nlohmann::json& body, const std::string& token) {
        return answer(http_.Put(path, headers(token), body.dump(), "application/json"));
    }
    ApiAnswer del(const std::string& path, const std::string& token) {
        return answer(http_.Delete(path, headers(token)));
    }

  private:
    static httplib::Headers headers(const std::string& token) {
        if (token.empty()) return {};
        return {{"Authorization", "Bearer " + token}};
    }
    static ApiAnswer answer(const httplib::Result& result) {
        if (!result) return {0, nullptr};
        return {result->status, result->body.empty()
                                    ? nlohmann::json(nullptr)
                                    : nlohmann::json::parse(result->body, nullptr, false)};
    }
    httplib::Client http_;
};

} // namespace orchard::test
