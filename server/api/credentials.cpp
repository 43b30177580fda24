#include "server/api/credentials.h"

#include "protocol/account_limits.h"
#include "server/hashing.h"
#include "server/http/http_types.h"

#include <regex>
#include <sodium.h>
#include <stdexcept>
#include <strings.h>

namespace orchard::api {

namespace {

constexpr unsigned long long kPasswordOps = 2;
constexpr size_t kPasswordMemory = 19 * 1024 * 1024;

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

} // namespace

std::string hash_password(const std::string& password) {
    ensure_sodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kPasswordOps, kPasswordMemory,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return hash;
}

bool verify_password(const std::string& password, const std::string& hash) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_password_against_nothing(const std::string& password) {
    static const std::string unknown = hash_password("no account has this password");
    (void)verify_password(password, unknown);
}

std::optional<std::string> credentials_problem(const std::string& username,
                                               const std::string& password) {
    constexpr size_t kMinPassword = protocol::kPasswordMinLength;
    constexpr size_t kMaxPassword = protocol::kPasswordMaxLength;
    static const std::regex kUsername("[A-Za-z0-9_.-]{" +
                                      std::to_string(protocol::kUsernameMinLength) + "," +
                                      std::to_string(protocol::kUsernameMaxLength) + "}");
    if (!std::regex_match(username, kUsername))
        return "A username has 3 to 32 letters, digits, dots, dashes or underscores.";
    if (password.size() < kMinPassword || password.size() > kMaxPassword)
        return "A password has at least " + std::to_string(kMinPassword) +
               " characters (and at most " + std::to_string(kMaxPassword) + ").";
    return std::nullopt;
}

bool is_role(const std::string& role) {
    return role == "contributor" || role == "moderator" || role == "admin";
}

std::string new_session_token() {
    ensure_sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

std::string hash_session_token(const std::string& token) {
    return blake2b_hex(token, 32);
}

std::optional<std::string> bearer_token(const http::Request& request) {
    auto header = request.header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    if (!header || header->size() <= kScheme.size() ||
        strncasecmp(header->c_str(), kScheme.data(), kScheme.size()) != 0)
        return std::nullopt;
    return header->substr(kScheme.size());
}

} // namespace orchard::api
