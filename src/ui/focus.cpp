#include "ui/focus.h"

#include "platform/text_field_bridge.h"
#include "ui/animation.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

#include <algorithm>
#include <imgui_internal.h>
#include <vector>

namespace orchard::ui {

namespace {

struct Entry {
    std::string id;
    bool field = false;
    bool popup = false; // inside an open popup, which keeps the focus to itself like a dialog
    float x = 0;
    bool disabled = false; // skipped by Tab, as on a web page; still there for screen readers
};

struct FocusState {
    std::vector<Entry> entries; // this frame's order
    std::vector<std::size_t> rows;
    std::string focused;            // where Tab continues from
    bool ring = false;              // the focus came by keyboard, so it shows (like :focus-visible)
    bool field_focused = false;     // a text field's element has the focus in this frame
    bool field_was_focused = false; // ... and in the frame before
    int step = 0;                   // Tab (+1) or Shift+Tab (-1) pressed on the canvas this frame
    bool activate = false;          // Enter or Space pressed on the canvas this frame
    bool scroll = false;            // bring the focused item into view when it is drawn
    std::string published;
    std::string to_activate; // pressed from the accessibility layer, for the next frame
};

FocusState& focus() {
    static FocusState s;
    return s;
}

constexpr int kKeyTab = 258;
constexpr int kKeySpace = 32;

bool plain_key(int key) {
    const ImGuiIO& io = ImGui::GetIO();
    return !io.KeyCtrl && !io.KeySuper && !io.KeyAlt && ImGui::IsKeyPressed(key, true);
}

bool in_popup() {
    return (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_Popup) != 0;
}

void add_entry(const char* id, bool field, bool disabled = false) {
    FocusState& s = focus();
    s.entries.push_back({id, field, in_popup(), ImGui::GetItemRectMin().x, disabled});
}

void draw_ring(float rounding, float outset) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    min = ImVec2(min.x - outset, min.y - outset);
    max = ImVec2(max.x + outset, max.y + outset);
    // A solid accent ring with a gap of background around the item: visible on filled accent
    // buttons and on both themes.
    ImGui::GetWindowDrawList()->AddRect(min, max, to_u32(current_palette().accent),
                                        rounding + std::max(0.0f, outset), 0, 2.5f);
}

void scroll_into_view() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect padded(ImVec2(rect.Min.x, rect.Min.y - 12), ImVec2(rect.Max.x, rect.Max.y + 12));
    ImGui::ScrollToRect(window, padded, ImGuiScrollFlags_KeepVisibleEdgeY);
}

// The controls of the page now, in order: those of an open popup only, when it has any; the
// disabled ones only when `with_disabled` (Tab skips them; screen readers list them).
std::vector<const Entry*> tab_order(const std::vector<Entry>& entries, bool with_disabled = false) {
    const bool popup =
        std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.popup; });
    std::vector<const Entry*> order;
    for (const Entry& e : entries)
        if (e.popup == popup && (with_disabled || !e.disabled)) order.push_back(&e);
    return order;
}

void move_focus(FocusState& s) {
    const std::vector<const Entry*> order = tab_order(s.entries);
    if (order.empty()) return;
    const auto at = std::find_if(order.begin(), order.end(),
                                 [&](const Entry* e) { return e->id == s.focused; });
    const int n = static_cast<int>(order.size());
    int next = s.step > 0 ? 0 : n - 1; // from nowhere: the first (or, going back, the last)
    if (at != order.end()) next = (static_cast<int>(at - order.begin()) + s.step + n) % n;
    const Entry& target = *order[static_cast<std::size_t>(next)];
    s.focused = target.id;
    s.ring = true;
    s.scroll = true;
    if (target.field) platform::focus_text_field(target.id);
    keep_animating(); // draw the ring
}

} // namespace

bool keyboard_control(const char* id, float rounding, float outset) {
    FocusState& s = focus();
    // Disabled controls are skipped by Tab, as on a web page.
    const bool disabled = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
    add_entry(id, false, disabled);
    // A press with the mouse or a finger moves the focus here too, without a ring, so that Tab
    // continues from where the person was.
    if (ImGui::IsItemActivated()) {
        s.focused = id;
        s.ring = false;
    }
    if (s.focused != id || !s.ring) return false;
    if (s.scroll) {
        s.scroll = false;
        scroll_into_view();
    }
    draw_ring(rounding, outset);
    return s.activate && !disabled;
}

void keyboard_text_field(const char* id, bool focused) {
    FocusState& s = focus();
    add_entry(id, true);
    if (focused) {
        // Reached by Tab from another field: bring it into view. A field that takes the focus
        // by itself as its screen opens (autofocus) must not scroll that screen past its title;
        // Tab from a control asked for the scroll in move_focus already.
        if (s.focused != id && s.field_was_focused) s.scroll = true;
        s.focused = id;
        s.ring = true;
        s.field_focused = true;
    }
    if (s.scroll && s.focused == id && focused) {
        s.scroll = false;
        scroll_into_view();
    }
}

void begin_focus_row() {
    focus().rows.push_back(focus().entries.size());
}

void end_focus_row() {
    FocusState& s = focus();
    const std::size_t start = s.rows.back();
    s.rows.pop_back();
    // Popup entries keep their own (top-to-bottom) order after the bar's.
    std::stable_sort(s.entries.begin() + static_cast<std::ptrdiff_t>(start), s.entries.end(),
                     [](const Entry& a, const Entry& b) {
                         if (a.popup != b.popup) return b.popup;
                         return !a.popup && a.x < b.x;
                     });
}

bool control_has_keyboard_focus() {
    const FocusState& s = focus();
    return s.ring && !s.field_focused && !s.focused.empty();
}

void begin_focus_frame() {
    FocusState& s = focus();
    s.entries.clear();
    s.rows.clear();
    s.field_was_focused = s.field_focused;
    s.field_focused = false;
    const ImGuiIO& io = ImGui::GetIO();
    // Keys typed into a text field never reach ImGui (the bridge keeps them), so these are
    // the canvas's own.
    s.step = 0;
    if (!io.KeyCtrl && !io.KeySuper && !io.KeyAlt && ImGui::IsKeyPressed(kKeyTab, true))
        s.step = io.KeyShift ? -1 : 1;
    s.activate = s.ring && !io.KeyShift && (plain_key(kKeyEnter) || plain_key(kKeySpace));
    if (ImGui::IsMouseClicked(0)) s.ring = false;
    if (!s.to_activate.empty()) {
        s.focused = std::move(s.to_activate);
        s.to_activate.clear();
        s.ring = true;
        s.activate = true;
        s.scroll = true;
    }
    const std::string moved = platform::take_tab_target();
    if (!moved.empty()) {
        // Tab in a text field led to a control: the bridge gave the canvas the focus.
        s.focused = moved;
        s.ring = true;
        s.scroll = true;
    }
}

void end_focus_frame() {
    FocusState& s = focus();
    if (s.step != 0) move_focus(s);
    std::vector<platform::FocusStop> stops;
    for (const Entry* e : tab_order(s.entries))
        stops.push_back({e->id, e->field});
    platform::set_focus_order(stops);
    const bool shown =
        s.field_focused ||
        (s.ring && std::any_of(s.entries.begin(), s.entries.end(),
                               [&](const Entry& e) { return e.id == s.focused && !e.disabled; }));
    s.published = shown ? s.focused : std::string();
}

std::vector<std::string> controls_in_order() {
    std::vector<std::string> ids;
    for (const Entry* e : tab_order(focus().entries, /*with_disabled=*/true))
        if (!e->field) ids.push_back(e->id);
    return ids;
}

void activate_control(const std::string& id) {
    focus().to_activate = id;
}

const std::string& focused_widget() {
    return focus().published;
}

} // namespace orchard::ui
