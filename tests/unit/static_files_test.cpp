#include "server/http/gzip.h"
#include "server/http/static_files.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace orchard::http;

namespace {

void write(const std::filesystem::path& file, const std::string& content) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
}

std::string gunzip(const std::string& data) {
    return gzip_decompress(data, 16 << 20).value_or("");
}

std::string header(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return "";
}

Request get(std::string path,
            std::initializer_list<std::pair<std::string, std::string>> headers = {}) {
    Request request;
    request.method = "GET";
    request.path = std::move(path);
    for (const auto& [name, value] : headers)
        request.headers.emplace(name, value);
    return request;
}

} // namespace

TEST_CASE("static files: types, gzip, validators and cache lifetimes") {
    orchard::test::TempDir dir;
    const std::string wasm(20000, 'w');
    write(dir.path() / "orchard.wasm", wasm);
    write(dir.path() / "index.html",
          "<script src=\"orchard.js?v=%ORCHARD_ASSET_VERSION%\"></script>");
    write(dir.path() / "icons" / "icon.svg", "<svg/>");
    const auto files = StaticFiles::load(dir.path());
    CHECK(files.file_count() == 3);
    REQUIRE(files.asset_version().size() == 16);

    SECTION("the page names the current asset version") {
        auto response = files.serve(get("/"));
        REQUIRE(response);
        CHECK(response->content_type == "text/html; charset=utf-8");
        CHECK(response->body_bytes().find(files.asset_version()) != std::string::npos);
        CHECK(header(*response, "Cache-Control") == "no-cache");
    }
    SECTION("wasm is served as application/wasm, gzip when accepted") {
        auto plain = files.serve(get("/orchard.wasm"));
        REQUIRE(plain);
        CHECK(plain->content_type == "application/wasm");
        CHECK(plain->body_bytes() == wasm);
        CHECK(header(*plain, "Content-Encoding").empty());
        auto zipped = files.serve(get("/orchard.wasm", {{"accept-encoding", "gzip, br"}}));
        REQUIRE(zipped);
        CHECK(header(*zipped, "Content-Encoding") == "gzip");
        CHECK(zipped->body_bytes().size() < wasm.size() / 10);
        CHECK(gunzip(std::string(zipped->body_bytes())) == wasm);
        CHECK(header(*zipped, "ETag") != header(*plain, "ETag"));
    }
    SECTION("a matching ETag answers 304 without a body") {
        auto first = files.serve(get("/orchard.wasm"));
        auto again = files.serve(get("/orchard.wasm", {{"If-None-Match", header(*first, "ETag")}}));
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body_bytes().empty());
    }
    SECTION("only the current asset version is cached for a year") {
        auto versioned = files.serve(get("/orchard.wasm"));
        CHECK(header(*versioned, "Cache-Control") == "no-cache");
        auto request = get("/orchard.wasm");
        request.query.emplace("v", files.asset_version());
        CHECK(header(*files.serve(request), "Cache-Control") ==
              "public, max-age=31536000, immutable");
        request.query.clear();
        request.query.emplace("v", "stale");
        CHECK(header(*files.serve(request), "Cache-Control") == "no-cache");
    }
    SECTION("files in folders and unknown paths") {
        CHECK(files.serve(get("/icons/icon.svg"))->content_type == "image/svg+xml");
        CHECK_FALSE(files.serve(get("/missing.js")));
        CHECK_FALSE(files.serve(get("/../etc/passwd")));
    }
}

TEST_CASE("the asset version changes when any file changes") {
    orchard::test::TempDir dir;
    write(dir.path() / "a.js", "one");
    const auto before = StaticFiles::load(dir.path()).asset_version();
    write(dir.path() / "a.js", "two");
    CHECK(StaticFiles::load(dir.path()).asset_version() != before);
}

TEST_CASE("static files answer one range, and ignore lists of ranges") {
    orchard::test::TempDir dir;
    write(dir.path() / "data.bin", "0123456789");
    const auto files = StaticFiles::load(dir.path());
    auto get = [&](const std::string& range) {
        Request request;
        request.method = "GET";
        request.path = "/data.bin";
        request.headers.emplace("Range", range);
        return *files.serve(request);
    };
    CHECK(get("bytes=2-4").status == 206);
    CHECK(get("bytes=2-4").body_bytes() == "234");
    CHECK(get("bytes=7-").body_bytes() == "789");
    CHECK(get("bytes=-3").body_bytes() == "789");
    CHECK(get("bytes=8-100").body_bytes() == "89");
    CHECK(get("bytes=10-").status == 416);
    CHECK(get("bytes=0-1,3-4").status == 200);
    CHECK(get("bytes=0-1,3-4").body_bytes() == "0123456789");
    CHECK(get("bytes=5-2").status == 200);
    CHECK(get("items=0-1").status == 200);
}
