// Markdown in conversation messages, drawn with ImGui: headings, emphasis, code, lists, quotes,
// rules and links (which open in a new tab). Raw HTML and images show as the text written.
//
// A message is parsed once per text and laid out once per width and font set; a frame then
// only draws the lines inside the clip rectangle, so long messages cost little to keep on screen.
#pragma once

#include <string_view>

namespace orchard::ui {

// Draws `markdown` at the current cursor, wrapped to `width` CSS px, and advances the cursor.
// `id` must be stable per message (used for caching and for link widget ids).
// Links are tracked for the automation hook as "<id>_link_<n>", n counting from 0 in the order
// they appear, with the URL as their text.
// The text is also laid over the canvas as page text (platform/page_text.h), selectable and
// found by the browser, in the message's language; `translate` false keeps the browser's
// translator off a text being judged.
struct MarkdownOptions {
    std::string_view lang;
    bool translate = true;
    bool on_panel = false; // drawn on the panel that covers the page: shown while it does
};
void draw_markdown(const char* id, std::string_view markdown, float width,
                   const MarkdownOptions& options = {});

} // namespace orchard::ui
