#include "ui/text.h"

#include "i18n/translator.h"
#include "platform/browser_text.h"
#include "ui/fonts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <imgui_internal.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace orchard::ui::text {

namespace {

// Images kept, at most: their texels (device pixels) and their number. A screen of text in
// another script is a few hundred lines; these hold several such screens.
constexpr double kImageTexelBudget = 16.0 * 1024 * 1024; // 64 MB of RGBA at most
constexpr std::size_t kImageCountBudget = 4096;
constexpr std::size_t kWidthCacheSize = 16384;
constexpr std::size_t kLinesKept = 512;

struct Image {
    platform::BrowserTextImage image;
    int last_frame = 0;
    double texels = 0;
};

struct Caches {
    std::unordered_map<std::string, Image> images;
    std::unordered_map<std::string, float> widths;
    double texels = 0;
    std::vector<BrowserLine> this_frame, last_frame;
    float dpr = 0;
    unsigned browser_generation = 0;
    unsigned atlas_generation = 0;
};

Caches& caches() {
    static Caches c;
    return c;
}

void drop_images() {
    auto& c = caches();
    for (auto& [key, image] : c.images)
        platform::release_browser_text_image(image.image.texture);
    c.images.clear();
    c.texels = 0;
}

// ImGui sizes a font by its line height; the browser by its em. Line height per em of the faces
// the atlas is cut from (hhea ascent - descent over units per em).
constexpr float kNotoSansLinePerEm = 1.362f;
constexpr float kDejaVuMonoLinePerEm = 1.164f;

// Which Han fonts lead ('s' Simplified Chinese, 't' Traditional, 'j' Japanese, 'k' Korean, 0
// none), set by LanguageScope.
char g_han = 0;

char han_variant(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find('-'));
    if (primary == "ja") return 'j';
    if (primary == "ko") return 'k';
    if (primary == "zh" || primary == "yue") {
        const bool traditional = language.find("Hant") != std::string_view::npos ||
                                 language.find("TW") != std::string_view::npos ||
                                 language.find("HK") != std::string_view::npos ||
                                 language.find("MO") != std::string_view::npos || primary == "yue";
        return traditional ? 't' : 's';
    }
    return 0;
}

const char* han_stack(char variant) {
    switch (variant) {
    case 's':
        return "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", ";
    case 't':
        return "\"Noto Sans CJK TC\", \"Noto Sans TC\", \"PingFang TC\", \"Microsoft JhengHei\", ";
    case 'j':
        return "\"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Sans\", \"Yu Gothic\", "
               "\"Meiryo\", ";
    case 'k':
        return "\"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", "
               "\"Malgun Gothic\", ";
    default:
        return "";
    }
}

// The Han variant in force: the innermost scope's, else the interface language's.
char current_han() {
    return g_han ? g_han : han_variant(i18n::active().language());
}

platform::BrowserFont browser_font(const ImFont* font, float size, bool rtl) {
    const Fonts& all = fonts();
    platform::BrowserFont face;
    face.rtl = rtl;
    if (font != nullptr && font == all.mono) {
        face.family = "\"DejaVu Sans Mono\", monospace";
        face.em = size / kDejaVuMonoLinePerEm;
        return face;
    }
    // Orchard's own slices first (shell/index.html), the Han faces of the text's language, then
    // the device's fonts. The strings live as long as the program (BrowserFont keeps a pointer).
    static const std::string kFamilies[] = {
        "\"Orchard Sans\", \"Noto Sans\", system-ui, sans-serif",
        std::string("\"Orchard Sans\", \"Noto Sans\", ") + han_stack('s') + "system-ui, sans-serif",
        std::string("\"Orchard Sans\", \"Noto Sans\", ") + han_stack('t') + "system-ui, sans-serif",
        std::string("\"Orchard Sans\", \"Noto Sans\", ") + han_stack('j') + "system-ui, sans-serif",
        std::string("\"Orchard Sans\", \"Noto Sans\", ") + han_stack('k') + "system-ui, sans-serif",
    };
    const char han = current_han();
    face.family = kFamilies[han == 's'   ? 1
                            : han == 't' ? 2
                            : han == 'j' ? 3
                            : han == 'k' ? 4
                                         : 0]
                      .c_str();
    face.em = size / kNotoSansLinePerEm;
    const bool bold = font != nullptr && (font == all.strong || font == all.title ||
                                          font == all.heading || font == all.bold_italic);
    face.weight = bold ? 700 : 400;
    face.italic = font != nullptr && (font == all.italic || font == all.bold_italic);
    return face;
}

// The key of a text in a font, size, direction and (for images) colour.
std::string key_of(const ImFont* font, float size, std::uint32_t colour, bool rtl,
                   std::string_view text) {
    std::string key(sizeof font + sizeof size + sizeof colour + 2, '\0');
    std::memcpy(key.data(), static_cast<const void*>(&font), sizeof font);
    std::memcpy(key.data() + sizeof font, &size, sizeof size);
    std::memcpy(key.data() + sizeof font + sizeof size, &colour, sizeof colour);
    key[key.size() - 2] = rtl ? 'r' : 'l';
    key.back() = current_han(); // the same characters in another language's Han font
    key.append(text);
    return key;
}

float browser_width(const ImFont* font, float size, std::string_view text, bool rtl = false) {
    auto& c = caches();
    std::string key = key_of(font, size, 0, rtl, text);
    if (auto found = c.widths.find(key); found != c.widths.end()) return found->second;
    if (c.widths.size() >= kWidthCacheSize) c.widths.clear();
    const float w = platform::browser_text_width(browser_font(font, size, rtl), text);
    c.widths.emplace(std::move(key), w);
    return w;
}

// ImU32 (ImGui's ABGR) as 0xRRGGBBAA.
std::uint32_t rgba_of(ImU32 colour) {
    const std::uint32_t r = colour & 0xFF, g = (colour >> 8) & 0xFF, b = (colour >> 16) & 0xFF,
                        a = (colour >> 24) & 0xFF;
    return (r << 24) | (g << 16) | (b << 8) | a;
}

// Images not drawn this frame go, the oldest first, while the budget is exceeded.
void keep_within_budget() {
    auto& c = caches();
    if (c.texels <= kImageTexelBudget && c.images.size() <= kImageCountBudget) return;
    std::vector<std::pair<int, const std::string*>> by_age;
    by_age.reserve(c.images.size());
    const int frame = ImGui::GetFrameCount();
    for (const auto& [key, image] : c.images)
        if (image.last_frame < frame) by_age.emplace_back(image.last_frame, &key);
    std::sort(by_age.begin(), by_age.end());
    for (const auto& [age, key] : by_age) {
        if (c.texels <= kImageTexelBudget * 0.75 && c.images.size() <= kImageCountBudget * 3 / 4)
            break;
        auto found = c.images.find(*key);
        c.texels -= found->second.texels;
        platform::release_browser_text_image(found->second.image.texture);
        c.images.erase(found);
    }
}

void draw_browser_line(ImDrawList* draw, const ImFont* font, float size, ImVec2 at, ImU32 colour,
                       std::string_view line, bool rtl) {
    if (line.empty() || (colour >> 24) == 0) return;
    // Lines outside the clip rectangle are neither set nor drawn: a long list scrolled by
    // makes images only for what comes into view.
    const float room = std::ceil(size * 0.3f);
    const ImVec2 clip_min = draw->GetClipRectMin();
    const ImVec2 clip_max = draw->GetClipRectMax();
    if (at.y - room > clip_max.y || at.y + size + room < clip_min.y || at.x > clip_max.x) return;
    auto& c = caches();
    std::string key = key_of(font, size, colour, rtl, line);
    auto found = c.images.find(key);
    // `room` above and below the line: for marks that reach past it (Thai, Devanagari, Arabic).
    if (found == c.images.end()) {
        const float ascent = font ? font->Ascent * size / font->FontSize : size * 0.8f;
        Image image;
        image.image =
            platform::browser_text_image(browser_font(font, size, rtl), line, rgba_of(colour),
                                         size + 2 * room, room + ascent, c.dpr);
        if (image.image.texture == 0) return;
        image.texels = static_cast<double>(image.image.width) * image.image.height * c.dpr * c.dpr;
        // Drawn in this frame: the budget makes room among the others.
        image.last_frame = ImGui::GetFrameCount();
        c.texels += image.texels;
        c.images.emplace(key, image);
        keep_within_budget();
        found = c.images.find(key);
    }
    Image& image = found->second;
    image.last_frame = ImGui::GetFrameCount();
    if (c.this_frame.size() < kLinesKept) {
        const std::string css = css_font(font, size);
        c.this_frame.push_back(
            {std::string(line), css, at.x, at.y, browser_width(font, size, line, rtl), size});
    }
    const ImVec2 top_left(at.x - image.image.left, at.y - room);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(image.image.texture)),
                   top_left,
                   ImVec2(top_left.x + image.image.width, top_left.y + image.image.height));
}

// The end of the next character of `text` from `at`.
std::size_t next_char(std::string_view text, std::size_t at) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        ++at;
    return at;
}

// How many bytes of `text` the most whole characters take whose `measure` is at most `room`
// (0 when not even one fits): a search over the characters' ends, a few measures per text.
template <typename Measure>
std::size_t longest_fitting(std::string_view text, float room, const Measure& measure) {
    std::vector<std::size_t> ends;
    for (std::size_t at = 0; at < text.size(); at = next_char(text, at))
        ends.push_back(next_char(text, at));
    std::size_t low = 0, high = ends.size(); // the first `low` characters fit
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        if (measure(text.substr(0, ends[mid - 1])) <= room)
            low = mid;
        else
            high = mid - 1;
    }
    return low == 0 ? 0 : ends[low - 1];
}

// The longest start of `text` (whole characters, at least one) that fits in `room`.
std::size_t fitting_prefix(const ImFont* font, float size, std::string_view text, float room) {
    const std::size_t fits = longest_fitting(
        text, room, [&](std::string_view start) { return browser_width(font, size, start); });
    return fits > 0 ? fits : next_char(text, 0);
}

// The lines of `text` as drawn: split at '\n' and, with a positive `wrap`, at spaces, or
// between characters for a word wider than a line (as Chinese and Japanese text is).
std::vector<std::string_view> browser_lines(const ImFont* font, float size, std::string_view text,
                                            float wrap) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t newline = std::min(text.find('\n', start), text.size());
        std::string_view rest = text.substr(start, newline - start);
        if (wrap <= 0) {
            lines.push_back(rest);
        } else {
            do {
                if (browser_width(font, size, rest) <= wrap) {
                    lines.push_back(rest);
                    break;
                }
                // The most words that fit, else the most characters.
                std::size_t end = 0;
                for (std::size_t space = rest.find(' '); space != std::string_view::npos;
                     space = rest.find(' ', space + 1)) {
                    if (browser_width(font, size, rest.substr(0, space)) > wrap) break;
                    end = space;
                }
                if (end == 0) end = fitting_prefix(font, size, rest, wrap);
                lines.push_back(rest.substr(0, end));
                rest.remove_prefix(end);
                while (rest.starts_with(' '))
                    rest.remove_prefix(1);
            } while (!rest.empty());
        }
        start = newline + 1;
    }
    return lines;
}

float current_size() {
    return ImGui::GetFontSize();
}

} // namespace

Direction direction_of(std::string_view text) {
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end) {
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, at, end);
        if (length <= 0) break;
        at += length;
        // A right-to-left embedding, override or isolate sets what follows right to left.
        if (c == 0x202B || c == 0x202E || c == 0x2067) return Direction::Rtl;
        // Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
        if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
            (c >= 0xFE70 && c <= 0xFEFF))
            return Direction::Rtl;
        // Letters of left-to-right scripts: Latin, Greek, Cyrillic, the scripts of India and
        // South-East Asia, Chinese, Japanese, Korean and the rest of the plane.
        const bool latin = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
        if (latin || (c >= 0x0370 && c <= 0x052F) || (c >= 0x0900 && c <= 0x1FFF) ||
            (c >= 0x2C00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFB1C))
            return Direction::Ltr;
    }
    return Direction::Ltr;
}

bool atlas_covers(const ImFont* font, std::string_view text) {
    if (!font) return true;
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end) {
        if (static_cast<unsigned char>(*at) < 0x80) {
            ++at; // ASCII: always in the atlas
            continue;
        }
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, at, end);
        if (length <= 0) return false;
        at += length;
        if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
        // Bidirectional controls (marks, embeddings, overrides, isolates) reorder text, which
        // only the browser does.
        if ((c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
            (c >= 0x2066 && c <= 0x2069))
            return false;
    }
    return true;
}

std::string_view shown_part(std::string_view label) {
    return label.substr(0, label.find("##"));
}

float width(const ImFont* font, float size, std::string_view text) {
    if (atlas_covers(font, text))
        return font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    return browser_width(font, size, text);
}

float width(std::string_view text) {
    return width(ImGui::GetFont(), current_size(), text);
}

std::string fit(std::string_view text, float room) {
    if (width(text) <= room) return std::string(text);
    const float ellipsis = width("…");
    std::string_view start =
        text.substr(0, longest_fitting(text, room - ellipsis,
                                       [](std::string_view part) { return width(part); }));
    while (start.ends_with(' '))
        start.remove_suffix(1);
    return std::string(start) + "…";
}

ImVec2 size(std::string_view text, float wrap_width) {
    ImFont* font = ImGui::GetFont();
    if (atlas_covers(font, text))
        return ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap_width);
    const float line = current_size();
    float widest = 0;
    const auto lines = browser_lines(font, line, text, wrap_width);
    for (const auto piece : lines)
        widest = std::max(widest, browser_width(font, line, piece));
    return ImVec2(std::ceil(widest), line * static_cast<float>(lines.size()));
}

void draw(ImDrawList* draw_list, ImFont* font, float size, ImVec2 at, ImU32 colour,
          std::string_view text, float wrap_width, Direction direction) {
    if (atlas_covers(font, text)) {
        draw_list->AddText(font, size, at, colour, text.data(), text.data() + text.size(),
                           wrap_width > 0 ? wrap_width : 0);
        return;
    }
    // The direction of the whole text, not of each line: a line of an Arabic paragraph that
    // starts with a Latin word is still set right to left.
    if (direction == Direction::Auto) direction = direction_of(text);
    for (const auto line : browser_lines(font, size, text, wrap_width)) {
        draw_browser_line(draw_list, font, size, at, colour, line, direction == Direction::Rtl);
        at.y += size;
    }
}

void draw(ImDrawList* draw_list, ImVec2 at, ImU32 colour, std::string_view text, float wrap_width) {
    draw(draw_list, ImGui::GetFont(), current_size(), at, colour, text, wrap_width);
}

namespace {

// Where ImGui's own text items would wrap: at the wrap position pushed, if any, else (for
// TextWrapped) at the window's edge; -1 for no wrapping.
float item_wrap_width(bool wrapped) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    float wrap_pos = window->DC.TextWrapPos;
    if (wrap_pos < 0 && wrapped) wrap_pos = 0;
    if (wrap_pos < 0) return -1;
    return std::max(1.0f, ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos));
}

// A text item at the cursor, set by the browser.
void browser_item(std::string_view text, float wrap) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw(ImGui::GetWindowDrawList(), at, ImGui::GetColorU32(ImGuiCol_Text), text, wrap);
    ImGui::Dummy(size(text, wrap));
}

} // namespace

void unformatted(std::string_view text) {
    if (atlas_covers(ImGui::GetFont(), text)) {
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        return;
    }
    browser_item(text, item_wrap_width(false));
}

void wrapped(std::string_view text) {
    if (atlas_covers(ImGui::GetFont(), text)) {
        ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
        return;
    }
    browser_item(text, item_wrap_width(true));
}

const std::vector<BrowserLine>& browser_lines_last_frame() {
    return caches().last_frame;
}

void end_frame() {
    auto& c = caches();
    std::swap(c.last_frame, c.this_frame);
    c.this_frame.clear();
}

void begin_frame(float dpr) {
    auto& c = caches();
    const unsigned browser_generation = platform::browser_text_generation();
    const unsigned atlas_generation = font_generation();
    if (dpr != c.dpr || browser_generation != c.browser_generation ||
        atlas_generation != c.atlas_generation) {
        drop_images();
        c.widths.clear();
        c.dpr = dpr;
        c.browser_generation = browser_generation;
        c.atlas_generation = atlas_generation;
    }
}

LanguageScope::LanguageScope(std::string_view language) : previous_(g_han) {
    g_han = han_variant(language);
}

LanguageScope::~LanguageScope() {
    g_han = previous_;
}

const char* han_families(std::string_view language) {
    return han_stack(han_variant(language));
}

std::string css_font(const ImFont* font, float size) {
    const auto face = browser_font(font, size, false);
    return std::string(face.italic ? "italic " : "") + std::to_string(face.weight) + " " +
           std::to_string(face.em) + "px " + face.family;
}

} // namespace orchard::ui::text
