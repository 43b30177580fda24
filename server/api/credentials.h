// Secrets of Orchard's own accounts: passwords (Argon2id) and session tokens (random 256-bit,
// stored only as a hash). API keys are in api_keys.h; what makes a
// password acceptable is an account rule (domain/accounts.h).
#pragma once

#include <optional>
#include <string>

namespace orchard::http {
struct Request;
}

namespace orchard::api {

// Argon2id with OWASP's minimum parameters (19 MiB, 2 passes): about 50 ms here, so it runs
// outside the database write.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& password, const std::string& hash);
// Takes as long as a real verification: a sign-in for an unknown username must not answer
// faster than one with a wrong password.
void verify_password_against_nothing(const std::string& password);

std::string new_session_token();
std::string hash_session_token(const std::string& token);

// The token of `Authorization: Bearer <token>`, if the request has one.
std::optional<std::string> bearer_token(const http::Request& request);

} // namespace orchard::api
