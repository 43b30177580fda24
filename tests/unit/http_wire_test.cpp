// The HTTP layer's pieces that need no socket: request targets, the head of an answer, gzip both
// ways.
#include "server/http/gzip.h"
#include "server/http/wire_format.h"

#include <catch2/catch.hpp>

using namespace orchard::http;

TEST_CASE("request targets become a decoded path and query parameters") {
    Request request;
    REQUIRE(wire::parse_target("/api/v1/messages/a%20b?lang=de&q=x+y%26z&flag&=v&&", request));
    CHECK(request.path == "/api/v1/messages/a b");
    CHECK(request.query_value("lang") == "de");
    CHECK(request.query_value("q") == "x y&z");
    CHECK(request.query_value("flag") == "");
    CHECK(request.query.size() == 4); // lang, q, flag and the empty name
    // '+' is a space only in the query; a broken escape is kept as it is.
    REQUIRE(wire::parse_target("/a+b%zz%4", request));
    CHECK(request.path == "/a+b%zz%4");
    CHECK_FALSE(wire::parse_target("http://example.org/", request));
    CHECK_FALSE(wire::parse_target("*", request));
}

TEST_CASE("the head of an answer frames it, and a header cannot break the framing") {
    Response response = Response::json(200, {{"ok", true}});
    response.set_header("X-Injected", "a\r\nSet-Cookie: stolen=1");
    response.set_header("Content-Length", "999");
    const std::string head = wire::serialize_head(response, true);
    CHECK(head.starts_with("HTTP/1.1 200 OK\r\n"));
    CHECK(head.find("Content-Length: " + std::to_string(response.body.size()) + "\r\n") !=
          std::string::npos);
    CHECK(head.find("999") == std::string::npos);
    CHECK(head.find("Set-Cookie") == std::string::npos);
    CHECK(head.find("Connection: close") == std::string::npos);
    CHECK(head.ends_with("\r\n\r\n"));
    CHECK(wire::serialize_head(response, false).find("Connection: close\r\n") != std::string::npos);

    Response not_modified;
    not_modified.status = 304;
    const std::string bare = wire::serialize_head(not_modified, true);
    CHECK(bare.find("Content-Length") == std::string::npos);
    CHECK(bare.find("Content-Type") == std::string::npos);
}

TEST_CASE("answers are gzipped when accepted and worth it") {
    Request accepts;
    accepts.headers.emplace("Accept-Encoding", "gzip, br");
    Response large = Response::json(200, {{"text", std::string(5000, 'x')}});
    const std::string original = large.body;
    wire::compress_if_worthwhile(accepts, large);
    CHECK(large.body.size() < original.size() / 10);
    CHECK(gzip_decompress(large.body, 1 << 20) == original);

    Response small = Response::json(200, {{"ok", true}});
    wire::compress_if_worthwhile(accepts, small);
    CHECK(small.body == R"({"ok":true})");

    Response plain = Response::json(200, {{"text", std::string(5000, 'x')}});
    wire::compress_if_worthwhile(Request{}, plain);
    CHECK(plain.body == original);
}

TEST_CASE("gzip_decompress stops at its limit and refuses what is not gzip") {
    const std::string data(1 << 20, 'z');
    const std::string packed = gzip_compress(data);
    CHECK(gzip_decompress(packed, 1 << 20) == data);
    CHECK_THROWS_AS(gzip_decompress(packed, (1 << 20) - 1), BodyTooLarge);
    CHECK_FALSE(gzip_decompress("{}", 1 << 20));
    CHECK_FALSE(gzip_decompress(packed.substr(0, packed.size() / 2), 1 << 20));
    CHECK_FALSE(gzip_decompress(packed + "trailing", 1 << 20));
}
