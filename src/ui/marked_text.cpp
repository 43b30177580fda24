#include "ui/marked_text.h"
#include "ui/text.h"

#include "ui/theme.h"

#include <string>

namespace orchard::ui {

namespace {

// Pieces to place one by one: words with the spaces after them, and line breaks.
struct Piece {
    std::string text;
    bool hit = false;
    bool line_break = false;
};

std::vector<Piece> pieces_of(const std::vector<protocol::TextSegment>& segments) {
    std::vector<Piece> pieces;
    for (const auto& segment : segments) {
        std::string word;
        const auto flush = [&] {
            if (!word.empty()) pieces.push_back({word, segment.hit, false});
            word.clear();
        };
        for (char c : segment.text) {
            if (c == '\n') {
                flush();
                pieces.push_back({"", false, true});
            } else {
                word += c == '\t' || c == '\r' ? ' ' : c;
                if (c == ' ') flush();
            }
        }
        flush();
    }
    return pieces;
}

} // namespace

void marked_text(const std::vector<protocol::TextSegment>& segments, ImFont* font, float width) {
    const Palette& p = current_palette();
    ImGui::PushFont(font);
    const float line_height = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec4 tint = p.accent;
    tint.w = 0.28f;
    float x = 0, y = 0;
    bool blank_line = false; // two breaks in a row make one empty line, not more
    ImGui::PushClipRect(origin, ImVec2(origin.x + width, origin.y + 100000), true);
    for (const auto& piece : pieces_of(segments)) {
        if (piece.line_break) {
            if (x == 0 && blank_line) continue;
            blank_line = x == 0;
            x = 0;
            y += line_height;
            continue;
        }
        const float w = text::width(piece.text.c_str());
        if (x > 0 && x + w > width) {
            x = 0;
            y += line_height;
        }
        const ImVec2 at(origin.x + x, origin.y + y);
        if (piece.hit) {
            // The word without the space after it.
            std::string word = piece.text;
            while (!word.empty() && word.back() == ' ')
                word.pop_back();
            const float word_w = text::width(word.c_str());
            draw->AddRectFilled(ImVec2(at.x - 2, at.y),
                                ImVec2(at.x + word_w + 2, at.y + line_height - 2), to_u32(tint), 4);
            // Underlined too: a tint alone is faint on the dark theme.
            draw->AddLine(ImVec2(at.x, at.y + line_height - 4),
                          ImVec2(at.x + word_w, at.y + line_height - 4), to_u32(p.accent), 2);
        }
        text::draw(draw, at, to_u32(p.text), piece.text.c_str());
        x += w;
        blank_line = false;
    }
    ImGui::PopClipRect();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, y + line_height));
}

} // namespace orchard::ui
