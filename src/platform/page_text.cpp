#include "platform/page_text.h"

#include <emscripten/emscripten.h>
#include <map>
#include <nlohmann/json.hpp>

// The page side: src/platform/page_text.js.
extern "C" {
void orchard_page_text_block(const char* id, const char* content_json, float x, float y,
                             float clip_x0, float clip_y0, float clip_x1, float clip_y1,
                             int on_panel);
void orchard_page_text_end(const char* shown_ids_json, int covered);
}

namespace orchard::platform {

namespace {

struct Sent {
    unsigned version = 0;
    bool shown = false; // in this frame
};

std::map<std::string, Sent>& sent() {
    static std::map<std::string, Sent> blocks;
    return blocks;
}

nlohmann::json to_json(const PageTextBlock& block) {
    nlohmann::json lines = nlohmann::json::array();
    for (const PageTextLine& line : block.lines) {
        nlohmann::json spans = nlohmann::json::array();
        for (const PageTextSpan& span : line.spans) {
            nlohmann::json s = {
                {"t", span.text}, {"f", span.font}, {"x", span.x}, {"w", span.width}};
            if (span.link >= 0) s["l"] = span.link;
            spans.push_back(std::move(s));
        }
        lines.push_back(
            {{"y", line.y}, {"h", line.height}, {"rtl", line.rtl}, {"s", std::move(spans)}});
    }
    return {{"lang", block.lang},           {"width", block.width}, {"rtl", block.rtl},
            {"translate", block.translate}, {"links", block.links}, {"lines", std::move(lines)}};
}

} // namespace

void show_page_text(const std::string& id, unsigned version,
                    const std::function<PageTextBlock()>& make, const PageTextPlace& place) {
    auto [at, created] = sent().try_emplace(id);
    std::string content;
    if (created || at->second.version != version) {
        at->second.version = version;
        content = to_json(make()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    at->second.shown = true;
    orchard_page_text_block(id.c_str(), content.empty() ? nullptr : content.c_str(), place.x,
                            place.y, place.clip_x0, place.clip_y0, place.clip_x1, place.clip_y1,
                            place.on_panel ? 1 : 0);
}

void end_page_text_frame(bool covered) {
    nlohmann::json shown = nlohmann::json::array();
    for (auto at = sent().begin(); at != sent().end();) {
        if (!at->second.shown) {
            at = sent().erase(at);
            continue;
        }
        shown.push_back(at->first);
        at->second.shown = false;
        ++at;
    }
    orchard_page_text_end(shown.dump().c_str(), covered ? 1 : 0);
}

} // namespace orchard::platform
