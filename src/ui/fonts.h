// The fonts Orchard draws with, from Debian's Noto Sans and DejaVu Sans Mono (packed into the
// client's data file).
// Rasterised at the device pixel ratio so that text is crisp at DPR 1, 2 and 3; ImGui lays out in
// CSS pixels through FontGlobalScale = 1 / dpr.
#pragma once

#include <imgui.h>

namespace orchard::ui {

// ImGui sizes a font by its line height (ascent + descent), which for Noto Sans is 1.36 em: a
// 23 px ImGui font reads like 17 px text on a web page.
constexpr float kBodyFontSize = 23;
// DejaVu Sans Mono is taller for its size than Noto Sans (1.16 em a line against 1.36): at 18 its
// letters are a little smaller than the body's, as code usually is next to prose.
constexpr float kMonoFontSize = 18;

struct Fonts {
    ImFont* body = nullptr;        // reading size for messages and descriptions (about 17 px CSS)
    ImFont* strong = nullptr;      // the same, bold: labels and buttons
    ImFont* small = nullptr;       // captions and status lines (about 14 px CSS)
    ImFont* title = nullptr;       // screen titles (about 29 px CSS)
    ImFont* heading = nullptr;     // section headings (about 21 px CSS)
    ImFont* italic = nullptr;      // body size, for *emphasis* in messages
    ImFont* bold_italic = nullptr; // body size, for ***both***
    ImFont* mono = nullptr;        // code in messages
};

// Rebuilds the font atlas for `dpr`; the caller re-uploads the atlas texture afterwards.
// Returns false when the font files are missing.
bool build_fonts(float dpr, Fonts& fonts);
const Fonts& fonts();
// Changes whenever the atlas is rebuilt, so that text measured with the old fonts is measured
// again.
unsigned font_generation();

} // namespace orchard::ui
