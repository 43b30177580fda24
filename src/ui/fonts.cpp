#include "ui/fonts.h"

#include <cstdio>

namespace orchard::ui {

namespace {

Fonts g_fonts;
unsigned g_generation = 0;

constexpr const char* kRegular = "/fonts/NotoSans-Regular.ttf";
constexpr const char* kBold = "/fonts/NotoSans-Bold.ttf";
constexpr const char* kItalic = "/fonts/NotoSans-Italic.ttf";
constexpr const char* kBoldItalic = "/fonts/NotoSans-BoldItalic.ttf";
constexpr const char* kMono = "/fonts/DejaVuSansMono.ttf";

// Latin, Latin-1, Latin Extended-A, Greek, Cyrillic and General Punctuation (curly quotes, dashes,
// ellipsis): defined in cmake/client/CMakeLists.txt, which also cuts the font files down to them.
const ImWchar kTextRanges[] = {ORCHARD_FONT_GLYPH_RANGES, 0};
// Code also gets arrows and box drawing, which programs print (trees, tables, frames).
const ImWchar kMonoRanges[] = {ORCHARD_MONO_GLYPH_RANGES, 0};

ImFont* add(const char* file, float css_size, float dpr, const ImWchar* ranges = kTextRanges) {
    ImFontConfig config;
    config.OversampleH = dpr >= 2 ? 1 : 2; // at high DPR the pixels themselves are fine enough
    config.OversampleV = 1;
    config.PixelSnapH = false;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file, css_size * dpr, &config, ranges);
}

} // namespace

bool build_fonts(float dpr, Fonts& out) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // WebGL2 takes textures of any height: rounding the atlas up to a power of two would double
    // its memory at some pixel ratios (16 MB rather than 32 at DPR 3).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    out.body = add(kRegular, kBodyFontSize, dpr);
    out.strong = add(kBold, kBodyFontSize, dpr);
    out.small = add(kRegular, 19, dpr);
    out.title = add(kBold, 40, dpr);
    out.heading = add(kBold, 28, dpr);
    out.italic = add(kItalic, kBodyFontSize, dpr);
    out.bold_italic = add(kBoldItalic, kBodyFontSize, dpr);
    out.mono = add(kMono, kMonoFontSize, dpr, kMonoRanges);
    ++g_generation;
    if (!out.body || !out.strong || !out.small || !out.title || !out.heading || !out.italic ||
        !out.bold_italic || !out.mono) {
        std::fprintf(stderr, "Orchard: font files missing from the client data\n");
        io.Fonts->Clear();
        io.Fonts->AddFontDefault();
        g_fonts = Fonts{}; // the old fonts went with the atlas; null means ImGui's default
        return false;
    }
    io.FontDefault = out.body;
    io.FontGlobalScale = 1.0f / dpr;
    io.Fonts->Build();
    g_fonts = out;
    return true;
}

const Fonts& fonts() {
    return g_fonts;
}

unsigned font_generation() {
    return g_generation;
}

} // namespace orchard::ui
