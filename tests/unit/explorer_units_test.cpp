// The pieces behind the explorer and the Datasets screen that need no server: search excerpts cut
// around the matched words, and download links that only this key signs and only until they
// expire.
#include "server/api/download_links.h"
#include "server/domain/search_excerpt.h"

#include <catch2/catch.hpp>
#include <string>

using orchard::domain::search_excerpt;

namespace {

std::string shown(const std::vector<orchard::protocol::TextSegment>& segments) {
    std::string text;
    for (const auto& segment : segments)
        text += segment.hit ? "[" + segment.text + "]" : segment.text;
    return text;
}

const std::string kKey(64, 'a');
const std::string kOtherKey(64, 'b');

} // namespace

TEST_CASE("search excerpt: matched words are pieces of their own") {
    CHECK(shown(search_excerpt("The \x01sky\x02 is \x01"
                               "blue\x02.",
                               300, 80)) == "The [sky] is [blue].");
    CHECK(shown(search_excerpt("no marks at all", 300, 80)) == "no marks at all");
}

TEST_CASE("search excerpt: a long text is cut around the first match, between words") {
    std::string before(200, 'x');
    for (std::size_t i = 10; i < before.size(); i += 11)
        before[i] = ' ';
    const std::string text = before + "\x01target\x02 " + std::string(400, 'y');
    const auto excerpt = search_excerpt(text, 120, 40);
    const std::string result = shown(excerpt);
    CHECK(result.starts_with("…"));
    CHECK(result.find("[target]") != std::string::npos);
    CHECK(result.ends_with("…"));
    CHECK(result.find("[target]") < 60);
}

TEST_CASE("search excerpt: cuts never split a character") {
    std::string text;
    for (int i = 0; i < 100; ++i)
        text += "Иван ";
    text += "\x01слово\x02";
    for (int i = 0; i < 100; ++i)
        text += " Иван";
    const std::string result = shown(search_excerpt(text, 101, 33));
    CHECK(result.find("[слово]") != std::string::npos);
    // Valid UTF-8: every lead byte has its continuation bytes.
    for (std::size_t i = 0; i < result.size();) {
        const auto c = static_cast<unsigned char>(result[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        REQUIRE(i + length <= result.size());
        for (std::size_t k = 1; k < length; ++k)
            CHECK((static_cast<unsigned char>(result[i + k]) & 0xC0) == 0x80);
        i += length;
    }
}

TEST_CASE("download links: signed, unchanged and in time, or refused") {
    using namespace orchard::api;
    const DownloadLink link{"format=sft&lang=en", "user-1", 1'000'000};
    const std::string token = sign_download_link(link, kKey);
    const auto read = verify_download_link(token, kKey, 999'999);
    REQUIRE(read);
    CHECK(read->query == link.query);
    CHECK(read->user_id == link.user_id);
    CHECK(read->expires_ms == link.expires_ms);

    CHECK_FALSE(verify_download_link(token, kKey, 1'000'000)); // expired
    CHECK_FALSE(verify_download_link(token, kOtherKey, 0));    // another server's key
    for (std::size_t at = 0; at < token.size(); at += 7) {
        std::string changed = token;
        changed[at] = changed[at] == 'x' ? 'y' : 'x';
        CHECK_FALSE(verify_download_link(changed, kKey, 0));
    }
    CHECK_FALSE(verify_download_link("", kKey, 0));
    CHECK_FALSE(verify_download_link("...", kKey, 0));
}
