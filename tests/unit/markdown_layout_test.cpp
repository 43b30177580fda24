#include "ui/markdown_layout.h"

#include <catch2/catch.hpp>

using namespace orchard::ui::markdown;

namespace {

// Every character is 10 px wide (20 in bold, to tell fonts apart); lines are 20 px, code 16.
class FixedMeasure final : public TextMeasure {
  public:
    float width(Font font, std::string_view text) const override {
        float characters = 0;
        for (const char c : text) {
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
        }
        return characters * (font == Font::Bold ? 20.0f : 10.0f);
    }
    FontMetrics metrics(Font font) const override {
        if (font == Font::Mono) return {16, 12};
        if (font == Font::Title) return {40, 30};
        return {20, 15};
    }
};

LayoutStyle plain_style() {
    LayoutStyle style;
    style.line_gap = 0;
    style.code_line_gap = 0;
    return style;
}

// The text of each line, fragments joined with '|'.
std::vector<std::string> line_texts(const Document& doc, const Layout& layout) {
    std::vector<std::string> out;
    for (const Line& line : layout.lines) {
        std::string text;
        for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
            if (i > line.first) text += '|';
            const Fragment& f = layout.fragments[i];
            text += doc.text.substr(f.offset, f.length);
        }
        out.push_back(text);
    }
    return out;
}

} // namespace

TEST_CASE("markdown layout: words wrap at spaces and merge into one fragment per line",
          "[markdown]") {
    const Document doc = parse("aaa bbb ccc dddd e");
    const Layout layout = lay_out(doc, 80, FixedMeasure(), plain_style());
    CHECK(line_texts(doc, layout) == std::vector<std::string>{"aaa bbb", "ccc dddd", "e"});
    REQUIRE(layout.lines.size() == 3);
    CHECK(layout.lines[1].y == 20);
    CHECK(layout.lines[1].baseline == 15);
    CHECK(layout.fragments[layout.lines[1].first].width == 80);
    CHECK(layout.height == 60);
}

TEST_CASE("markdown layout: a word longer than the line breaks between characters", "[markdown]") {
    const Document doc = parse("go https://example.org/é/long");
    const Layout layout = lay_out(doc, 100, FixedMeasure(), plain_style());
    CHECK(line_texts(doc, layout) ==
          std::vector<std::string>{"go", "https://ex", "ample.org/", "\xC3\xA9/long"});
}

TEST_CASE("markdown layout: a word spanning styles stays whole", "[markdown]") {
    const Document doc = parse("aaaaaa **b**cd");
    const Layout layout = lay_out(doc, 90, FixedMeasure(), plain_style());
    CHECK(line_texts(doc, layout) == std::vector<std::string>{"aaaaaa", "b|cd"});
    const Fragment& cd = layout.fragments[layout.lines[1].first + 1];
    CHECK(cd.x == 20); // after the 20 px bold "b"
    CHECK(layout.fragments[layout.lines[1].first].font == Font::Bold);
}

TEST_CASE("markdown layout: hard breaks end lines, and spaces at a wrap are dropped",
          "[markdown]") {
    const Document doc = parse("one\\\ntwo three");
    const Layout layout = lay_out(doc, 60, FixedMeasure(), plain_style());
    CHECK(line_texts(doc, layout) == std::vector<std::string>{"one", "two", "three"});
}

TEST_CASE("markdown layout: code keeps spaces and wraps only when a line is too long",
          "[markdown]") {
    const Document doc = parse("```\n  a b\n\nabcdefghijkl\n```");
    LayoutStyle style = plain_style();
    style.code_padding_x = 5;
    style.code_padding_y = 4;
    const Layout layout = lay_out(doc, 110, FixedMeasure(), style);
    CHECK(line_texts(doc, layout) == std::vector<std::string>{"  a b", "", "abcdefghij", "kl"});
    REQUIRE(layout.boxes.size() == 1);
    CHECK(layout.boxes[0].kind == BoxKind::CodePanel);
    CHECK(layout.boxes[0].y1 == 4 + 4 * 16 + 4);
    CHECK(layout.fragments[0].x == 5);
    CHECK(layout.fragments[0].font == Font::Mono);
    CHECK(layout.lines[2].continues);
    CHECK_FALSE(layout.lines[3].continues);
    CHECK_FALSE(layout.lines[0].continues);
}

TEST_CASE("markdown layout: list markers sit left of the indented text", "[markdown]") {
    const Document doc = parse("1. one\n2. two\n   - sub");
    LayoutStyle style = plain_style();
    const Layout layout = lay_out(doc, 400, FixedMeasure(), style);
    REQUIRE(layout.lines.size() == 3);
    const Fragment& marker = layout.fragments[layout.lines[0].first];
    CHECK(marker.flags & kMarker);
    CHECK(marker.x + marker.width + style.marker_gap == style.list_indent);
    const Fragment& text = layout.fragments[layout.lines[0].first + 1];
    CHECK(text.x == style.list_indent);
    const Fragment& bullet = layout.fragments[layout.lines[2].first];
    CHECK(bullet.flags & kBulletMarker);
    CHECK(layout.fragments[layout.lines[2].first + 1].x == 2 * style.list_indent);
    CHECK(layout.lines[1].y == 20 + style.tight_gap);
}

TEST_CASE("markdown layout: lines are ordered top to bottom for visibility search", "[markdown]") {
    const Document doc =
        parse("# Title\n\npara one two three four five\n\n> quote\n> more\n\n---\n\n```\nx\n```");
    const Layout layout = lay_out(doc, 120, FixedMeasure());
    for (std::size_t i = 1; i < layout.lines.size(); ++i) {
        CHECK(layout.lines[i].y >= layout.lines[i - 1].y + layout.lines[i - 1].height);
    }
    CHECK(layout.lines[0].height == 40);
    bool quote_bar = false, rule = false;
    for (const Box& box : layout.boxes) {
        quote_bar = quote_bar || box.kind == BoxKind::QuoteBar;
        rule = rule || box.kind == BoxKind::Rule;
    }
    CHECK(quote_bar);
    CHECK(rule);
    CHECK(layout.height >= layout.lines.back().y + layout.lines.back().height);
}

TEST_CASE("markdown layout: deep nesting and tiny widths still make progress", "[markdown]") {
    const Document doc = parse(std::string(60, '>') + " deep text here");
    const Layout narrow = lay_out(doc, 300, FixedMeasure());
    REQUIRE_FALSE(narrow.fragments.empty());
    CHECK(narrow.fragments[0].x <= 150);
    const Layout tiny = lay_out(parse("abc def"), 0, FixedMeasure());
    CHECK(line_texts(parse("abc def"), tiny).size() == 6); // one character a line
    CHECK(lay_out(parse(""), 100, FixedMeasure()).height == 0);
}

TEST_CASE("markdown layout: a right-to-left text is mirrored, its code blocks are not",
          "[markdown]") {
    const Document doc = parse("> aaa **bb** c\n\n```\nxy\n```\n");
    const Layout left = lay_out(doc, 200, FixedMeasure(), plain_style());
    Layout right = left;
    mirror(right, 200);
    REQUIRE(right.lines.size() == left.lines.size());
    bool saw_code = false, saw_text = false;
    for (const Line& line : left.lines) {
        for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
            const Fragment& l = left.fragments[i];
            const Fragment& r = right.fragments[i];
            CHECK(r.width == l.width);
            if (line.code) {
                saw_code = true;
                CHECK(r.x == l.x);
            } else {
                saw_text = true;
                // The same distance from the right edge as it had from the left one.
                CHECK(200 - (r.x + r.width) == Approx(l.x));
            }
        }
    }
    CHECK(saw_code);
    CHECK(saw_text);
    // The first words of the line are now to the right of the later ones.
    const Line& quoted = right.lines.front();
    REQUIRE(quoted.count >= 2);
    CHECK(right.fragments[quoted.first].x > right.fragments[quoted.first + 1].x);
    for (std::size_t i = 0; i < left.boxes.size(); ++i) {
        if (left.boxes[i].kind == BoxKind::CodePanel) {
            CHECK(right.boxes[i].x0 == left.boxes[i].x0);
        } else {
            CHECK(right.boxes[i].x1 == Approx(200 - left.boxes[i].x0)); // the quote bar: right
            CHECK(right.boxes[i].x0 == Approx(200 - left.boxes[i].x1));
        }
    }
}
