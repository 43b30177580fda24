#include "server/api/download_links.h"

#include "server/hashing.h"

#include <array>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <stdexcept>

namespace orchard::api {

namespace {

using Key = std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES>;
using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

Key key_from(const std::string& hex) {
    Key key{};
    std::size_t length = 0;
    if (sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) !=
            0 ||
        length != key.size())
        throw std::runtime_error("the download link key in server_meta is not 64 hex digits");
    return key;
}

Mac mac_of(const std::string& payload, const Key& key) {
    Mac mac{};
    crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(payload.data()),
                           payload.size(), key.data());
    return mac;
}

} // namespace

std::string sign_download_link(const DownloadLink& link, const std::string& key_hex) {
    const std::string json =
        nlohmann::json{{"q", link.query}, {"u", link.user_id}, {"e", link.expires_ms}}.dump();
    const std::string payload = base64url(json);
    const Mac mac = mac_of(payload, key_from(key_hex));
    return payload + "." +
           base64url(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

std::optional<DownloadLink> verify_download_link(const std::string& token,
                                                 const std::string& key_hex, std::int64_t now_ms) {
    const auto dot = token.find('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::string payload = token.substr(0, dot);
    const auto mac = from_base64url(token.substr(dot + 1));
    if (!mac || mac->size() != crypto_auth_hmacsha256_BYTES) return std::nullopt;
    const Key key = key_from(key_hex);
    if (crypto_auth_hmacsha256_verify(reinterpret_cast<const unsigned char*>(mac->data()),
                                      reinterpret_cast<const unsigned char*>(payload.data()),
                                      payload.size(), key.data()) != 0)
        return std::nullopt;
    // Signed by this server: the payload is what sign_download_link wrote.
    const auto bytes = from_base64url(payload);
    if (!bytes) return std::nullopt;
    const auto json = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
    if (!json.is_object()) return std::nullopt;
    const auto query = json.find("q"), user = json.find("u"), expires = json.find("e");
    if (query == json.end() || !query->is_string() || user == json.end() || !user->is_string() ||
        expires == json.end() || !expires->is_number_integer())
        return std::nullopt;
    DownloadLink link{query->get<std::string>(), user->get<std::string>(),
                      expires->get<std::int64_t>()};
    if (now_ms >= link.expires_ms) return std::nullopt;
    return link;
}

} // namespace orchard::api
