// The data explorer's routes on a real server loaded with the sample conversations: search finds
// a message by a word in it (any case) and marks the word, pages do not repeat, FTS5 syntax typed
// by people is inert, a message's details carry its author and labels once its tree is settled,
// and what is deleted stays out of sight.
#include "tests/support/demo_with_admin.h"

#include <catch2/catch.hpp>
#include <set>

using json = nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Browser;

namespace {

// The sample conversations, read by a guest.
struct Explorer : orchard::test::DemoWithAdmin {
    std::string token = guest_token("Reader");
    ApiAnswer get(const std::string& path) { return browser->get(path, token); }
};

std::string joined(const json& excerpt) {
    std::string text;
    for (const auto& segment : excerpt)
        text += segment["text"].get<std::string>();
    return text;
}

std::string lowered(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

TEST_CASE("explorer: search finds a message by a word in it and marks the word") {
    Explorer explorer;
    const ApiAnswer found = explorer.get("/api/v1/explorer/search?q=SUNSET");
    REQUIRE(found.status == 200);
    REQUIRE_FALSE(found.body["items"].empty());
    for (const auto& hit : found.body["items"]) {
        INFO(hit.dump());
        int marked = 0;
        for (const auto& segment : hit["excerpt"])
            if (segment["hit"].get<bool>()) {
                CHECK(lowered(segment["text"]) == "sunset");
                ++marked;
            }
        CHECK(marked >= 1);
        // The hit's message is in the tree it names, with the text the excerpt was cut from.
        const ApiAnswer tree =
            explorer.get("/api/v1/messages/" + hit["message_id"].get<std::string>() + "/tree");
        REQUIRE(tree.status == 200);
        CHECK(tree.body["id"] == hit["message_tree_id"]);
        bool in_tree = false;
        for (const auto& message : tree.body["messages"])
            if (message["id"] == hit["message_id"]) {
                in_tree = true;
                std::string excerpt = joined(hit["excerpt"]);
                // "…" stands for what the window left out.
                const std::string ellipsis = "…";
                while (excerpt.starts_with(ellipsis))
                    excerpt.erase(0, ellipsis.size());
                while (excerpt.ends_with(ellipsis))
                    excerpt.resize(excerpt.size() - ellipsis.size());
                CHECK(message["text"].get<std::string>().find(excerpt) != std::string::npos);
            }
        CHECK(in_tree);
    }
    // A German word, in German trees only when asked for.
    const ApiAnswer german = explorer.get("/api/v1/explorer/search?q=Vortrag&lang=de");
    REQUIRE(german.status == 200);
    REQUIRE_FALSE(german.body["items"].empty());
    for (const auto& hit : german.body["items"])
        CHECK(hit["lang"] == "de");
    CHECK(explorer.get("/api/v1/explorer/search?q=Vortrag&lang=en").body["items"].empty());
}

TEST_CASE("explorer: search pages go on without repeating and people's FTS5 syntax is inert") {
    Explorer explorer;
    std::set<std::string> seen;
    std::string path = "/api/v1/explorer/search?q=the&max_count=3";
    int pages = 0;
    while (true) {
        const ApiAnswer page = explorer.get(path);
        REQUIRE(page.status == 200);
        for (const auto& hit : page.body["items"])
            CHECK(seen.insert(hit["message_id"].get<std::string>()).second);
        ++pages;
        if (page.body["next"].is_null()) break;
        path = "/api/v1/explorer/search?q=the&max_count=3&before=" +
               page.body["next"].get<std::string>();
        REQUIRE(pages < 200);
    }
    CHECK(seen.size() > 6);
    CHECK(pages > 2);

    for (const std::string query :
         {"%22", "sky%20OR", "NEAR(a%20b)", "*", "sky%22%20OR%20%22", "col:umn", "-x", "%5E"}) {
        INFO(query);
        CHECK(explorer.get("/api/v1/explorer/search?q=" + query).status == 200);
    }
    CHECK(explorer.get("/api/v1/explorer/search?q=%20%20").status == 400);
    CHECK(explorer.get("/api/v1/explorer/search").status == 400);
    CHECK(explorer.get("/api/v1/explorer/search?q=sky&before=yesterday").status == 400);
    CHECK(explorer.get("/api/v1/explorer/search?q=sky&lang=not%20a%20language").status == 400);
    CHECK(explorer.get("/api/v1/explorer/search?q=sky&max_count=100000").status == 400);
}

TEST_CASE("explorer: the newest trees of a language, page after page") {
    Explorer explorer;
    std::set<std::string> seen;
    std::string previous_date = "9999";
    std::string path = "/api/v1/explorer/trees?lang=en&max_count=4";
    while (true) {
        const ApiAnswer page = explorer.get(path);
        REQUIRE(page.status == 200);
        for (const auto& card : page.body["items"]) {
            INFO(card.dump());
            CHECK(card["lang"] == "en");
            CHECK(card["message_count"].get<int>() >= 1);
            CHECK_FALSE(card["prompt_excerpt"].get<std::string>().empty());
            CHECK(card["created_date"].get<std::string>() <= previous_date);
            previous_date = card["created_date"];
            CHECK(seen.insert(card["message_tree_id"].get<std::string>()).second);
        }
        if (page.body["next"].is_null()) break;
        path = "/api/v1/explorer/trees?lang=en&max_count=4&before=" +
               page.body["next"].get<std::string>();
    }
    CHECK(seen.size() == 30); // the English trees of assets/demo/sample_trees.json
    CHECK(explorer.get("/api/v1/explorer/trees?before=12").status == 400);
}

TEST_CASE("explorer: a message's details, with labels once its tree is settled") {
    Explorer explorer;
    // A reply of an exported tree: reviewed, labeled and ranked.
    const ApiAnswer found = explorer.get("/api/v1/explorer/search?q=Rayleigh");
    REQUIRE(found.status == 200);
    REQUIRE_FALSE(found.body["items"].empty());
    const std::string id = found.body["items"][0]["message_id"];
    const ApiAnswer details = explorer.get("/api/v1/explorer/messages/" + id);
    REQUIRE(details.status == 200);
    INFO(details.body.dump());
    CHECK(details.body["message_id"] == id);
    CHECK_FALSE(details.body["author_display_name"].get<std::string>().empty());
    CHECK(details.body["tree_state"] == "ready_for_export");
    CHECK(details.body["labels_shown"] == true);
    REQUIRE_FALSE(details.body["labels"].empty());
    for (const auto& [name, summary] : details.body["labels"].items()) {
        CHECK(summary["count"].get<int>() >= 1);
        CHECK(summary["value"].get<double>() >= 0);
        CHECK(summary["value"].get<double>() <= 1);
    }

    // A growing tree's labels are not shown to contributors: nobody labels by what others said.
    const ApiAnswer growing = explorer.get("/api/v1/explorer/trees?lang=en&max_count=100");
    std::string growing_id;
    for (const auto& card : growing.body["items"])
        if (card["state"] == "growing") growing_id = card["message_tree_id"];
    REQUIRE_FALSE(growing_id.empty());
    const ApiAnswer hidden = explorer.get("/api/v1/explorer/messages/" + growing_id);
    REQUIRE(hidden.status == 200);
    CHECK(hidden.body["labels_shown"] == false);
    CHECK(hidden.body["labels"].empty());

    CHECK(explorer.get("/api/v1/explorer/messages/no-such-message").status == 404);
}

TEST_CASE("explorer: a deleted message is out of search and details, but for moderators") {
    Explorer explorer;
    const ApiAnswer found = explorer.get("/api/v1/explorer/search?q=Rayleigh");
    REQUIRE_FALSE(found.body["items"].empty());
    const std::string id = found.body["items"][0]["message_id"];
    const std::string admin = explorer.admin_token();
    REQUIRE(explorer.browser->del("/api/v1/messages/" + id, admin).status == 204);
    const ApiAnswer after = explorer.get("/api/v1/explorer/search?q=Rayleigh");
    for (const auto& hit : after.body["items"])
        CHECK(hit["message_id"] != id);
    CHECK(explorer.get("/api/v1/explorer/messages/" + id).status == 404);
    CHECK(explorer.browser->get("/api/v1/explorer/messages/" + id, admin).status == 200);
}
