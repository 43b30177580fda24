#include "ui/markdown_view.h"

#include "platform/open_url.h"
#include "platform/page_text.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/markdown_document.h"
#include "ui/markdown_layout.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

#include <algorithm>
#include <cfloat>
#include <imgui.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace orchard::ui {

namespace {

namespace md = markdown;

// Enough for every message of a task and the conversation above it; an entry still drawn in the
// current frame is never evicted, so a longer page grows the cache rather than thrashing it.
constexpr std::size_t kCacheSize = 48;

struct Entry {
    std::string text;
    md::Document doc;
    md::Layout layout;
    float layout_width = -1;
    unsigned layout_fonts = 0;
    int last_frame = 0;
    bool parsed = false;
    bool rtl = false;     // the message's direction, by its first strong character
    unsigned version = 0; // changes with every new layout, so that the page text follows
};

unsigned g_layout_versions = 0;

struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};

std::unordered_map<std::string, Entry, IdHash, std::equal_to<>> g_cache;

ImFont* imgui_font(md::Font font) {
    const Fonts& all = fonts();
    ImFont* chosen = nullptr;
    switch (font) {
    case md::Font::Body:
        chosen = all.body;
        break;
    case md::Font::Bold:
        chosen = all.strong;
        break;
    case md::Font::Italic:
        chosen = all.italic;
        break;
    case md::Font::BoldItalic:
        chosen = all.bold_italic;
        break;
    case md::Font::Mono:
        chosen = all.mono;
        break;
    case md::Font::Title:
        chosen = all.title;
        break;
    case md::Font::Heading:
        chosen = all.heading;
        break;
    }
    if (!chosen) chosen = all.body;
    return chosen ? chosen : ImGui::GetFont();
}

// Fonts are rasterised at size × dpr; layout and drawing work in CSS pixels.
float css_size(const ImFont* font) {
    return font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale;
}

class ImGuiMeasure final : public md::TextMeasure {
  public:
    float width(md::Font font, std::string_view piece) const override {
        const ImFont* f = imgui_font(font);
        // Not rounded up as ImGui::CalcTextSize does, which would not add up.
        return text::width(f, css_size(f), piece);
    }
    md::FontMetrics metrics(md::Font font) const override {
        const ImFont* f = imgui_font(font);
        const float size = css_size(f);
        return {size, f->Ascent * size / f->FontSize};
    }
};

Entry& entry_for(std::string_view id, std::string_view text) {
    const int frame = ImGui::GetFrameCount();
    auto found = g_cache.find(id);
    if (found == g_cache.end()) {
        if (g_cache.size() >= kCacheSize) {
            auto oldest = std::min_element(g_cache.begin(), g_cache.end(), [](auto& a, auto& b) {
                return a.second.last_frame < b.second.last_frame;
            });
            if (oldest->second.last_frame < frame) g_cache.erase(oldest);
        }
        found = g_cache.emplace(std::string(id), Entry{}).first;
    }
    Entry& entry = found->second;
    if (!entry.parsed || entry.text != text) {
        entry.parsed = true;
        entry.text.assign(text);
        entry.doc = md::parse(text);
        entry.rtl = text::direction_of(entry.doc.text) == text::Direction::Rtl;
        entry.layout_width = -1;
    }
    entry.last_frame = frame;
    return entry;
}

struct Visible {
    const md::Line* begin;
    const md::Line* end;
};

// Lines are in order top to bottom, so the visible ones are found by binary search.
Visible visible_lines(const md::Layout& layout, ImVec2 origin, float clip_top, float clip_bottom) {
    const md::Line* first = layout.lines.data();
    const md::Line* last = first + layout.lines.size();
    const md::Line* begin = std::partition_point(first, last, [&](const md::Line& line) {
        return origin.y + line.y + line.height < clip_top;
    });
    const md::Line* end = std::partition_point(
        begin, last, [&](const md::Line& line) { return origin.y + line.y <= clip_bottom; });
    return {begin, end};
}

// Invisible buttons over the visible link text; returns the link under the pointer, or -1.
int interact_with_links(const char* id, const md::Document& doc, const md::Layout& layout,
                        Visible visible, ImVec2 origin) {
    if (doc.links.empty()) return -1;
    int hovered = -1;
    std::vector<bool> tracked(doc.links.size(), false);
    ImGui::PushID(id);
    for (const md::Line* line = visible.begin; line != visible.end; ++line) {
        for (std::uint32_t i = line->first; i < line->first + line->count; ++i) {
            const md::Fragment& fragment = layout.fragments[i];
            if (fragment.link < 0 || fragment.width <= 0) continue;
            const ImVec2 min(origin.x + fragment.x, origin.y + line->y);
            const ImVec2 max(min.x + fragment.width, min.y + line->height);
            const std::string& url = doc.links[static_cast<std::size_t>(fragment.link)];
            ImGui::SetCursorScreenPos(min);
            ImGui::PushID(static_cast<int>(i));
            bool pressed = ImGui::InvisibleButton("link", ImVec2(fragment.width, line->height));
            if (ImGui::IsItemHovered()) hovered = fragment.link;
            ImGui::PopID();
            // A link broken over two lines is found (and reached by Tab) by its first visible
            // part.
            if (!tracked[static_cast<std::size_t>(fragment.link)]) {
                tracked[static_cast<std::size_t>(fragment.link)] = true;
                const std::string link_id =
                    std::string(id) + "_link_" + std::to_string(fragment.link);
                pressed |= keyboard_control(link_id.c_str(), 4, 2);
                widgets().track_rect(link_id, min, max, url);
            }
            if (pressed) platform::open_url(url);
        }
    }
    ImGui::PopID();
    if (hovered >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return hovered;
}

void draw_boxes(ImDrawList* draw, const md::Layout& layout, ImVec2 origin) {
    const Palette& p = current_palette();
    for (const md::Box& box : layout.boxes) {
        const ImVec2 min(origin.x + box.x0, origin.y + box.y0);
        const ImVec2 max(origin.x + box.x1, origin.y + box.y1);
        if (!ImGui::IsRectVisible(min, max)) continue;
        switch (box.kind) {
        case md::BoxKind::CodePanel:
            draw->AddRectFilled(min, max, to_u32(p.surface_alt), 8);
            break;
        case md::BoxKind::QuoteBar:
            draw->AddRectFilled(min, max, to_u32(p.border), 1.5f);
            break;
        case md::BoxKind::Rule:
            draw->AddRectFilled(min, max, to_u32(p.border));
            break;
        }
    }
}

void draw_bullet(ImDrawList* draw, std::string_view marker, ImVec2 centre, ImU32 colour) {
    if (marker == "\xE2\x80\xA2") { // •
        draw->AddCircleFilled(centre, 3, colour, 12);
    } else if (marker == "\xE2\x97\xA6") { // ◦
        draw->AddCircle(centre, 2.6f, colour, 12, 1.2f);
    } else { // ▪
        draw->AddRectFilled(ImVec2(centre.x - 2.5f, centre.y - 2.5f),
                            ImVec2(centre.x + 2.5f, centre.y + 2.5f), colour);
    }
}

// A small hooked arrow in the code panel's right padding: this line goes on below.
void draw_continuation(ImDrawList* draw, ImVec2 at, ImU32 colour) {
    const ImVec2 points[] = {ImVec2(at.x + 6, at.y - 4), ImVec2(at.x + 6, at.y + 2),
                             ImVec2(at.x + 1, at.y + 2)};
    draw->AddPolyline(points, 3, colour, ImDrawFlags_None, 1.2f);
    draw->AddTriangleFilled(ImVec2(at.x - 1, at.y + 2), ImVec2(at.x + 2, at.y - 0.5f),
                            ImVec2(at.x + 2, at.y + 4.5f), colour);
}

void draw_line(ImDrawList* draw, const md::Document& doc, const md::Layout& layout,
               const md::Line& line, ImVec2 origin, float width, int hovered_link, bool rtl) {
    // Code reads left to right in any text.
    const text::Direction direction =
        rtl && !line.code ? text::Direction::Rtl : text::Direction::Ltr;
    const Palette& p = current_palette();
    const float baseline = origin.y + line.y + line.baseline;
    if (line.continues) {
        draw_continuation(draw, ImVec2(origin.x + width - 9, origin.y + line.y + line.height / 2),
                          to_u32(p.text_muted));
    }
    // Backgrounds first, so that a code span's padding never covers the letter before it.
    for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
        const md::Fragment& fragment = layout.fragments[i];
        if (!(fragment.flags & md::kInlineCode)) continue;
        const ImFont* font = imgui_font(fragment.font);
        const float size = css_size(font);
        const float top = baseline - font->Ascent * size / font->FontSize;
        const float x = origin.x + fragment.x;
        draw->AddRectFilled(ImVec2(x - 3, top - 1), ImVec2(x + fragment.width + 3, top + size + 1),
                            to_u32(p.surface_alt), 4);
    }
    for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
        const md::Fragment& fragment = layout.fragments[i];
        const float x = origin.x + fragment.x;
        ImVec4 colour = p.text;
        if (fragment.flags & md::kLinkText) {
            colour = fragment.link == hovered_link ? p.accent_hover : p.accent;
        } else if (fragment.flags & (md::kMarker | md::kBulletMarker | md::kQuoted)) {
            colour = p.text_muted;
        }
        const ImU32 packed = to_u32(colour);
        ImFont* font = imgui_font(fragment.font);
        const float size = css_size(font);
        const std::string_view piece =
            std::string_view(doc.text).substr(fragment.offset, fragment.length);
        if (fragment.flags & md::kBulletMarker) {
            draw_bullet(draw, piece, ImVec2(x + fragment.width / 2, baseline - size * 0.21f),
                        packed);
            continue;
        }
        const float top = baseline - font->Ascent * size / font->FontSize;
        // The layout merged the line's words of one style into this fragment, so the browser
        // (text.h) shapes and orders them as one string, right to left too.
        text::draw(draw, font, size, ImVec2(x, top), packed, piece, -1, direction);
        if (fragment.flags & md::kLinkText) {
            const float y = baseline + std::max(1.0f, size * 0.07f);
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + fragment.width, y + 1), packed);
        }
        if (fragment.flags & md::kStruck) {
            const float y = baseline - size * 0.22f;
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + fragment.width, y + 1), packed);
        }
    }
}

// The laid-out lines as page text: each fragment where the canvas draws it, in the CSS font the
// browser would set it in; a space that followed it in the text goes with it, so that a copied
// selection keeps its words apart. Bullets are shapes, not text, and stay out.
platform::PageTextBlock page_text_of(const Entry& entry, const MarkdownOptions& options) {
    platform::PageTextBlock block;
    block.lang = std::string(options.lang);
    block.rtl = entry.rtl;
    block.translate = options.translate;
    block.width = entry.layout_width;
    block.links = entry.doc.links;
    const std::string_view all = entry.doc.text;
    for (const md::Line& line : entry.layout.lines) {
        platform::PageTextLine page_line{line.y, line.height, entry.rtl && !line.code, {}};
        for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
            const md::Fragment& fragment = entry.layout.fragments[i];
            if (fragment.flags & md::kBulletMarker) continue;
            std::string piece(all.substr(fragment.offset, fragment.length));
            if (fragment.offset + fragment.length < all.size() &&
                all[fragment.offset + fragment.length] == ' ')
                piece += ' ';
            const ImFont* font = imgui_font(fragment.font);
            page_line.spans.push_back({std::move(piece), text::css_font(font, css_size(font)),
                                       fragment.x, fragment.width, fragment.link});
        }
        block.lines.push_back(std::move(page_line));
    }
    return block;
}

} // namespace

void draw_markdown(const char* id, std::string_view markdown, float width,
                   const MarkdownOptions& options) {
    width = std::max(width, 1.0f);
    Entry& entry = entry_for(id, markdown);
    const unsigned generation = font_generation();
    if (entry.layout_width != width || entry.layout_fonts != generation) {
        entry.layout = md::lay_out(entry.doc, width, ImGuiMeasure());
        if (entry.rtl) md::mirror(entry.layout, width);
        entry.layout_width = width;
        entry.layout_fonts = generation;
        entry.version = ++g_layout_versions;
    }
    const md::Layout& layout = entry.layout;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw->GetClipRectMin();
    const ImVec2 clip_max = draw->GetClipRectMax();
    if (origin.y <= clip_max.y && origin.y + layout.height >= clip_min.y) {
        const Visible visible = visible_lines(layout, origin, clip_min.y, clip_max.y);
        const int hovered = interact_with_links(id, entry.doc, layout, visible, origin);
        draw_boxes(draw, layout, origin);
        for (const md::Line* line = visible.begin; line != visible.end; ++line) {
            draw_line(draw, entry.doc, layout, *line, origin, width, hovered, entry.rtl);
        }
        platform::show_page_text(
            id, entry.version, [&] { return page_text_of(entry, options); },
            {origin.x, origin.y, clip_min.x, clip_min.y, clip_max.x, clip_max.y, options.on_panel});
    }
    // One item as large as the text, so that the parent window scrolls over all of it.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, layout.height));
}

} // namespace orchard::ui
