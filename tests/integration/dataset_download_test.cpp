// Datasets from the server, as an admin gets them: the counts of the Datasets screen, a signed
// link that downloads without the session token and gives the same lines as `orchard export`,
// and links that are changed, forged or asked for by someone who is no admin refused. On
// PostgreSQL, a link made by one server downloads from another with a data folder of its own.
#include "server/http/gzip.h"
#include "tests/support/demo_with_admin.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <optional>
#include <sstream>

using json = nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Browser;

namespace {

// The sample conversations and an admin signed in.
struct Datasets : orchard::test::DemoWithAdmin {
    std::string admin = admin_token();
};

// The lines of a gzip-compressed JSON Lines body.
std::vector<std::string> gunzipped_lines(const std::string& body) {
    const auto text = orchard::http::gzip_decompress(body, 100'000'000);
    REQUIRE(text);
    std::vector<std::string> lines;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("datasets: an admin's link downloads what orchard export writes, without a token") {
    Datasets datasets;
    const ApiAnswer counts = datasets.browser->get("/api/v1/admin/datasets", datasets.admin);
    REQUIRE(counts.status == 200);
    INFO(counts.body.dump());
    CHECK(counts.body["trees"] == 50); // assets/demo/sample_trees.json
    CHECK(counts.body["states"]["ready_for_export"]["trees"] == 4);
    CHECK(counts.body["ready_for_export"]["de"]["trees"] == 1);
    CHECK(counts.body["formats"].size() == 5);

    for (const std::string format : {"oasst", "sft", "preference", "labels", "messages"}) {
        INFO(format);
        const ApiAnswer link = datasets.browser->post("/api/v1/admin/export/links",
                                                      {{"format", format}}, datasets.admin);
        REQUIRE(link.status == 200);
        const std::string url = link.body["url"];
        CHECK(url.find(datasets.admin) == std::string::npos); // the session stays out of URLs
        CHECK(link.body["file_name"].get<std::string>().ends_with(".jsonl.gz"));

        httplib::Client plain(datasets.server->base_url()); // no token, as a browser follows it
        const auto download = plain.Get(url);
        REQUIRE(download);
        REQUIRE(download->status == 200);
        CHECK(download->get_header_value("Content-Type") == "application/gzip");
        CHECK(download->get_header_value("Content-Disposition").find("attachment") == 0);

        const auto file = datasets.dir.path() / ("cli-" + format + ".jsonl");
        const auto run = orchard::test::run_orchard(
            "export --quiet --data '" + datasets.dir.path().string() + "' --format " + format +
                " --out '" + file.string() + "'",
            datasets.dir.path());
        REQUIRE(run.exit_code == 0);
        std::vector<std::string> expected;
        std::istringstream in(orchard::test::read_file(file));
        for (std::string line; std::getline(in, line);)
            expected.push_back(line);
        CHECK_FALSE(expected.empty());
        CHECK(gunzipped_lines(download->body) == expected);
    }
    // API clients with admin credentials get the file directly, by PROTOCOL.md's path.
    httplib::Client api(datasets.server->base_url());
    const auto direct = api.Get("/api/v1/admin/export?format=rm&lang=en",
                                {{"Authorization", "Bearer " + datasets.admin}});
    REQUIRE(direct);
    CHECK(direct->status == 200);
    for (const auto& line : gunzipped_lines(direct->body))
        CHECK(json::parse(line)["lang"] == "en");
}

TEST_CASE("datasets: a changed, forged or wrongly asked for link is refused") {
    Datasets datasets;
    const ApiAnswer link = datasets.browser->post(
        "/api/v1/admin/export/links", {{"format", "sft"}, {"lang", {"en"}}}, datasets.admin);
    REQUIRE(link.status == 200);
    std::string url = link.body["url"];
    httplib::Client plain(datasets.server->base_url());
    REQUIRE(plain.Get(url)->status == 200);

    // Any character changed in the signed part breaks the signature.
    const auto start = url.find("link=") + 5;
    for (std::size_t at : {start + 3, url.size() - 3}) {
        std::string changed = url;
        changed[at] = changed[at] == 'A' ? 'B' : 'A';
        const auto refused = plain.Get(changed);
        REQUIRE(refused);
        CHECK(refused->status == 403);
        CHECK(json::parse(refused->body).contains("error_code"));
    }
    CHECK(plain.Get("/api/v1/export/download")->status == 403);

    // Wrong options are refused when the link is asked for, not by the browser's download.
    for (const json& body :
         {json{{"format", "csv"}}, json{{"lang", "english please"}}, json{{"state", {"finished"}}},
          json{{"format", 7}}, json{{"lang", {1, 2}}}, json{{"all", "yes"}},
          // Options that do not go together, as on the command line.
          json{{"format", "sft"}, {"user_id", "someone"}},
          json{{"format", "labels"}, {"labels", false}}}) {
        INFO(body.dump());
        CHECK(datasets.browser->post("/api/v1/admin/export/links", body, datasets.admin).status ==
              400);
    }
    // A contributor cannot ask for one.
    const ApiAnswer guest = datasets.browser->post("/api/v1/auth/guest", {{"display_name", "G"}});
    CHECK(datasets.browser
              ->post("/api/v1/admin/export/links", {{"format", "sft"}}, guest.body["token"])
              .status == 403);
}

TEST_CASE("datasets: a killed server's export files are removed when a server starts") {
    orchard::test::TempDir dir;
    const auto stale = dir.path() / "export-left-by-a-killed-server.jsonl.gz";
    const auto fresh = dir.path() / "export-of-another-server-now.jsonl.gz";
    const auto other = dir.path() / "notes.jsonl.gz";
    for (const auto& file : {stale, fresh, other})
        std::ofstream(file) << "bytes";
    const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(2);
    std::filesystem::last_write_time(stale, old);
    std::filesystem::last_write_time(other, old);
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    CHECK_FALSE(std::filesystem::exists(stale));
    CHECK(std::filesystem::exists(fresh));
    CHECK(std::filesystem::exists(other));
}

TEST_CASE("datasets: a link made on one server downloads from another with a folder of its own",
          "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    Datasets datasets;
    // A second server of the same database on another machine: nothing of the first's folder.
    orchard::test::TempDir elsewhere;
    orchard::test::TestServer other(elsewhere.path(),
                                    {"--quiet", "--data", elsewhere.path().string(), "--database",
                                     orchard::test::database_url(datasets.dir.path())});
    const ApiAnswer link =
        datasets.browser->post("/api/v1/admin/export/links", {{"format", "sft"}}, datasets.admin);
    REQUIRE(link.status == 200);
    const std::string url = link.body["url"];
    httplib::Client first(datasets.server->base_url());
    httplib::Client second(other.base_url());
    const auto here = first.Get(url);
    const auto there = second.Get(url);
    REQUIRE(here);
    REQUIRE(there);
    REQUIRE(there->status == 200);
    CHECK(there->get_header_value("Content-Disposition") ==
          here->get_header_value("Content-Disposition"));
    const auto lines = gunzipped_lines(there->body);
    CHECK(lines.size() > 1);
    CHECK(lines == gunzipped_lines(here->body));
    // Each server wrote the file into its own folder, and left nothing there.
    for (const auto& entry : std::filesystem::directory_iterator(elsewhere.path()))
        CHECK(entry.path().filename().string().rfind("export-", 0) != 0);
}
