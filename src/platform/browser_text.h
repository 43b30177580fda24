// Text the font atlas cannot draw (Chinese, Arabic, Thai, emoji, ...), measured and drawn by the
// browser: its 2D canvas shapes, orders (bidi) and finds fonts for any script the device has. A
// string is drawn once into a canvas and handed to WebGL as a texture straight from it (no copy
// through wasm memory); ui/text.h decides when, caches and draws the texture.
#pragma once

#include <cstdint>
#include <string_view>

namespace orchard::platform {

// How the browser is to set a text: CSS font parts, sizes in CSS pixels.
struct BrowserFont {
    const char* family = "sans-serif"; // a CSS font-family list
    int weight = 400;
    bool italic = false;
    float em = 16;    // font-size
    bool rtl = false; // the text's base direction (the canvas's `direction`)
};

struct BrowserTextImage {
    unsigned texture = 0; // a GL texture name; 0 when nothing could be drawn
    float width = 0;      // CSS pixels, the texture's whole size
    float height = 0;
    float left = 0; // where the text starts, from the image's left edge (room for overhangs)
};

// The advance of `text` (one line) in CSS pixels.
float browser_text_width(const BrowserFont& font, std::string_view text);

// `text` drawn in `rgba` (straight alpha, 0xRRGGBBAA) on a transparent image `height` CSS pixels
// tall with its baseline `baseline` pixels from the top, at `dpr` device pixels per CSS pixel.
BrowserTextImage browser_text_image(const BrowserFont& font, std::string_view text,
                                    std::uint32_t rgba, float height, float baseline, float dpr);

void release_browser_text_image(unsigned texture);

// Changes when images and widths made before may be wrong: a web font finished loading (the
// browser had drawn with a fallback), or the GL context was lost and its textures with it.
unsigned browser_text_generation();

} // namespace orchard::platform
