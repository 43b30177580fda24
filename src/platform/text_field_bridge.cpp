#include "platform/text_field_bridge.h"
#include "platform/js_string.h"

#include <cstdlib>
#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

// The page side, in text_field_bridge.js (linked as an Emscripten JavaScript library).
extern "C" {
void js_install_text_fields();
int js_update_text_field(const char* json);
char* js_text_field_value(const char* id); // malloc'd: the caller frees it
int js_set_text_field_value(const char* id, const char* value);
void js_focus_text_field(const char* id);
void js_set_focus_stops(const char* json);
char* js_take_tab_target(); // malloc'd: the caller frees it
void js_end_text_field_frame();
}

namespace orchard::platform {

namespace {

std::function<void(const std::string&)>& edit_listener() {
    static std::function<void(const std::string&)> listener;
    return listener;
}

int element_kind(TextFieldElement element) {
    switch (element) {
    case TextFieldElement::TextArea:
        return 0;
    case TextFieldElement::Text:
        return 1;
    case TextFieldElement::Password:
        return 2;
    case TextFieldElement::Email:
        return 3;
    }
    return 0;
}

} // namespace

void install_text_field_bridge() {
    js_install_text_fields();
}

TextFieldEvents update_text_field(const std::string& id, const TextFieldLayout& layout) {
    const nlohmann::json message = {
        {"id", id},
        {"kind", element_kind(layout.element)},
        {"placeholder", layout.placeholder},
        {"autocomplete", layout.autocomplete},
        {"label", layout.label},
        {"max_chars", layout.max_chars},
        {"autofocus", layout.autofocus},
        {"x", layout.x},
        {"y", layout.y},
        {"width", layout.width},
        {"height", layout.height},
        {"clip", {layout.clip_top, layout.clip_right, layout.clip_bottom, layout.clip_left}},
        {"visible", layout.visible},
        {"colours",
         {layout.text_colour, layout.placeholder_colour, layout.caret_colour,
          layout.selection_colour, layout.background_colour}},
        {"dark", layout.dark},
        {"font_size", layout.font_size},
        {"line_height", layout.line_height},
        {"padding_x", layout.padding_x},
        {"padding_y", layout.padding_y},
        {"rounding", layout.rounding}};
    const std::string text = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const int flags = js_update_text_field(text.c_str());
    TextFieldEvents events;
    events.edited = (flags & 1) != 0;
    events.submit = (flags & 2) != 0;
    events.escape = (flags & 4) != 0;
    events.focused = (flags & 8) != 0;
    events.created = (flags & 16) != 0;
    return events;
}

void set_text_field_edit_listener(std::function<void(const std::string& id)> listener) {
    edit_listener() = std::move(listener);
}

std::string text_field_value(const std::string& id) {
    return take_js_string(js_text_field_value(id.c_str()));
}

bool set_text_field_value(const std::string& id, const std::string& value) {
    return js_set_text_field_value(id.c_str(), value.c_str()) != 0;
}

void focus_text_field(const std::string& id) {
    js_focus_text_field(id.c_str());
}

void end_text_field_frame() {
    js_end_text_field_frame();
}

void set_focus_order(const std::vector<FocusStop>& stops) {
    nlohmann::json list = nlohmann::json::array();
    for (const FocusStop& stop : stops)
        list.push_back({{"id", stop.id}, {"field", stop.field}});
    js_set_focus_stops(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

std::string take_tab_target() {
    return take_js_string(js_take_tab_target());
}

} // namespace orchard::platform

// For the page side above: an edit in the field `id`, between frames.
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_text_field_edited(const char* id) {
    if (auto& listener = orchard::platform::edit_listener()) listener(id);
}
