#include "ui/markdown_document.h"

#include "ui/markdown_text.h"

#include <algorithm>
#include <md4c.h>

namespace orchard::ui::markdown {

namespace {

constexpr int kTabWidth = 4;

struct List {
    bool ordered = false;
    bool tight = false;
    unsigned next_number = 1;
    char delimiter = '.';
};

struct OpenQuote {
    std::uint32_t first_block;
    int outer_quote_depth;
    int outer_list_depth;
};

// Turns md4c's enter/leave/text callbacks into the flat Document. md4c reports the text of
// tight list items without a paragraph around it, so a block opens on the first text that
// arrives outside one.
class Builder {
  public:
    Document take() { return std::move(doc_); }

    void enter_block(MD_BLOCKTYPE type, const void* detail) {
        switch (type) {
        case MD_BLOCK_QUOTE:
            close_block();
            quotes_.push_back({static_cast<std::uint32_t>(doc_.blocks.size()), quote_depth_,
                               static_cast<int>(lists_.size())});
            ++quote_depth_;
            break;
        case MD_BLOCK_UL: {
            close_block();
            const auto* ul = static_cast<const MD_BLOCK_UL_DETAIL*>(detail);
            enter_list({false, ul->is_tight != 0, 1, '.'});
            break;
        }
        case MD_BLOCK_OL: {
            close_block();
            const auto* ol = static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
            enter_list({true, ol->is_tight != 0, ol->start, ol->mark_delimiter});
            break;
        }
        case MD_BLOCK_LI:
            close_block();
            start_item();
            break;
        case MD_BLOCK_HR:
            open_block(BlockKind::Rule);
            break;
        case MD_BLOCK_H:
            open_block(BlockKind::Heading,
                       static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level));
            break;
        case MD_BLOCK_CODE:
            open_block(BlockKind::Code);
            in_code_block_ = true;
            code_column_ = 0;
            break;
        case MD_BLOCK_HTML: // not produced with MD_FLAG_NOHTML; shown as text if it ever is
        case MD_BLOCK_P:
            open_block(BlockKind::Paragraph);
            break;
        default: // documents, and tables, which are not enabled
            break;
        }
    }

    void leave_block(MD_BLOCKTYPE type) {
        switch (type) {
        case MD_BLOCK_QUOTE: {
            close_block();
            const OpenQuote quote = quotes_.back();
            quotes_.pop_back();
            --quote_depth_;
            const auto count = static_cast<std::uint32_t>(doc_.blocks.size());
            if (count > quote.first_block) {
                doc_.quotes.push_back({quote.first_block, count - 1, quote.outer_quote_depth,
                                       quote.outer_list_depth});
            }
            break;
        }
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            close_block();
            lists_.pop_back();
            break;
        case MD_BLOCK_LI:
            if (marker_pending_) open_block(BlockKind::Paragraph); // an empty item keeps its marker
            close_block();
            break;
        case MD_BLOCK_CODE:
            trim_final_newline();
            in_code_block_ = false;
            close_block();
            break;
        case MD_BLOCK_HR:
        case MD_BLOCK_H:
        case MD_BLOCK_HTML:
        case MD_BLOCK_P:
            close_block();
            break;
        default:
            break;
        }
    }

    void enter_span(MD_SPANTYPE type, const void* detail) {
        switch (type) {
        case MD_SPAN_EM:
            ++italic_;
            break;
        case MD_SPAN_STRONG:
            ++bold_;
            break;
        case MD_SPAN_CODE:
            ++code_;
            break;
        case MD_SPAN_DEL:
            ++strike_;
            break;
        case MD_SPAN_A: {
            const std::string url = attribute(static_cast<const MD_SPAN_A_DETAIL*>(detail)->href);
            int index = -1;
            if (is_openable_url(url)) {
                index = static_cast<int>(doc_.links.size());
                doc_.links.push_back(url);
            }
            links_.push_back(index);
            break;
        }
        case MD_SPAN_IMG:
            // Never fetched: the reader sees the image as it was written.
            append("![");
            image_sources_.push_back(
                attribute(static_cast<const MD_SPAN_IMG_DETAIL*>(detail)->src));
            break;
        default:
            break;
        }
    }

    void leave_span(MD_SPANTYPE type) {
        switch (type) {
        case MD_SPAN_EM:
            --italic_;
            break;
        case MD_SPAN_STRONG:
            --bold_;
            break;
        case MD_SPAN_CODE:
            --code_;
            break;
        case MD_SPAN_DEL:
            --strike_;
            break;
        case MD_SPAN_A:
            links_.pop_back();
            break;
        case MD_SPAN_IMG:
            append("](" + image_sources_.back() + ")");
            image_sources_.pop_back();
            break;
        default:
            break;
        }
    }

    void text(MD_TEXTTYPE type, std::string_view text) {
        switch (type) {
        case MD_TEXT_NULLCHAR:
            append("\xEF\xBF\xBD"); // U+FFFD, as CommonMark asks
            break;
        case MD_TEXT_BR:
            append("\n");
            break;
        case MD_TEXT_SOFTBR:
            append(" ");
            break;
        case MD_TEXT_ENTITY:
            append(decode_entity(text));
            break;
        case MD_TEXT_CODE:
            if (in_code_block_)
                append_code_block_text(text);
            else
                append(text); // md4c already turned line ends in code spans into spaces
            break;
        default: { // normal text, and raw HTML should any arrive: shown, never interpreted
            std::string line(text);
            for (char& c : line) {
                if (c == '\t') c = ' ';
            }
            append(line);
            break;
        }
        }
    }

  private:
    void enter_list(List list) {
        if (lists_.empty()) outer_list_has_blocks_ = false;
        lists_.push_back(list);
    }

    void start_item() {
        List& list = lists_.back();
        marker_.clear();
        marker_bullet_ = !list.ordered;
        if (list.ordered) {
            marker_ = std::to_string(list.next_number++) + list.delimiter;
        } else {
            static constexpr const char* kBullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6",
                                                       "\xE2\x96\xAA"}; // • ◦ ▪
            const std::size_t depth = std::min<std::size_t>(lists_.size(), 3);
            marker_ = kBullets[depth - 1];
        }
        marker_pending_ = true;
    }

    void open_block(BlockKind kind, int level = 0) {
        close_block();
        Block block;
        block.kind = kind;
        block.level = level;
        block.quote_depth = quote_depth_;
        block.list_depth = static_cast<int>(lists_.size());
        if (doc_.blocks.empty())
            block.gap = Gap::None;
        else if (kind == BlockKind::Heading)
            block.gap = Gap::Heading;
        else if (!lists_.empty() && lists_.back().tight && outer_list_has_blocks_)
            block.gap = Gap::Tight;
        if (!lists_.empty()) outer_list_has_blocks_ = true;
        if (marker_pending_) {
            block.marker_offset = static_cast<std::uint32_t>(doc_.text.size());
            block.marker_length = static_cast<std::uint32_t>(marker_.size());
            block.bullet = marker_bullet_;
            doc_.text += marker_;
            marker_pending_ = false;
        }
        doc_.blocks.push_back(std::move(block));
        block_open_ = true;
    }

    void close_block() { block_open_ = false; }

    std::uint8_t style() const {
        std::uint8_t bits = 0;
        if (bold_ > 0) bits |= kBold;
        if (italic_ > 0) bits |= kItalic;
        if (code_ > 0) bits |= kCode;
        if (strike_ > 0) bits |= kStrike;
        return bits;
    }

    void append(std::string_view text) {
        if (text.empty()) return;
        if (!block_open_) open_block(BlockKind::Paragraph);
        std::vector<Run>& runs = doc_.blocks.back().runs;
        const std::uint8_t bits = style();
        const std::int32_t link = links_.empty() ? -1 : links_.back();
        const auto end = static_cast<std::uint32_t>(doc_.text.size());
        if (runs.empty() || runs.back().style != bits || runs.back().link != link ||
            runs.back().offset + runs.back().length != end) {
            runs.push_back({end, 0, bits, link});
        }
        runs.back().length += static_cast<std::uint32_t>(text.size());
        doc_.text += text;
    }

    // Code keeps its whitespace; tabs become spaces to the next stop so that columns line up
    // the way the author saw them.
    void append_code_block_text(std::string_view text) {
        std::string out;
        out.reserve(text.size());
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\t') {
                const int spaces = kTabWidth - code_column_ % kTabWidth;
                out.append(static_cast<std::size_t>(spaces), ' ');
                code_column_ += spaces;
            } else {
                out += c;
                if (c == '\n')
                    code_column_ = 0;
                else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
                    ++code_column_;
            }
        }
        append(out);
    }

    void trim_final_newline() {
        if (!block_open_ || doc_.blocks.back().runs.empty()) return;
        Run& last = doc_.blocks.back().runs.back();
        if (last.length > 0 && doc_.text[last.offset + last.length - 1] == '\n') --last.length;
        if (last.length == 0) doc_.blocks.back().runs.pop_back();
    }

    // An md4c attribute (a URL) with its character references decoded.
    static std::string attribute(const MD_ATTRIBUTE& attr) {
        std::string out;
        for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
            const std::string_view part(attr.text + attr.substr_offsets[i],
                                        attr.substr_offsets[i + 1] - attr.substr_offsets[i]);
            switch (attr.substr_types[i]) {
            case MD_TEXT_ENTITY:
                out += decode_entity(part);
                break;
            case MD_TEXT_NULLCHAR:
                out += "\xEF\xBF\xBD";
                break;
            default:
                out += part;
                break;
            }
        }
        return out;
    }

    Document doc_;
    std::vector<List> lists_;
    std::vector<OpenQuote> quotes_;
    std::vector<std::int32_t> links_;
    std::vector<std::string> image_sources_;
    std::string marker_;
    bool marker_bullet_ = false;
    bool marker_pending_ = false;
    bool outer_list_has_blocks_ = false;
    bool block_open_ = false;
    bool in_code_block_ = false;
    int code_column_ = 0;
    int quote_depth_ = 0;
    int bold_ = 0, italic_ = 0, code_ = 0, strike_ = 0;
};

Builder& builder(void* userdata) {
    return *static_cast<Builder*>(userdata);
}

int on_enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
    builder(userdata).enter_block(type, detail);
    return 0;
}

int on_leave_block(MD_BLOCKTYPE type, void*, void* userdata) {
    builder(userdata).leave_block(type);
    return 0;
}

int on_enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
    builder(userdata).enter_span(type, detail);
    return 0;
}

int on_leave_span(MD_SPANTYPE type, void*, void* userdata) {
    builder(userdata).leave_span(type);
    return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    builder(userdata).text(type, std::string_view(text, size));
    return 0;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

} // namespace

std::string Document::plain_text(const Block& block) const {
    std::string out;
    for (const Run& run : block.runs)
        out += run_text(run);
    return out;
}

Document parse(std::string_view markdown) {
    // md4c works on bytes; checking the encoding first means every later stage (line breaking,
    // drawing) sees whole characters.
    const std::string text = valid_utf8(markdown);
    MD_PARSER parser{};
    parser.flags = MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = on_enter_block;
    parser.leave_block = on_leave_block;
    parser.enter_span = on_enter_span;
    parser.leave_span = on_leave_span;
    parser.text = on_text;
    Builder builder;
    // A failure (out of memory) leaves what was built so far, which is still consistent.
    md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &builder);
    return builder.take();
}

bool is_openable_url(std::string_view url) {
    for (const char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
    }
    for (const std::string_view scheme : {"http://", "https://", "mailto:"}) {
        if (starts_with_ignoring_case(url, scheme) && url.size() > scheme.size()) return true;
    }
    return false;
}

std::string plain_line(std::string_view markdown) {
    const Document doc = parse(markdown);
    std::string line;
    for (const Block& block : doc.blocks) {
        if (block.kind == BlockKind::Rule) continue;
        std::string text = doc.plain_text(block);
        std::replace(text.begin(), text.end(), '\n', ' ');
        if (text.empty()) continue;
        if (!line.empty()) line += ' ';
        line += text;
    }
    return line;
}

} // namespace orchard::ui::markdown
