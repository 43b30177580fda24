#include "server/http/static_files.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <zlib.h>

using namespace orchard::http;

namespace {

void write(const std::filesystem::path& file, const std::string& content) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
}

std::string gunzip(const std::string& data) {
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    std::string out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    inflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
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
        CHECK(response->body.find(files.asset_version()) != std::string::npos);
        CHECK(header(*response, "Cache-Control") == "no-cache");
    }
    SECTION("wasm is served as application/wasm, gzip when accepted") {
        auto plain = files.serve(get("/orchard.wasm"));
        REQUIRE(plain);
        CHECK(plain->content_type == "application/wasm");
        CHECK(plain->body == wasm);
        CHECK(header(*plain, "Content-Encoding").empty());
        auto zipped = files.serve(get("/orchard.wasm", {{"accept-encoding", "gzip, br"}}));
        REQUIRE(zipped);
        CHECK(header(*zipped, "Content-Encoding") == "gzip");
        CHECK(zipped->body.size() < wasm.size() / 10);
        CHECK(gunzip(zipped->body) == wasm);
        CHECK(header(*zipped, "ETag") != header(*plain, "ETag"));
    }
    SECTION("a matching ETag answers 304 without a body") {
        auto first = files.serve(get("/orchard.wasm"));
        auto again = files.serve(get("/orchard.wasm", {{"If-None-Match", header(*first, "ETag")}}));
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
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
