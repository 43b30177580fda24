// The Markdown of a message as a flat list of blocks of styled text runs, parsed with md4c.
// Plain C++ without ImGui, so it is tested natively; markdown_layout.h wraps it into lines and
// markdown_view.h draws them.
//
// What is kept: paragraphs, headings, emphasis, strong, inline code, code blocks, lists (nested,
// numbered), block quotes, rules, links to http/https/mailto, hard and soft breaks. Raw HTML and
// images stay visible as the text that was written: nothing in a message is ever interpreted as
// HTML or fetched.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::ui::markdown {

// Bits of Run::style.
enum Style : std::uint8_t {
    kBold = 1,
    kItalic = 2,
    kCode = 4, // inline code; code blocks are a block kind
    kStrike = 8,
};

struct Run {
    std::uint32_t offset = 0; // into Document::text
    std::uint32_t length = 0;
    std::uint8_t style = 0; // Style bits
    std::int32_t link = -1; // index into Document::links, or -1
};

enum class BlockKind : std::uint8_t { Paragraph, Heading, Code, Rule };

// The space above a block, decided here because it depends on the structure around it.
enum class Gap : std::uint8_t { None, Tight, Normal, Heading };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    Gap gap = Gap::Normal;
    int level = 0;       // heading level, 1 to 6
    int quote_depth = 0; // block quotes around the block
    int list_depth = 0;  // list items around the block
    // The marker of the list item this block starts ("•", "◦", "▪" or "12."), else empty.
    std::uint32_t marker_offset = 0;
    std::uint32_t marker_length = 0;
    bool bullet = false; // the marker is a bullet, drawn as a shape
    // Text runs; in code blocks one run whose lines end with '\n' (none after the last line).
    std::vector<Run> runs;
};

// A block quote spans consecutive blocks; its bar is drawn at the indentation around it.
struct Quote {
    std::uint32_t first_block = 0;
    std::uint32_t last_block = 0;
    int outer_quote_depth = 0;
    int outer_list_depth = 0;
};

struct Document {
    std::string text; // all run and marker text, referenced by offset
    std::vector<Block> blocks;
    std::vector<Quote> quotes;
    std::vector<std::string> links; // URLs, all of them is_openable_url

    std::string_view run_text(const Run& run) const {
        return std::string_view(text).substr(run.offset, run.length);
    }
    std::string_view marker(const Block& block) const {
        return std::string_view(text).substr(block.marker_offset, block.marker_length);
    }
    // The block's text without styles, for tests and accessibility.
    std::string plain_text(const Block& block) const;
};

Document parse(std::string_view markdown);

// A message as one line of plain text for previews: the blocks' text without Markdown's marks
// ("**", "`", "#", list markers), joined by spaces, line breaks as spaces.
std::string plain_line(std::string_view markdown);

// Only these become links: a message must not run script or open other schemes.
bool is_openable_url(std::string_view url);

} // namespace orchard::ui::markdown
