#include "ui/home_view.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/kiosk_view.h"
#include "ui/layout.h"
#include "ui/sign_in_card.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>

namespace orchard::ui {

using i18n::tr;

namespace {

void draw_status(client::App& app, double now) {
    const client::AppState& state = app.state();
    const Palette& p = current_palette();
    ImVec4 colour = p.text_muted;
    std::string text = tr("home.status.connecting");
    switch (state.connection) {
    case client::Connection::Checking:
        break;
    case client::Connection::Connected:
        colour = p.success;
        text = tr("home.status.connected",
                  {{"version", state.server_version}, {"database", state.database_status}});
        break;
    case client::Connection::Degraded:
        colour = p.warning;
        text = state.problem;
        break;
    case client::Connection::Unreachable:
        colour = p.danger;
        text = state.problem;
        break;
    }
    // A status dot, then the sentence.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetFontSize();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + 6, at.y + line * 0.55f), 5,
                                                to_u32(colour));
    ImGui::SetCursorScreenPos(ImVec2(at.x + 20, at.y));
    ImGui::BeginGroup();
    wrapped_text(fonts().body, p.text_muted, text.c_str());
    ImGui::EndGroup();
    widgets().track("server_status", text);
    if (state.connection == client::Connection::Unreachable ||
        state.connection == client::Connection::Degraded) {
        if (secondary_button(tr("home.status.try_again"), "retry")) app.retry_now(now);
    }
}

void draw_ways_to_help(const Column& column, bool compact) {
    struct Way {
        const char* title_key;
        const char* text_key;
    };
    static constexpr Way kWays[] = {
        {"home.ways.write.title", "home.ways.write.text"},
        {"home.ways.label.title", "home.ways.label.text"},
        {"home.ways.rank.title", "home.ways.rank.text"},
    };
    const Palette& p = current_palette();
    const float gap = 16;
    const int per_row = compact ? 1 : 3;
    const float card_width = (column.width - gap * (per_row - 1)) / per_row;
    // Cards in one row take the height of the row's tallest card as measured last frame.
    static float natural_height[3] = {0, 0, 0};
    float row_top = ImGui::GetCursorScreenPos().y;
    float row_bottom = row_top;
    for (int i = 0; i < 3; ++i) {
        const int col = i % per_row;
        if (col == 0 && i > 0) row_top = row_bottom + gap;
        float row_height = 0;
        for (int j = i - col; j < i - col + per_row && j < 3; ++j)
            row_height = std::max(row_height, natural_height[j]);
        ImGui::SetCursorScreenPos(ImVec2(column.x + col * (card_width + gap), row_top));
        const float content_top = row_top + 20;
        begin_card(card_width, 20, row_height);
        ImGui::PushFont(fonts().heading);
        text::unformatted(tr(kWays[i].title_key));
        ImGui::PopFont();
        wrapped_text(fonts().body, p.text_muted, tr(kWays[i].text_key));
        natural_height[i] = ImGui::GetItemRectMax().y - content_top + 40;
        end_card();
        row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(column.x, row_bottom));
}

void draw_how_it_works(const Column& column) {
    const Palette& p = current_palette();
    static constexpr const char* kStepKeys[] = {
        "home.how_it_works.prompt", "home.how_it_works.review",   "home.how_it_works.answer",
        "home.how_it_works.rank",   "home.how_it_works.datasets",
    };
    begin_card(column.width, 24);
    ImGui::PushFont(fonts().heading);
    text::unformatted(tr("home.how_it_works.title"));
    ImGui::PopFont();
    int number = 1;
    for (const char* step_key : kStepKeys) {
        ImGui::PushFont(fonts().strong);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        text::unformatted(i18n::active().number(static_cast<double>(number++)));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine(0, 14);
        wrapped_text(fonts().body, p.text, tr(step_key));
    }
    end_card();
}

void draw_embed(const Column& column, std::string_view origin, bool& copied) {
    const Palette& p = current_palette();
    // web/embed.js makes the frame and passes Orchard's events to the page (docs/embedding.md).
    const std::string snippet =
        "<script src=\"" + std::string(origin) + "/embed.js\" async data-theme=\"light\"></script>";
    begin_card(column.width, 24);
    ImGui::PushFont(fonts().heading);
    text::unformatted(tr("home.embed.title"));
    ImGui::PopFont();
    wrapped_text(fonts().body, p.text_muted, tr("home.embed.intro"));
    // The snippet on a tinted panel, in the small font.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float inner = column.width - 48;
    ImGui::PushFont(fonts().small);
    const ImVec2 size = text::size(snippet.c_str(), inner - 24);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + inner, at.y + size.y + 24),
                                              to_u32(p.surface_alt), 8);
    ImGui::SetCursorScreenPos(ImVec2(at.x + 12, at.y + 12));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - 24);
    text::unformatted(snippet.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    widgets().track_rect("embed_snippet", at, ImVec2(at.x + inner, at.y + size.y + 24), snippet);
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + size.y + 36));
    if (secondary_button(copied ? tr("home.embed.copied") : tr("home.embed.copy"), "copy_embed")) {
        ImGui::SetClipboardText(snippet.c_str());
        copied = true;
    } else if (!ImGui::IsItemHovered()) {
        copied = false;
    }
    end_card();
}

} // namespace

void draw_home(const ScreenInput& input) {
    // A kiosk welcomes each visitor with its own screen between visits.
    if (!input.app.state().kiosk.event.empty()) {
        draw_kiosk_welcome(input);
        return;
    }
    const Palette& p = current_palette();
    const Column column = content_column(input.compact);

    move_to(column, input.compact ? 20 : 40);
    // What just happened (signed out everywhere, the account deleted) comes first.
    if (const std::string& notice = input.app.state().sign_in.notice; !notice.empty()) {
        begin_card(column.width, input.compact ? 20 : 24);
        notice_text(notice.c_str());
        widgets().track("sign_in_notice", notice);
        end_card();
        move_to(column, 16);
    }
    begin_card(column.width, input.compact ? 20 : 32);
    page_title(tr("home.title"), input.compact);
    wrapped_text(fonts().body, p.text_muted, tr("home.intro"));
    ImGui::Dummy(ImVec2(0, 2));
    draw_status(input.app, input.now);
    end_card();

    move_to(column, 16);
    draw_sign_in_card(input, column.width);

    move_to(column, 16);
    draw_ways_to_help(column, input.compact);
    move_to(column, 16);
    draw_how_it_works(column);
    // How to embed Orchard is for site owners, not for visitors already seeing it embedded.
    if (!input.app.state().embedded) {
        move_to(column, 16);
        draw_embed(column, input.page_origin, input.view.embed_copied);
    }

    move_to(column, 20);
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    text::wrapped(tr("home.footer", {{"version", input.app.state().server_version}}));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 24));
}

} // namespace orchard::ui
