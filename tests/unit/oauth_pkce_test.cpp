#include "server/oauth/pkce.h"

#include <catch2/catch.hpp>
#include <regex>

using namespace orchard::oauth;

TEST_CASE("PKCE: the S256 challenge of RFC 7636's example verifier (Appendix B)") {
    CHECK(s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") ==
          "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_CASE("PKCE: verifiers and states are 256 random bits in base64url, never the same twice") {
    const std::string first = random_secret();
    const std::string second = random_secret();
    // 43 characters is also the shortest verifier RFC 7636 allows.
    CHECK(std::regex_match(first, std::regex("[A-Za-z0-9_-]{43}")));
    CHECK(std::regex_match(second, std::regex("[A-Za-z0-9_-]{43}")));
    CHECK(first != second);
    CHECK(std::regex_match(s256_challenge(first), std::regex("[A-Za-z0-9_-]{43}")));
}
