#include "ui/widgets.h"

#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

#include <algorithm>
#include <imgui_internal.h>
#include <string>
#include <vector>

namespace orchard::ui {

namespace {

struct OpenCard {
    ImVec2 origin;
    float width;
    float padding;
    float min_height;
};
std::vector<OpenCard> g_cards;

constexpr float kShortcutGap = 10;

// The filled accent look of primary actions and selected choices; pop kAccentColours after.
constexpr int kAccentColours = 5;
void push_accent_colours() {
    const Palette& p = current_palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
}

// An ImGui button whose label the text facade draws, centred, so that any script shows (ImGui's
// own label would be the atlas's). A label longer than the button is wide (a longer language, a
// phone) wraps onto more lines and the button grows taller, instead of losing its ends. Its ImGui
// id is fixed, so a label that changes ("Send" → "Sending…", a language) keeps the widget's state.
// `needed` receives the width the label takes, padding included.
bool labelled_button(const char* label, ImVec2 size, float* needed = nullptr) {
    const std::string_view shown = text::shown_part(label);
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const float room = std::max(1.0f, size.x - 2 * padding.x);
    ImVec2 block(text::width(shown), ImGui::GetFontSize());
    const bool wraps = block.x > room;
    if (wraps) block = text::size(shown, room);
    size.y = std::max(size.y, block.y + 2 * padding.y + 8);
    if (needed) *needed = block.x + 2 * padding.x;
    const bool pressed = ImGui::Button("##button", size);
    const ImVec2 min = ImGui::GetItemRectMin();
    text::draw(
        ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(),
        ImVec2(min.x + std::max(0.0f, (size.x - block.x) / 2), min.y + (size.y - block.y) / 2),
        ImGui::GetColorU32(ImGuiCol_Text), shown, wraps ? room : -1);
    return pressed;
}

// The width left on the current line before the column's wrap edge (a card's inner edge), so
// that a button sized to its label never reaches past the column: its label wraps instead.
float room_on_line() {
    const float wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const float room = wrap > 0 ? wrap - ImGui::GetCursorPosX() : ImGui::GetContentRegionAvail().x;
    return std::max(kTouchTarget, room);
}

bool styled_button(const char* label, const char* shortcut, const char* id, float width,
                   bool primary) {
    const Palette& p = current_palette();
    ImGui::PushFont(fonts().strong);
    if (primary) push_accent_colours();
    ImGui::PushID(id);
    const ImVec2 size(width > 0 ? width : std::min(button_width(label, shortcut), room_on_line()),
                      kTouchTarget);
    bool pressed = false;
    float needed = 0;
    // A shortcut hint is left out when the label and it do not fit side by side.
    if (shortcut && *shortcut && button_width(label, shortcut) <= size.x + 0.5f) {
        needed = button_width(label, shortcut);
        // As tall as a button without a hint (labelled_button), so that a row of both is even.
        const ImVec2 even(size.x, std::max(size.y, ImGui::GetFontSize() +
                                                       2 * ImGui::GetStyle().FramePadding.y + 8));
        // The label and the shortcut are drawn by hand so they can differ in colour and size.
        pressed = ImGui::Button("##button", even);
        const ImVec2 min = ImGui::GetItemRectMin();
        const float label_w = text::width(text::shown_part(label));
        ImGui::PushFont(fonts().small);
        const float hint_w = text::width(shortcut);
        ImGui::PopFont();
        const float total = label_w + kShortcutGap + hint_w;
        const float x = min.x + (even.x - total) / 2;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec4 text_colour = primary ? p.accent_text : p.text;
        text::draw(draw, ImGui::GetFont(), ImGui::GetFontSize(),
                   ImVec2(x, min.y + (even.y - ImGui::GetFontSize()) / 2), to_u32(text_colour),
                   text::shown_part(label));
        ImGui::PushFont(fonts().small);
        ImVec4 hint_colour = primary ? p.accent_text : p.text_muted;
        if (primary) hint_colour.w = 0.8f;
        text::draw(draw, ImGui::GetFont(), ImGui::GetFontSize(),
                   ImVec2(x + label_w + kShortcutGap, min.y + (even.y - ImGui::GetFontSize()) / 2),
                   to_u32(hint_colour), shortcut);
        ImGui::PopFont();
    } else {
        pressed = labelled_button(label, size, &needed);
    }
    ImGui::PopID();
    if (primary) ImGui::PopStyleColor(kAccentColours);
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    pressed |= keyboard_control(id, ImGui::GetStyle().FrameRounding);
    widgets().track(id, label);
    widgets().set_text_width(id, needed);
    return pressed;
}

} // namespace

bool primary_button(const char* label, const char* id, float width) {
    return styled_button(label, nullptr, id, width, true);
}

bool secondary_button(const char* label, const char* id, float width) {
    return styled_button(label, nullptr, id, width, false);
}

bool primary_button(const char* label, const char* shortcut, const char* id, float width) {
    return styled_button(label, shortcut, id, width, true);
}

bool secondary_button(const char* label, const char* shortcut, const char* id, float width) {
    return styled_button(label, shortcut, id, width, false);
}

float button_width(const char* label, const char* shortcut) {
    ImGui::PushFont(fonts().strong);
    float width = text::width(text::shown_part(label));
    ImGui::PopFont();
    if (shortcut && *shortcut) {
        ImGui::PushFont(fonts().small);
        width += kShortcutGap + text::width(shortcut);
        ImGui::PopFont();
    }
    return width + ImGui::GetStyle().FramePadding.x * 2 + 8;
}

DisabledScope::DisabledScope(bool disabled) : pushed_(disabled) {
    if (!pushed_) return;
    widgets().begin_disabled();
    ImGui::PushItemFlag(ImGuiItemFlags_Disabled, true);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
}

DisabledScope::~DisabledScope() {
    if (!pushed_) return;
    ImGui::PopStyleVar();
    ImGui::PopItemFlag();
    widgets().end_disabled();
}

float choice_button_width(const char* label, bool selected) {
    ImGui::PushFont(selected ? fonts().strong : fonts().body);
    const float label_w = text::width(text::shown_part(label));
    ImGui::PopFont();
    return label_w + ImGui::GetStyle().FramePadding.x * 2 + 8;
}

bool choice_button(const char* label, const char* id, bool selected, float width, float height) {
    const ImVec2 size(
        width > 0 ? width : std::min(choice_button_width(label, selected), room_on_line()), height);
    ImGui::PushFont(selected ? fonts().strong : fonts().body);
    if (selected) push_accent_colours();
    ImGui::PushID(id);
    float needed = 0;
    bool pressed = labelled_button(label, size, &needed);
    ImGui::PopID();
    if (selected) ImGui::PopStyleColor(kAccentColours);
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    pressed |= keyboard_control(id, ImGui::GetStyle().FrameRounding);
    widgets().track(id, selected ? std::string(label) + " (selected)" : std::string(label));
    widgets().set_text_width(id, needed);
    widgets().describe(id,
                       {"button", std::string(text::shown_part(label)), "aria-pressed", selected});
    return pressed;
}

bool ChoiceRow::add(const char* label, const char* id, bool selected) {
    constexpr float kGap = 8;
    const float w = choice_button_width(label, selected);
    if (used_ > 0 && used_ + kGap + w <= width_)
        ImGui::SameLine(0, kGap);
    else
        used_ = 0;
    used_ += (used_ > 0 ? kGap : 0) + w;
    return choice_button(label, id, selected);
}

bool arrow_button(const char* id, Arrow arrow, const char* tooltip) {
    const Palette& p = current_palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size(kTouchTarget, kTouchTarget);
    ImGui::PushID(id);
    bool pressed = ImGui::InvisibleButton("##arrow", size);
    ImGui::PopID();
    pressed |= keyboard_control(id);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                        to_u32(hovered ? p.surface_alt : p.surface), 8);
    draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), to_u32(p.border), 8);
    const ImVec2 c(at.x + size.x / 2, at.y + size.y / 2);
    const float s = arrow == Arrow::Up ? -1.0f : 1.0f;
    draw->AddTriangleFilled(ImVec2(c.x, c.y + 7 * s), ImVec2(c.x - 8, c.y - 6 * s),
                            ImVec2(c.x + 8, c.y - 6 * s), to_u32(p.text));
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        tooltip_text(tooltip);
    }
    widgets().track(id, tooltip);
    return pressed;
}

bool link_button(const char* label, const char* id) {
    const Palette& p = current_palette();
    ImGui::PushID(id);
    ImGui::PushFont(fonts().strong);
    const ImVec2 label_size = text::size(label);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // A target at least 44 px tall around text of ~24 px, so fingers find it.
    const float pad = std::max(0.0f, (kTouchTarget - label_size.y) / 2);
    bool pressed = ImGui::InvisibleButton("##link", ImVec2(label_size.x, label_size.y + 2 * pad));
    const bool hovered = ImGui::IsItemHovered();
    pressed |= keyboard_control(id, 6, 1);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 colour = hovered ? p.accent_hover : p.accent;
    text::draw(draw, ImVec2(at.x, at.y + pad), to_u32(colour), label);
    draw->AddLine(ImVec2(at.x, at.y + pad + label_size.y - 1),
                  ImVec2(at.x + label_size.x, at.y + pad + label_size.y - 1), to_u32(colour),
                  hovered ? 1.5f : 1.0f);
    ImGui::PopFont();
    ImGui::PopID();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    widgets().track(id, label);
    widgets().describe(id, {"link", label});
    return pressed;
}

void tooltip_text(const char* words) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    text::wrapped(words);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void page_title(const char* words, bool compact) {
    ImGui::PushFont(compact ? fonts().heading : fonts().title);
    text::wrapped(words);
    ImGui::PopFont();
    widgets().landmark(PageLandmark::Kind::Heading, words, 1);
}

void heading_text(const char* words) {
    ImGui::PushFont(fonts().heading);
    text::wrapped(words);
    ImGui::PopFont();
    widgets().landmark(PageLandmark::Kind::Heading, words, 2);
}

void muted_text(const char* words) {
    wrapped_text(fonts().body, current_palette().text_muted, words);
}

void problem_text(const char* words) {
    wrapped_text(fonts().strong, current_palette().danger, words);
    widgets().landmark(PageLandmark::Kind::Alert, words);
}

void notice_text(const char* words) {
    wrapped_text(fonts().strong, current_palette().success, words);
    widgets().landmark(PageLandmark::Kind::Status, words);
}

void field_label(const char* words) {
    ImGui::PushFont(fonts().strong);
    text::unformatted(words);
    ImGui::PopFont();
}

void wrapped_text(ImFont* font, const ImVec4& colour, const char* words) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text::wrapped(words);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void begin_card(float width, float padding, float min_height) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    g_cards.push_back({origin, width, padding, min_height});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1); // content above, background drawn below once its size is known
    ImGui::SetCursorScreenPos(ImVec2(origin.x + padding, origin.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
}

void end_card() {
    const OpenCard card = g_cards.back();
    g_cards.pop_back();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom =
        std::max(ImGui::GetItemRectMax().y + card.padding, card.origin.y + card.min_height);
    const ImVec2 max(card.origin.x + card.width, bottom);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const Palette& p = current_palette();
    draw->AddRectFilled(card.origin, max, to_u32(p.surface), 14);
    draw->AddRect(card.origin, max, to_u32(p.border), 14);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.origin.x, bottom));
    ImGui::Dummy(ImVec2(card.width, 0));
}

bool end_clickable_card(const std::string& id, ImVec2 top, float width,
                        const std::string& description) {
    end_card();
    const ImVec2 bottom_right(top.x + width, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(top);
    ImGui::PushID(id.c_str());
    bool pressed =
        ImGui::InvisibleButton("##card", ImVec2(bottom_right.x - top.x, bottom_right.y - top.y));
    ImGui::PopID();
    pressed |= keyboard_control(id.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    widgets().track_rect(id, top, bottom_right, description);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom_right.y));
    ImGui::Dummy(ImVec2(width, 0));
    return pressed;
}

} // namespace orchard::ui
