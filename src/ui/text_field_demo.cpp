#include "ui/text_field_demo.h"

#include "protocol/health.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

namespace {

constexpr float kTopBarHeight = 60;
constexpr int kMaxReply = static_cast<int>(protocol::kDefaultMessageSizeLimit);

// The page's own state: it is a test page, not a screen of the app.
struct DemoState {
    std::string reply;
    std::string password;
    int submits = 0;
    int escapes = 0;
};

DemoState& demo() {
    static DemoState state;
    return state;
}

int code_points(const std::string& text) {
    return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80; // not a continuation byte
    }));
}

void tracked_text(const char* id, const std::string& text) {
    wrapped_text(fonts().small, current_palette().text_muted, text.c_str());
    widgets().track(id, text);
}

bool draw_top_bar(float width) {
    const Palette& p = current_palette();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        origin, ImVec2(origin.x + width, origin.y + kTopBarHeight), to_u32(p.surface));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 24, origin.y + 16));
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Text fields");
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - 24 - 140, origin.y + 8));
    const bool toggle = secondary_button("Switch theme", "theme_toggle", 140);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + kTopBarHeight));
    return toggle;
}

void draw_fields(DemoState& s, float width) {
    const Palette& p = current_palette();
    wrapped_text(fonts().strong, p.text, "Your reply");
    TextFieldOptions reply;
    reply.placeholder = "Write the assistant's reply…";
    reply.max_chars = kMaxReply;
    reply.label = "Reply";
    const TextFieldResult result = text_field("demo_reply", s.reply, ImVec2(width, 240), reply);
    if (result.submit) ++s.submits;
    if (result.escape) ++s.escapes;
    tracked_text("demo_reply_count", std::to_string(code_points(s.reply)) + " / " +
                                         std::to_string(kMaxReply) + " characters");
    tracked_text("demo_submits", "Submitted " + std::to_string(s.submits) + " times");
    tracked_text("demo_escapes", "Escape pressed " + std::to_string(s.escapes) + " times");
    if (secondary_button("Clear", "demo_clear")) s.reply.clear();
    ImGui::SameLine();
    if (secondary_button("Restore draft", "demo_restore"))
        s.reply = "A draft kept in the browser's storage.";
    ImGui::SameLine();
    if (secondary_button("Focus the reply", "demo_focus")) focus_text_field("demo_reply");

    ImGui::Dummy(ImVec2(0, 12));
    wrapped_text(fonts().strong, p.text, "Password");
    TextFieldOptions password;
    password.kind = TextFieldKind::Password;
    password.placeholder = "At least 8 characters";
    password.autocomplete = "current-password";
    password.label = "Password";
    if (text_field("demo_password", s.password, ImVec2(width, 0), password).submit) ++s.submits;
    tracked_text("demo_password_count", std::to_string(code_points(s.password)) + " characters");
    // Room below, so that the page scrolls and the fields can leave the view.
    ImGui::Dummy(ImVec2(0, 900));
}

} // namespace

bool draw_text_field_demo() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Text field demo", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    const bool toggle = draw_top_bar(io.DisplaySize.x);
    ImGui::BeginChild("demo_main", ImVec2(0, 0), false);
    const float margin = io.DisplaySize.x < 640 ? 16 : 32;
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(720.0f, available - 2 * margin);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x + (available - width) / 2, at.y + 24));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    draw_fields(demo(), width);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    widgets().set_number("main_scroll_y", ImGui::GetScrollY());
    widgets().set_number("main_scroll_max_y", ImGui::GetScrollMaxY());
    ImGui::EndChild();
    ImGui::End();
    return toggle;
}

} // namespace orchard::ui
