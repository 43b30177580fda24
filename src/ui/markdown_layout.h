// Lays a Markdown Document out at a width: words wrapped into lines of mixed-font fragments,
// plus the boxes behind them (code panels, quote bars, rules). Done once per text, width and font
// set and kept, so that a frame only draws the lines it can see.
//
// Plain C++: fonts are reached through TextMeasure, so tests wrap with a fixed-advance font and
// the client measures with ImGui's. All coordinates are CSS pixels relative to the top left.
#pragma once

#include "ui/markdown_document.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace orchard::ui::markdown {

enum class Font : std::uint8_t { Body, Bold, Italic, BoldItalic, Mono, Title, Heading };
constexpr int kFontCount = 7;

struct FontMetrics {
    float height = 0; // line height
    float ascent = 0; // from the top of the line to the baseline
};

class TextMeasure {
  public:
    virtual ~TextMeasure() = default;
    // The advance of `text`, which holds no line breaks. Widths must add up: the width of "ab"
    // is the width of "a" plus that of "b" (true of ImGui, which does not kern).
    virtual float width(Font font, std::string_view text) const = 0;
    virtual FontMetrics metrics(Font font) const = 0;
};

// Bits of Fragment::flags.
enum FragmentFlag : std::uint8_t {
    kInlineCode = 1, // drawn on a tinted background
    kLinkText = 2,
    kStruck = 4,
    kQuoted = 8,        // inside a block quote: muted colour
    kMarker = 16,       // a list item's number
    kBulletMarker = 32, // a list item's bullet, drawn as a shape over the fragment's box
};

struct Fragment {
    float x = 0;
    float width = 0;
    std::uint32_t offset = 0; // text in Document::text
    std::uint32_t length = 0;
    Font font = Font::Body;
    std::uint8_t flags = 0;
    std::int32_t link = -1; // index into Document::links
};

struct Line {
    float y = 0; // top
    float height = 0;
    float baseline = 0;      // from the top
    std::uint32_t first = 0; // fragments [first, first + count)
    std::uint32_t count = 0;
    bool continues = false; // a code line too long for the panel goes on in the next line
    bool code = false;      // a line of a code block, left to right in any text
};

enum class BoxKind : std::uint8_t { CodePanel, QuoteBar, Rule };

struct Box {
    BoxKind kind;
    float x0, y0, x1, y1;
};

// Spacing in CSS pixels.
struct LayoutStyle {
    float paragraph_gap = 12;
    float tight_gap = 4;
    float heading_gap = 18;
    float line_gap = 3; // added between the lines of a block
    float code_line_gap = 2;
    float list_indent = 28;
    float marker_gap = 8; // between a list marker and the item's text
    float bullet_width = 6;
    float quote_indent = 18;
    float quote_bar_width = 3;
    float code_padding_x = 12;
    float code_padding_y = 10;
    float rule_height = 17;
    float min_text_width = 120; // deep nesting stops indenting before this is left
};

struct Layout {
    std::vector<Fragment> fragments;
    std::vector<Line> lines; // top to bottom
    std::vector<Box> boxes;
    float height = 0;
};

Layout lay_out(const Document& doc, float width, const TextMeasure& measure,
               const LayoutStyle& style = {});

// The layout of a right-to-left text (Arabic, Hebrew, ...): flipped left for right, so that a
// line's first words are at its right edge, its list markers and quote bars on the right. Code
// blocks keep their left-to-right lines and panels.
void mirror(Layout& layout, float width);

// The font a run is drawn in, from its style and its block.
Font font_for(const Block& block, std::uint8_t run_style);

} // namespace orchard::ui::markdown
