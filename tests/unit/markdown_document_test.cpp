#include "ui/markdown_document.h"
#include "ui/markdown_text.h"

#include <catch2/catch.hpp>

using namespace orchard::ui::markdown;

namespace {

// The runs of a block as "text|style|link" strings, easy to compare.
std::vector<std::string> runs_of(const Document& doc, const Block& block) {
    std::vector<std::string> out;
    for (const Run& run : block.runs) {
        std::string style;
        if (run.style & kBold) style += 'b';
        if (run.style & kItalic) style += 'i';
        if (run.style & kCode) style += 'c';
        if (run.style & kStrike) style += 's';
        out.push_back(std::string(doc.run_text(run)) + "|" + style + "|" +
                      std::to_string(run.link));
    }
    return out;
}

} // namespace

TEST_CASE("markdown: headings keep their level and text", "[markdown]") {
    const Document doc = parse("# One\n\n## Two\n\n###### Six\n\nBody");
    REQUIRE(doc.blocks.size() == 4);
    CHECK(doc.blocks[0].kind == BlockKind::Heading);
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.plain_text(doc.blocks[0]) == "One");
    CHECK(doc.blocks[1].level == 2);
    CHECK(doc.blocks[2].level == 6);
    CHECK(doc.blocks[2].gap == Gap::Heading);
    CHECK(doc.blocks[3].kind == BlockKind::Paragraph);
    CHECK(doc.blocks[0].gap == Gap::None);
}

TEST_CASE("markdown: emphasis, strong, both and inline code become styled runs", "[markdown]") {
    const Document doc = parse("a *i* **b** ***bi*** `c d` ~~s~~");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(runs_of(doc, doc.blocks[0]) ==
          std::vector<std::string>{"a ||-1", "i|i|-1", " ||-1", "b|b|-1", " ||-1", "bi|bi|-1",
                                   " ||-1", "c d|c|-1", " ||-1", "s|s|-1"});
}

TEST_CASE("markdown: nested lists number their items and indent by depth", "[markdown]") {
    const Document doc = parse("3. three\n4. four\n   - inner\n     1. deep\n5. five\n\n- x\n");
    REQUIRE(doc.blocks.size() == 6);
    CHECK(doc.marker(doc.blocks[0]) == "3.");
    CHECK(doc.blocks[0].list_depth == 1);
    CHECK(doc.marker(doc.blocks[1]) == "4.");
    CHECK(doc.blocks[2].list_depth == 2);
    CHECK(doc.blocks[2].bullet);
    CHECK(doc.marker(doc.blocks[2]) == "\xE2\x97\xA6"); // ◦ at the second level
    CHECK(doc.plain_text(doc.blocks[2]) == "inner");
    CHECK(doc.marker(doc.blocks[3]) == "1.");
    CHECK(doc.blocks[3].list_depth == 3);
    CHECK(doc.marker(doc.blocks[4]) == "5.");
    CHECK(doc.plain_text(doc.blocks[4]) == "five");
    CHECK(doc.marker(doc.blocks[5]) == "\xE2\x80\xA2"); // • at the first level
    CHECK(doc.blocks[1].gap == Gap::Tight);
    CHECK(doc.blocks[5].gap == Gap::Normal); // a new list after a blank line
}

TEST_CASE("markdown: a loose list item's later paragraphs have no marker", "[markdown]") {
    const Document doc = parse("Intro\n\n1) first\n\n   more\n\n2) second\n");
    REQUIRE(doc.blocks.size() == 4);
    CHECK(doc.blocks[1].gap == Gap::Normal); // space between the intro and the list
    CHECK(doc.marker(doc.blocks[1]) == "1)");
    CHECK(doc.blocks[2].marker_length == 0);
    CHECK(doc.blocks[2].list_depth == 1);
    CHECK(doc.marker(doc.blocks[3]) == "2)");
}

TEST_CASE("markdown: an empty list item keeps its marker", "[markdown]") {
    const Document doc = parse("-\n- b\n");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].marker_length > 0);
    CHECK(doc.blocks[0].runs.empty());
}

TEST_CASE("markdown: code blocks keep whitespace verbatim", "[markdown]") {
    const Document doc = parse("```python\ndef f():\n    return  1\n\n  # end\n```\n\n"
                               "    indented\n      more\n");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].kind == BlockKind::Code);
    CHECK(doc.plain_text(doc.blocks[0]) == "def f():\n    return  1\n\n  # end");
    CHECK(doc.blocks[1].kind == BlockKind::Code);
    CHECK(doc.plain_text(doc.blocks[1]) == "indented\n  more");
    CHECK(doc.blocks[0].runs[0].style == 0); // code blocks are a block kind, not a span style
}

TEST_CASE("markdown: tabs in code blocks expand to the next stop of four", "[markdown]") {
    const Document doc = parse("```\na\tb\n\tc\n```");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.plain_text(doc.blocks[0]) == "a   b\n    c");
}

TEST_CASE("markdown: links keep their URL, autolinks too", "[markdown]") {
    const Document doc = parse("See [the *docs*](https://example.org/a?b=1&amp;c=2 \"t\") or "
                               "<mailto:x@example.org>, https://orchard.example/x and "
                               "me@example.org.");
    REQUIRE(doc.links.size() == 4);
    CHECK(doc.links[0] == "https://example.org/a?b=1&c=2");
    CHECK(doc.links[1] == "mailto:x@example.org");
    CHECK(doc.links[2] == "https://orchard.example/x");
    CHECK(doc.links[3] == "mailto:me@example.org");
    const auto runs = runs_of(doc, doc.blocks[0]);
    REQUIRE(runs.size() >= 3);
    CHECK(runs[0] == "See ||-1");
    CHECK(runs[1] == "the ||0");
    CHECK(runs[2] == "docs|i|0");
}

TEST_CASE("markdown: javascript and other schemes are not links", "[markdown]") {
    const Document doc = parse("[a](javascript:alert(1)) [b](JavaScript:x) [c](data:text/html,x) "
                               "[d](/relative) [e](HTTPS://EXAMPLE.ORG) [f](vbscript:x)");
    REQUIRE(doc.links.size() == 1);
    CHECK(doc.links[0] == "HTTPS://EXAMPLE.ORG");
    for (const Run& run : doc.blocks[0].runs) {
        if (doc.run_text(run) != "e") CHECK(run.link == -1);
    }
    CHECK(doc.plain_text(doc.blocks[0]) == "a b c d e f");
}

TEST_CASE("markdown: only http, https and mailto URLs open", "[markdown]") {
    CHECK(is_openable_url("https://example.org"));
    CHECK(is_openable_url("http://example.org/path?q=1#x"));
    CHECK(is_openable_url("mailto:someone@example.org"));
    CHECK(is_openable_url("HtTp://example.org"));
    CHECK_FALSE(is_openable_url("javascript:alert(1)"));
    CHECK_FALSE(is_openable_url(" javascript:alert(1)"));
    CHECK_FALSE(is_openable_url("https://"));
    CHECK_FALSE(is_openable_url("https://exa mple.org"));
    CHECK_FALSE(is_openable_url("https://example.org\njavascript:x"));
    CHECK_FALSE(is_openable_url(std::string("https://example.org\0x", 21)));
    CHECK_FALSE(is_openable_url("ftp://example.org"));
    CHECK_FALSE(is_openable_url(""));
}

TEST_CASE("markdown: raw HTML and images are shown as the text written", "[markdown]") {
    const Document doc = parse("<div onclick=\"x()\">hi</div>\n\n"
                               "a <b>bold</b> <script>alert(1)</script> "
                               "![cat](https://example.org/cat.png)\n\n<!-- note -->");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.plain_text(doc.blocks[0]) == "<div onclick=\"x()\">hi</div>");
    CHECK(doc.plain_text(doc.blocks[1]) ==
          "a <b>bold</b> <script>alert(1)</script> ![cat](https://example.org/cat.png)");
    CHECK(doc.plain_text(doc.blocks[2]) == "<!-- note -->");
    CHECK(doc.links.empty()); // the image is not a link either
}

TEST_CASE("markdown: block quotes, rules and breaks", "[markdown]") {
    const Document doc = parse("> quoted\n> > deeper\n\n---\n\nhard  \nbreak\nsoft");
    REQUIRE(doc.blocks.size() == 4);
    CHECK(doc.blocks[0].quote_depth == 1);
    CHECK(doc.blocks[1].quote_depth == 2);
    CHECK(doc.blocks[2].kind == BlockKind::Rule);
    CHECK(doc.plain_text(doc.blocks[3]) == "hard\nbreak soft");
    REQUIRE(doc.quotes.size() == 2);
    // The inner quote closes first.
    CHECK(doc.quotes[0].first_block == 1);
    CHECK(doc.quotes[0].last_block == 1);
    CHECK(doc.quotes[0].outer_quote_depth == 1);
    CHECK(doc.quotes[1].first_block == 0);
    CHECK(doc.quotes[1].last_block == 1);
    CHECK(doc.quotes[1].outer_quote_depth == 0);
}

TEST_CASE("markdown: character references are decoded, unknown ones kept", "[markdown]") {
    const Document doc = parse("&lt;b&gt; &amp; &#233; &#x2014; &bogus; &#0; &#x110000;");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.plain_text(doc.blocks[0]) ==
          "<b> & \xC3\xA9 \xE2\x80\x94 &bogus; \xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST_CASE("markdown: empty and blank input give no blocks", "[markdown]") {
    CHECK(parse("").blocks.empty());
    CHECK(parse("   \n\n\t\n").blocks.empty());
}

TEST_CASE("markdown: invalid UTF-8 becomes U+FFFD and does not crash", "[markdown]") {
    const std::string bad = "ok \xFF\xFE *x\xC3* \xE2\x82 \xED\xA0\x80 \xF0\x9F\x98";
    const Document doc = parse(bad);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(valid_utf8(doc.text) == doc.text);
    CHECK(doc.plain_text(doc.blocks[0]).find("ok \xEF\xBF\xBD\xEF\xBF\xBD ") == 0);
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
    CHECK(valid_utf8("caf\xC3\xA9 \xF0\x9F\x8D\x8E") == "caf\xC3\xA9 \xF0\x9F\x8D\x8E");
    // Every byte value, and a NUL, in every position md4c cares about.
    std::string noise;
    for (int i = 0; i < 256; ++i)
        noise += static_cast<char>(i);
    noise += "\n# \x80\n- \xC3\n```\n\x00\xFF\n```\n";
    const Document noisy = parse(noise);
    CHECK(valid_utf8(noisy.text) == noisy.text);
}

TEST_CASE("markdown: a message as one plain line for previews", "[markdown]") {
    CHECK(plain_line("**Install Python 3** and try `print(\"hi\")`.") ==
          "Install Python 3 and try print(\"hi\").");
    CHECK(plain_line("# Title\n\nFirst line\nsecond line\n\n- one\n- two\n\n---\n\n> quoted") ==
          "Title First line second line one two quoted");
    CHECK(plain_line("") == "");
}
