// Measuring and drawing text in any script: one facade for every text Orchard draws. A string
// whose every character is in the font atlas (Latin, Greek, Cyrillic) goes ImGui's way, as
// before; any other string is set by the browser (platform/browser_text.h), which shapes and
// orders it and finds a font for it, drawn once per line into a texture and kept while it is
// used. Sizes are CSS pixels; `size` is ImGui's font size (the line height).
#pragma once

#include <cstdint>
#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::ui::text {

enum class Direction : std::uint8_t { Auto, Ltr, Rtl };

// A text's direction by its first strong character, as HTML's dir="auto" decides it: right to
// left for Hebrew, Arabic and the other scripts written so; left to right for letters of any
// other script and for a text without letters.
Direction direction_of(std::string_view text);

// Whether every character of `text` has a glyph in `font`'s atlas (line breaks aside).
bool atlas_covers(const ImFont* font, std::string_view text);

// The part of an ImGui label that is shown: before "##".
std::string_view shown_part(std::string_view label);

// The advance of one line of `text`.
float width(const ImFont* font, float size, std::string_view text);
float width(std::string_view text); // the current font

// `text` (one line) cut at a character and ended with "…" to fit `room` in the current font;
// whole when it fits.
std::string fit(std::string_view text, float room);

// As ImGui::CalcTextSize with the current font: lines at '\n', wrapped at `wrap_width` when it
// is positive; the height is the number of lines times the line height.
ImVec2 size(std::string_view text, float wrap_width = -1);

// `text` with its top left at `at`, wrapped at `wrap_width` when it is positive. `direction` is
// the base direction the browser orders it in (Auto: the text's own, by direction_of).
void draw(ImDrawList* draw, ImFont* font, float size, ImVec2 at, ImU32 colour,
          std::string_view text, float wrap_width = -1, Direction direction = Direction::Auto);
void draw(ImDrawList* draw, ImVec2 at, ImU32 colour, std::string_view text,
          float wrap_width = -1); // the current font

// ImGui::TextUnformatted and ImGui::TextWrapped, for any script.
void unformatted(std::string_view text);
void wrapped(std::string_view text);

// The language of the text drawn while it lives (a message's `lang`), which chooses the font of
// Chinese characters: the same character is drawn differently in Simplified and Traditional
// Chinese, Japanese and Korean, and a device's default picks one for all. Scopes nest; without
// one, the interface's language decides.
class LanguageScope {
  public:
    explicit LanguageScope(std::string_view language);
    ~LanguageScope();
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

  private:
    char previous_;
};

// The CSS font families for Han characters in `language` (BCP 47), first the Noto CJK face of
// that language (Debian's fonts-noto-cjk), then the usual faces of other systems; empty for a
// language that does not write Han characters.
const char* han_families(std::string_view language);

// The CSS font (shorthand) the browser sets text of `font` at `size` in, for page elements that
// must match the canvas.
std::string css_font(const ImFont* font, float size);

// A line the browser set, where it was drawn: its origin and advance (CSS pixels, as ImGui's).
struct BrowserLine {
    std::string text;
    std::string font; // as CSS's font shorthand
    float x = 0, y = 0, width = 0, height = 0;
};
// The lines of the last frame (at most a few hundred), for tests through the automation state.
const std::vector<BrowserLine>& browser_lines_last_frame();

// Once per frame, before anything is drawn: starts over when the pixel ratio, the atlas or the
// browser's fonts changed, and lets images go that were not drawn for a while.
void begin_frame(float dpr);
// After the frame: its lines become the last frame's.
void end_frame();

} // namespace orchard::ui::text
