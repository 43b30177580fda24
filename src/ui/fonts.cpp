#include "ui/fonts.h"

#include <cstdio>

namespace orchard::ui {

namespace {

Fonts g_fonts;

constexpr const char* kRegular = "/fonts/NotoSans-Regular.ttf";
constexpr const char* kBold = "/fonts/NotoSans-Bold.ttf";

ImFont* add(const char* file, float css_size, float dpr) {
    ImFontConfig config;
    config.OversampleH = dpr >= 2 ? 1 : 2; // at high DPR the pixels themselves are fine enough
    config.OversampleV = 1;
    config.PixelSnapH = false;
    // Latin, Latin-1, Latin Extended-A and General Punctuation (curly quotes, dashes, ellipsis):
    // defined in cmake/client/CMakeLists.txt, which also cuts the font files down to them.
    static const ImWchar ranges[] = {ORCHARD_FONT_GLYPH_RANGES, 0};
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file, css_size * dpr, &config, ranges);
}

} // namespace

bool build_fonts(float dpr, Fonts& out) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    out.body = add(kRegular, kBodyFontSize, dpr);
    out.strong = add(kBold, kBodyFontSize, dpr);
    out.small = add(kRegular, 19, dpr);
    out.title = add(kBold, 40, dpr);
    out.heading = add(kBold, 28, dpr);
    if (!out.body || !out.strong || !out.small || !out.title || !out.heading) {
        std::fprintf(stderr, "Orchard: font files missing from the client data\n");
        io.Fonts->Clear();
        io.Fonts->AddFontDefault();
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

} // namespace orchard::ui
