// Message text as page text: a layer of transparent HTML text over the canvas, placed where the
// canvas draws each line (ui/markdown_view.cpp lays the lines out; the layer copies them), as
// PDF.js's text layer does over its pages. People select and copy any part of a message with the
// mouse or a long press, find it with the browser's find, and screen readers read it; links are
// real links. The canvas still draws every glyph, so the page looks exactly as before; the
// selection shows as a tint over it. The layer follows scrolling in the same frame, is clipped
// to the region the message scrolls in, hides while a popup or panel lies over the page, and
// hands the wheel and touches to the canvas so that scrolling over a message still scrolls.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace orchard::platform {

struct PageTextSpan {
    std::string text;
    std::string font; // CSS font shorthand, the one the canvas draws this text in
    float x = 0, width = 0;
    int link = -1; // index into PageTextBlock::links
};

struct PageTextLine {
    float y = 0, height = 0;
    bool rtl = false; // set right to left (the lines of a right-to-left message, code aside)
    std::vector<PageTextSpan> spans;
};

struct PageTextBlock {
    std::string lang;      // the message's language, for screen readers and the translator
    bool rtl = false;      // its direction
    bool translate = true; // false for texts being judged, which a translator must not change
    float width = 0;       // the width the lines were laid out in
    std::vector<PageTextLine> lines;
    std::vector<std::string> links; // http, https and mailto only (markdown::is_openable_url)
};

struct PageTextPlace {
    float x = 0, y = 0; // where line coordinates start (CSS px)
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0; // the region it scrolls in
    bool on_panel = false; // on the panel that covers the page, so shown while it does
};

// Shows the block `id` this frame at `place`. `version` changes whenever its text or layout
// does; only then is `make` called and the block sent to the page again.
void show_page_text(const std::string& id, unsigned version,
                    const std::function<PageTextBlock()>& make, const PageTextPlace& place);

// After the frame's views: blocks not shown in it go; `covered` hides the blocks under a popup or
// panel over the page (which they must not lie on), all but those on the panel itself.
void end_page_text_frame(bool covered);

} // namespace orchard::platform
