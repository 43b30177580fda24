#include "ui/text_field.h"

#include "platform/text_field_bridge.h"
#include "ui/focus.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <imgui_internal.h>
#include <unordered_map>

namespace orchard::ui {

namespace {

// The element's text: 17 CSS px like ImGui's body font (kBodyFontSize reads as 17 px), in the
// page's font stack (shell.css), with a comfortable line height for long texts.
constexpr float kFontSize = 17;
constexpr float kLineHeight = 1.5f;
constexpr int kDefaultLines = 6;

// Per field, the value the element and the app last agreed on. An app value that differs from it
// is new and goes to the element; an edit in the element replaces the app value.
std::unordered_map<std::string, std::string>& synced_values() {
    static std::unordered_map<std::string, std::string> values;
    return values;
}

// Per field drawn with TextFieldOptions::on_each_edit, that callback.
std::unordered_map<std::string, std::function<void(const std::string&)>>& edit_callbacks() {
    static std::unordered_map<std::string, std::function<void(const std::string&)>> callbacks;
    return callbacks;
}

void on_edit_between_frames(const std::string& id) {
    const auto it = edit_callbacks().find(id);
    if (it != edit_callbacks().end()) it->second(platform::text_field_value(id));
}

platform::TextFieldElement element_for(TextFieldKind kind) {
    switch (kind) {
    case TextFieldKind::MultiLine:
        return platform::TextFieldElement::TextArea;
    case TextFieldKind::SingleLine:
        return platform::TextFieldElement::Text;
    case TextFieldKind::Password:
        return platform::TextFieldElement::Password;
    case TextFieldKind::Email:
        return platform::TextFieldElement::Email;
    }
    return platform::TextFieldElement::TextArea;
}

// The element sits above the whole canvas, so an ImGui popup drawn over the field would be
// hidden under it: a field under an open popup (or behind a modal) is hidden instead.
bool covered_by_popup(const ImRect& field) {
    const ImGuiContext& g = *GImGui;
    const ImGuiWindow* root = ImGui::GetCurrentWindow()->RootWindow;
    for (const ImGuiPopupData& popup : g.OpenPopupStack) {
        const ImGuiWindow* window = popup.Window;
        if (!window || !(window->Active || window->WasActive)) continue;
        if (window->RootWindow == root) return false; // the field is in this popup, above the rest
        if ((window->Flags & ImGuiWindowFlags_Modal) || field.Overlaps(window->Rect())) return true;
    }
    return false;
}

bool is_dark(const Palette& p) {
    const ImVec4& c = p.background;
    return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z < 0.5f;
}

ImU32 with_alpha(ImVec4 colour, float alpha) {
    colour.w = alpha;
    return to_u32(colour);
}

void draw_frame(const ImRect& rect, bool focused, bool hovered) {
    const Palette& p = current_palette();
    const float rounding = ImGui::GetStyle().FrameRounding;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(rect.Min, rect.Max, to_u32(p.surface), rounding);
    if (focused) {
        // A soft halo outside and an accent border inside: visible on both themes.
        draw->AddRect(ImVec2(rect.Min.x - 3, rect.Min.y - 3),
                      ImVec2(rect.Max.x + 3, rect.Max.y + 3), with_alpha(p.accent, 0.25f),
                      rounding + 3, 0, 3);
        draw->AddRect(rect.Min, rect.Max, to_u32(p.accent), rounding, 0, 2);
    } else {
        draw->AddRect(rect.Min, rect.Max, to_u32(hovered ? p.text_muted : p.border), rounding, 0,
                      1);
    }
}

platform::TextFieldLayout layout_for(const ImRect& rect, const TextFieldOptions& options) {
    const Palette& p = current_palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    platform::TextFieldLayout layout;
    layout.element = element_for(options.kind);
    layout.placeholder = options.placeholder ? options.placeholder : "";
    layout.autocomplete = options.autocomplete ? options.autocomplete : "";
    layout.label = options.label ? options.label : "";
    layout.max_chars = options.max_chars;
    layout.autofocus = options.autofocus;
    layout.x = rect.Min.x;
    layout.y = rect.Min.y;
    layout.width = rect.GetWidth();
    layout.height = rect.GetHeight();

    // Only the part inside the current clip rectangle (the scrolling child window, a card) may
    // show: half-scrolled fields must not cover the top bar.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImRect visible(draw->GetClipRectMin(), draw->GetClipRectMax());
    visible.ClipWithFull(rect);
    layout.visible = visible.GetWidth() >= 1 && visible.GetHeight() >= 1 && !covered_by_popup(rect);
    if (layout.visible) {
        layout.clip_top = visible.Min.y - rect.Min.y;
        layout.clip_right = rect.Max.x - visible.Max.x;
        layout.clip_bottom = rect.Max.y - visible.Max.y;
        layout.clip_left = visible.Min.x - rect.Min.x;
    }

    layout.text_colour = to_u32(p.text);
    layout.placeholder_colour = to_u32(p.text_muted);
    layout.caret_colour = to_u32(p.accent);
    layout.selection_colour = with_alpha(p.accent, 0.30f);
    layout.background_colour = to_u32(p.surface);
    layout.dark = is_dark(p);
    layout.font_size = kFontSize;
    layout.line_height = kLineHeight;
    layout.padding_x = style.FramePadding.x;
    layout.padding_y = style.FramePadding.y;
    layout.rounding = style.FrameRounding;
    return layout;
}

} // namespace

TextFieldResult text_field(const char* id, std::string& text, ImVec2 size,
                           const TextFieldOptions& options) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (size.x <= 0) size.x = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    if (size.y <= 0)
        size.y = options.kind == TextFieldKind::MultiLine
                     ? kDefaultLines * kFontSize * kLineHeight + 2 * style.FramePadding.y + 2
                     : kTouchTarget;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImRect rect(min, ImVec2(min.x + size.x, min.y + size.y));

    // An ImGui item under the element takes the layout space; a press on it (the element
    // covers it, so rarely) moves the focus into the element.
    const bool activated = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    if (activated) platform::focus_text_field(id);
    widgets().track_rect(id, rect.Min, rect.Max);

    static const bool listening =
        (platform::set_text_field_edit_listener(on_edit_between_frames), true);
    (void)listening;
    if (options.on_each_edit)
        edit_callbacks()[id] = options.on_each_edit;
    else
        edit_callbacks().erase(id);

    const platform::TextFieldEvents events =
        platform::update_text_field(id, layout_for(rect, options));
    keyboard_text_field(id, events.focused);
    std::string& synced = synced_values()[id];
    if (events.created) synced.clear();

    TextFieldResult result;
    if (events.edited) {
        text = platform::text_field_value(id);
        synced = text;
        result.changed = true;
    } else if (text != synced && platform::set_text_field_value(id, text)) {
        synced = text;
    }
    result.submit = events.submit;
    result.escape = events.escape;
    result.focused = events.focused;
    draw_frame(rect, events.focused, hovered);
    return result;
}

void focus_text_field(const char* id) {
    platform::focus_text_field(id);
}

void clear_text_fields() {
    for (auto& [id, synced] : synced_values()) {
        platform::set_text_field_value(id, "");
        synced.clear();
    }
}

} // namespace orchard::ui
