#include "ui/markdown_layout.h"

#include "ui/markdown_text.h"

#include <algorithm>

namespace orchard::ui::markdown {

namespace {

// One piece of text in one style on its way into a line.
struct Piece {
    std::uint32_t offset;
    std::uint32_t length;
    Font font;
    std::uint8_t flags;
    std::int32_t link;
};

std::uint8_t fragment_flags(const Block& block, const Run& run) {
    std::uint8_t flags = 0;
    if (run.style & kCode) flags |= kInlineCode;
    if (run.style & kStrike) flags |= kStruck;
    if (run.link >= 0) flags |= kLinkText;
    if (block.quote_depth > 0) flags |= kQuoted;
    return flags;
}

// Fills lines left to right between x0 and x1, starting a new line when asked or when a piece
// does not fit. Neighbouring pieces in the same style merge into one fragment, so a frame
// draws a handful of fragments per line rather than one per word.
class LineFiller {
  public:
    LineFiller(Layout& out, const Document& doc, const TextMeasure& measure, float x0, float x1,
               float y, float line_gap, Font base_font)
        : out_(out), doc_(doc), measure_(measure), x0_(x0), x1_(std::max(x1, x0 + 1)), y_(y),
          line_gap_(line_gap), base_font_(base_font) {
        start_line();
    }

    float x() const { return x_; }
    float room() const { return x1_ - x_; }
    bool line_empty() const { return x_ == x0_; }

    float width(const Piece& piece) const {
        return measure_.width(piece.font, text(piece.offset, piece.length));
    }

    void place(const Piece& piece, float width) {
        Line& line = out_.lines.back();
        if (line.count > 0) {
            Fragment& last = out_.fragments.back();
            if (last.font == piece.font && last.flags == piece.flags && last.link == piece.link &&
                last.offset + last.length == piece.offset) {
                last.length += piece.length;
                last.width += width;
                x_ += width;
                return;
            }
        }
        out_.fragments.push_back(
            {x_, width, piece.offset, piece.length, piece.font, piece.flags, piece.link});
        ++line.count;
        x_ += width;
    }

    // A fragment at a fixed place that does not move the pen: a list marker left of the text.
    void place_aside(const Piece& piece, float x, float width) {
        out_.fragments.push_back(
            {x, width, piece.offset, piece.length, piece.font, piece.flags, piece.link});
        ++out_.lines.back().count; // its flags keep the text after it from merging into it
    }

    // Places a piece that is wider than a line, breaking it between characters; `mark` flags the
    // lines it continues from (for code, where a break is not the author's).
    void place_broken(const Piece& piece, bool mark = false) {
        std::uint32_t at = 0;
        while (at < piece.length) {
            const std::string_view rest = text(piece.offset + at, piece.length - at);
            const auto length = static_cast<std::uint32_t>(utf8_length(rest, 0));
            const Piece one{piece.offset + at, length, piece.font, piece.flags, piece.link};
            const float w = width(one);
            if (w > room() && !line_empty()) {
                out_.lines.back().continues = mark;
                new_line();
            }
            place(one, w);
            at += length;
        }
    }

    void new_line() {
        finish_line();
        y_ += out_.lines.back().height + line_gap_;
        start_line();
    }

    // Ends the block; returns the bottom of its last line.
    float finish() {
        finish_line();
        return y_ + out_.lines.back().height;
    }

  private:
    std::string_view text(std::uint32_t offset, std::uint32_t length) const {
        return std::string_view(doc_.text).substr(offset, length);
    }

    void start_line() {
        Line line;
        line.y = y_;
        line.first = static_cast<std::uint32_t>(out_.fragments.size());
        out_.lines.push_back(line);
        x_ = x0_;
    }

    // Fonts of different sizes share a baseline; the line is as tall as its tallest parts.
    void finish_line() {
        Line& line = out_.lines.back();
        float ascent = 0, descent = 0;
        for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
            const FontMetrics m = measure_.metrics(out_.fragments[i].font);
            ascent = std::max(ascent, m.ascent);
            descent = std::max(descent, m.height - m.ascent);
        }
        if (line.count == 0) {
            const FontMetrics m = measure_.metrics(base_font_);
            ascent = m.ascent;
            descent = m.height - m.ascent;
        }
        line.baseline = ascent;
        line.height = ascent + descent;
    }

    Layout& out_;
    const Document& doc_;
    const TextMeasure& measure_;
    float x0_, x1_;
    float x_ = 0;
    float y_;
    float line_gap_;
    Font base_font_;
};

class Layouter {
  public:
    Layouter(const Document& doc, float width, const TextMeasure& measure, const LayoutStyle& style)
        : doc_(doc), width_(std::max(width, 1.0f)), measure_(measure), style_(style) {}

    Layout run() {
        std::vector<float> tops, bottoms;
        tops.reserve(doc_.blocks.size());
        bottoms.reserve(doc_.blocks.size());
        float y = 0;
        for (const Block& block : doc_.blocks) {
            y += gap(block.gap);
            tops.push_back(y);
            y = lay_out_block(block, y);
            bottoms.push_back(y);
        }
        for (const Quote& quote : doc_.quotes) {
            const float x = indent(quote.outer_quote_depth, quote.outer_list_depth);
            out_.boxes.push_back({BoxKind::QuoteBar, x, tops[quote.first_block],
                                  x + style_.quote_bar_width, bottoms[quote.last_block]});
        }
        out_.height = y;
        return std::move(out_);
    }

  private:
    float gap(Gap gap) const {
        switch (gap) {
        case Gap::None:
            return 0;
        case Gap::Tight:
            return style_.tight_gap;
        case Gap::Normal:
            return style_.paragraph_gap;
        case Gap::Heading:
            return style_.heading_gap;
        }
        return 0;
    }

    // Deeply nested text keeps at least min_text_width (or half the width) to wrap in.
    float indent(int quote_depth, int list_depth) const {
        const float wanted = quote_depth * style_.quote_indent + list_depth * style_.list_indent;
        const float limit = std::max(0.0f, width_ - std::max(style_.min_text_width, width_ * 0.5f));
        return std::min(wanted, limit);
    }

    float lay_out_block(const Block& block, float y) {
        const float x0 = indent(block.quote_depth, block.list_depth);
        switch (block.kind) {
        case BlockKind::Rule:
            out_.boxes.push_back({BoxKind::Rule, x0, y + style_.rule_height / 2, width_,
                                  y + style_.rule_height / 2 + 1});
            return y + style_.rule_height;
        case BlockKind::Code:
            return lay_out_code(block, x0, y);
        case BlockKind::Paragraph:
        case BlockKind::Heading:
            break;
        }
        LineFiller filler(out_, doc_, measure_, x0, width_, y, style_.line_gap, font_for(block, 0));
        place_marker(block, filler, x0);
        lay_out_words(block, filler);
        return filler.finish();
    }

    void place_marker(const Block& block, LineFiller& filler, float x0) {
        if (block.marker_length == 0) return;
        const Piece piece{block.marker_offset, block.marker_length, Font::Body,
                          static_cast<std::uint8_t>(block.bullet ? kBulletMarker : kMarker), -1};
        const float w = block.bullet ? style_.bullet_width : filler.width(piece);
        filler.place_aside(piece, x0 - style_.marker_gap - w, w);
    }

    // Breaks at spaces; a word that is wider than a whole line breaks between characters.
    // A word may span runs ("**bold**face"), so it is collected in pieces and placed whole.
    void lay_out_words(const Block& block, LineFiller& filler) {
        word_.clear();
        space_.clear();
        for (const Run& run : block.runs) {
            const Font font = font_for(block, run.style);
            const std::uint8_t flags = fragment_flags(block, run);
            const std::string_view text = doc_.run_text(run);
            std::size_t start = 0;
            const auto flush_piece = [&](std::size_t end) {
                if (end > start) {
                    word_.push_back({run.offset + static_cast<std::uint32_t>(start),
                                     static_cast<std::uint32_t>(end - start), font, flags,
                                     run.link});
                }
            };
            for (std::size_t i = 0; i < text.size(); ++i) {
                const char c = text[i];
                if (c != ' ' && c != '\n') continue;
                flush_piece(i);
                start = i + 1;
                place_word(filler);
                if (c == '\n') {
                    space_.clear();
                    filler.new_line();
                } else {
                    space_.push_back(
                        {run.offset + static_cast<std::uint32_t>(i), 1, font, flags, run.link});
                }
            }
            flush_piece(text.size());
        }
        place_word(filler);
    }

    void place_word(LineFiller& filler) {
        if (word_.empty()) return;
        float word_width = 0;
        widths_.clear();
        for (const Piece& piece : word_) {
            widths_.push_back(filler.width(piece));
            word_width += widths_.back();
        }
        float space_width = 0;
        for (const Piece& piece : space_)
            space_width += filler.width(piece);

        if (!filler.line_empty() && space_width + word_width > filler.room()) filler.new_line();
        if (!filler.line_empty()) {
            for (const Piece& piece : space_)
                filler.place(piece, filler.width(piece));
        }
        if (word_width <= filler.room()) {
            for (std::size_t i = 0; i < word_.size(); ++i)
                filler.place(word_[i], widths_[i]);
        } else {
            for (const Piece& piece : word_)
                filler.place_broken(piece);
        }
        word_.clear();
        space_.clear();
    }

    // Code keeps its lines and spaces; a line wider than the panel continues on the next one,
    // broken between characters, so nothing is hidden and nothing needs scrolling sideways.
    float lay_out_code(const Block& block, float x0, float y) {
        const float top = y;
        const std::size_t first_line = out_.lines.size();
        y += style_.code_padding_y;
        LineFiller filler(out_, doc_, measure_, x0 + style_.code_padding_x,
                          width_ - style_.code_padding_x, y, style_.code_line_gap, Font::Mono);
        place_marker(block, filler, x0);
        for (const Run& run : block.runs) {
            const std::string_view text = doc_.run_text(run);
            std::size_t start = 0;
            while (start <= text.size()) {
                std::size_t end = text.find('\n', start);
                if (end == std::string_view::npos) end = text.size();
                if (end > start) {
                    const Piece line{run.offset + static_cast<std::uint32_t>(start),
                                     static_cast<std::uint32_t>(end - start), Font::Mono, 0, -1};
                    const float w = filler.width(line);
                    if (w <= filler.room())
                        filler.place(line, w);
                    else
                        filler.place_broken(line, true);
                }
                if (end == text.size()) break;
                filler.new_line();
                start = end + 1;
            }
        }
        const float bottom = filler.finish() + style_.code_padding_y;
        for (std::size_t i = first_line; i < out_.lines.size(); ++i)
            out_.lines[i].code = true;
        out_.boxes.push_back({BoxKind::CodePanel, x0, top, width_, bottom});
        return bottom;
    }

    const Document& doc_;
    float width_;
    const TextMeasure& measure_;
    const LayoutStyle& style_;
    Layout out_;
    std::vector<Piece> word_;
    std::vector<Piece> space_;
    std::vector<float> widths_;
};

} // namespace

Font font_for(const Block& block, std::uint8_t run_style) {
    if (run_style & kCode || block.kind == BlockKind::Code) return Font::Mono;
    if (block.kind == BlockKind::Heading) {
        if (block.level == 1) return Font::Title;
        if (block.level == 2) return Font::Heading;
        return Font::Bold;
    }
    const bool bold = run_style & kBold;
    const bool italic = run_style & kItalic;
    if (bold && italic) return Font::BoldItalic;
    if (bold) return Font::Bold;
    if (italic) return Font::Italic;
    return Font::Body;
}

void mirror(Layout& layout, float width) {
    for (const Line& line : layout.lines) {
        if (line.code) continue;
        for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
            Fragment& fragment = layout.fragments[i];
            fragment.x = width - fragment.x - fragment.width;
        }
    }
    for (Box& box : layout.boxes) {
        if (box.kind == BoxKind::CodePanel) continue;
        const float x0 = width - box.x1;
        box.x1 = width - box.x0;
        box.x0 = x0;
    }
}

Layout lay_out(const Document& doc, float width, const TextMeasure& measure,
               const LayoutStyle& style) {
    return Layouter(doc, width, measure, style).run();
}

} // namespace orchard::ui::markdown
