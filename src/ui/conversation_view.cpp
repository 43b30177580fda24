#include "ui/conversation_view.h"

#include "i18n/translator.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/markdown_view.h"
#include "ui/shortcuts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch_targets.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <imgui_internal.h>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

constexpr float kStripe = 4;

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A small square button with a drawn icon (the client's font has no emoji): thumbs up as a
// check mark, thumbs down as a cross, the red flag as a flag.
bool reaction_button(const char* id, const char* emoji, const char* tooltip, bool mine,
                     long long count) {
    const Palette& p = current_palette();
    const std::string label =
        count > 0 ? i18n::active().number(static_cast<double>(count)) : std::string();
    ImGui::PushFont(fonts().small);
    const float text_w = label.empty() ? 0 : text::width(label.c_str()) + 6;
    ImGui::PopFont();
    const ImVec2 size(kTouchTarget + text_w, kTouchTarget);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    bool pressed = ImGui::InvisibleButton("##reaction", size);
    ImGui::PopID();
    pressed |= keyboard_control(id);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 edge = mine ? p.accent : p.border;
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                        to_u32(hovered || mine ? p.surface_alt : p.surface), 8);
    draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), to_u32(edge), 8, 0, mine ? 2.0f : 1.0f);
    const ImVec4 ink = mine ? p.accent : p.text_muted;
    const ImVec2 c(at.x + kTouchTarget / 2, at.y + size.y / 2);
    const std::string e = emoji;
    if (e == "+1") {
        // A check mark: "good message" (arrows are for moving replies).
        const ImVec2 points[] = {ImVec2(c.x - 8, c.y), ImVec2(c.x - 2, c.y + 6),
                                 ImVec2(c.x + 8, c.y - 6)};
        draw->AddPolyline(points, 3, to_u32(ink), 0, 2.5f);
    } else if (e == "-1") {
        // A cross: "poor message".
        draw->AddLine(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), to_u32(ink), 2.5f);
        draw->AddLine(ImVec2(c.x + 6, c.y - 6), ImVec2(c.x - 6, c.y + 6), to_u32(ink), 2.5f);
    } else {
        const ImVec4 flag = mine ? p.danger : ink;
        draw->AddLine(ImVec2(c.x - 6, c.y - 9), ImVec2(c.x - 6, c.y + 9), to_u32(flag), 2);
        draw->AddTriangleFilled(ImVec2(c.x - 5, c.y - 9), ImVec2(c.x + 8, c.y - 4.5f),
                                ImVec2(c.x - 5, c.y), to_u32(flag));
    }
    if (!label.empty()) {
        ImGui::PushFont(fonts().small);
        text::draw(draw, ImVec2(at.x + kTouchTarget - 6, c.y - ImGui::GetFontSize() / 2),
                   to_u32(ink), label.c_str());
        ImGui::PopFont();
    }
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        tooltip_text(tooltip);
    }
    // What the button says to a listener: the reaction, whether it is the person's own, how many.
    const std::string number = i18n::active().number(static_cast<double>(count));
    std::string name;
    if (mine && count > 0)
        name = tr("conversation.reaction_yours_count", {{"reaction", tooltip}, {"count", number}});
    else if (mine)
        name = tr("conversation.reaction_yours", {{"reaction", tooltip}});
    else if (count > 0)
        name = tr("conversation.reaction_count", {{"reaction", tooltip}, {"count", number}});
    else
        name = tooltip;
    widgets().track(id, name);
    return pressed;
}

} // namespace

namespace {

// The card's menu, opened by a long press (a right click with a mouse) when `open`: its buttons'
// actions again, large enough for a finger, and a copy of the whole text.
void draw_message_menu(const protocol::ConversationMessage& message,
                       const MessageCardOptions& options, bool open, MessageCardResult& result) {
    const std::string base = options.id;
    const std::string popup = base + "_menu";
    if (open) ImGui::OpenPopup(popup.c_str());
    const float menu_w = std::min(300.0f, ImGui::GetIO().DisplaySize.x - 24);
    if (ImGui::IsPopupOpen(popup.c_str())) {
        // Beside the finger, inside the window: a menu cut off at the edge is no menu.
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        const ImVec2 at = ImGui::GetIO().MousePos;
        ImGui::SetNextWindowPos(
            ImVec2(std::clamp(at.x, 12.0f, std::max(12.0f, display.x - menu_w - 12)),
                   std::clamp(at.y, 12.0f, std::max(12.0f, display.y - 320))),
            ImGuiCond_Appearing);
    }
    ImGui::SetNextWindowSize(ImVec2(menu_w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    if (ImGui::BeginPopup(popup.c_str(), ImGuiWindowFlags_NoMove)) {
        if (shortcut_pressed(kKeyEscape)) ImGui::CloseCurrentPopup();
        const float inner = menu_w - 24;
        auto item = [&](const char* label, const std::string& id) {
            const bool chosen = choice_button(label, id.c_str(), false, inner, 48);
            if (chosen) ImGui::CloseCurrentPopup();
            return chosen;
        };
        if (item(tr("conversation.copy_text"), base + "_menu_copy"))
            ImGui::SetClipboardText(message.text.c_str());
        if (options.reactions && !message.user_is_author) {
            if (item(tr("conversation.good_message"), base + "_menu_like")) result.react = "+1";
            if (item(tr("conversation.poor_message"), base + "_menu_dislike")) result.react = "-1";
            if (item(tr("conversation.flag_for_moderators"), base + "_menu_flag"))
                result.react = "red_flag";
            if (item(tr("conversation.report"), base + "_menu_report")) result.report = true;
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

} // namespace

MessageCardResult draw_message_card(const protocol::ConversationMessage& message,
                                    const MessageCardOptions& options) {
    MessageCardResult result;
    const Palette& p = current_palette();
    const float padding = options.compact ? 16 : 20;
    const float width = options.width;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);

    ImGui::SetCursorScreenPos(ImVec2(origin.x + padding + kStripe, origin.y + padding - 4));
    ImGui::BeginGroup();
    // Who is speaking, and what this message is to the task.
    ImGui::PushFont(fonts().strong);
    ImGui::PushStyleColor(ImGuiCol_Text, message.is_assistant ? p.accent : p.text);
    text::unformatted(message.is_assistant ? tr("conversation.assistant")
                                           : tr("conversation.user"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (message.user_is_author || options.highlight_label) {
        // On the name's line, lowered to share its baseline.
        ImGui::SameLine(0, 10);
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetTextLineHeight() * 0.16f));
        std::string note;
        if (options.highlight_label && message.user_is_author)
            note = tr("conversation.note_written_by_you", {{"note", options.highlight_label}});
        else if (options.highlight_label)
            note = options.highlight_label;
        else
            note = tr("conversation.written_by_you");
        text::unformatted(note.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    const float text_w = width - 2 * padding - kStripe;
    if (options.collapsed_height > 0) {
        // Only the first lines, faded out at the bottom; the person expands to read it all.
        const ImVec2 text_at = ImGui::GetCursorScreenPos();
        // The text lays itself out (and reports its full height) as one item, which would stretch
        // the card's group to the full text; only the Dummy below may count towards its size.
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        const ImVec2 max_before = window->DC.CursorMaxPos;
        ImGui::PushClipRect(text_at,
                            ImVec2(text_at.x + text_w, text_at.y + options.collapsed_height), true);
        {
            const text::LanguageScope language(message.lang);
            draw_markdown(options.id, message.text, text_w, {message.lang, options.translate});
        }
        ImGui::PopClipRect();
        window->DC.CursorMaxPos = max_before;
        const float full = ImGui::GetCursorScreenPos().y - text_at.y;
        result.truncated = full > options.collapsed_height + 4;
        if (result.truncated) {
            // Fade the last lines into the card, so the cut reads as "more below".
            const float fade = 48;
            const float bottom = text_at.y + options.collapsed_height;
            ImVec4 clear = p.surface;
            clear.w = 0;
            ImGui::GetWindowDrawList()->AddRectFilledMultiColor(
                ImVec2(text_at.x, bottom - fade), ImVec2(text_at.x + text_w, bottom + 1),
                to_u32(clear), to_u32(clear), to_u32(p.surface), to_u32(p.surface));
        }
        ImGui::SetCursorScreenPos(text_at);
        ImGui::Dummy(ImVec2(text_w, std::min(full, options.collapsed_height)));
    } else {
        const text::LanguageScope language(message.lang);
        draw_markdown(options.id, message.text, text_w, {message.lang, options.translate});
    }
    if (options.reactions && !message.user_is_author) {
        const std::string base = options.id;
        if (reaction_button((base + "_like").c_str(), "+1", tr("conversation.good_message"),
                            has(message.user_emojis, "+1"), count_or_zero(message, "+1")))
            result.react = "+1";
        ImGui::SameLine(0, 8);
        if (reaction_button((base + "_dislike").c_str(), "-1", tr("conversation.poor_message"),
                            has(message.user_emojis, "-1"), count_or_zero(message, "-1")))
            result.react = "-1";
        ImGui::SameLine(0, 8);
        if (reaction_button(
                (base + "_flag").c_str(), "red_flag", tr("conversation.flag_for_moderators"),
                has(message.user_emojis, "red_flag"), count_or_zero(message, "red_flag")))
            result.react = "red_flag";
        ImGui::SameLine(0, 12);
        if (link_button(tr("conversation.report"), (base + "_report").c_str()))
            result.report = true;
    }
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + padding;

    draw->ChannelsSetCurrent(0);
    const ImVec2 max(origin.x + width, bottom);
    draw->AddRectFilled(origin, max, to_u32(options.highlighted ? p.surface : p.surface), 12);
    draw->AddRect(origin, max, to_u32(options.highlighted ? p.accent : p.border), 12, 0,
                  options.highlighted ? 2.0f : 1.0f);
    // The stripe tells the roles apart at a glance.
    draw->AddRectFilled(ImVec2(origin.x + 1, origin.y + 10),
                        ImVec2(origin.x + 1 + kStripe, bottom - 10),
                        to_u32(message.is_assistant ? p.accent : p.text_muted), 2);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom));
    ImGui::Dummy(ImVec2(width, 0));
    widgets().track_rect(options.id, origin, max, message.is_assistant ? "assistant" : "user");
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(origin, max);
    note_menu_target(hovered); // a finger held here opens the menu
    draw_message_menu(message, options, hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right),
                      result);
    return result;
}

long long count_or_zero(const protocol::ConversationMessage& message, const char* emoji) {
    auto it = message.emojis.find(emoji);
    return it == message.emojis.end() ? 0 : it->second;
}

} // namespace orchard::ui
