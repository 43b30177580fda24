#include "ui/moderation_sections.h"

#include "i18n/translator.h"
#include "ui/widgets.h"

namespace orchard::ui {

using client::Screen;
using i18n::tr;

namespace {

void draw_sections(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const Screen on = app.state().screen;
    page_title(tr("screens.moderation"), input.compact); // the top bar's name for them all
    ChoiceRow row(width);
    const auto section = [&](const char* key, const char* id, Screen screen) {
        if (row.add(tr(key), id, on == screen) && on != screen) app.show_screen(screen, input.now);
    };
    section("moderation.title", "section_queue", Screen::Moderation);
    section("moderation.section.people", "section_people", Screen::People);
    section("moderation.section.trees", "section_trees", Screen::Trees);
    if (client::is_admin(app.state())) {
        section("moderation.section.api_keys", "section_api_keys", Screen::ApiKeys);
        section("moderation.section.audit", "section_audit", Screen::AuditLog);
    }
    ImGui::Dummy(ImVec2(0, 4));
}

} // namespace

Column begin_moderation_page(const ScreenInput& input) {
    const Column column = content_column(input.compact, 860);
    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    draw_sections(input, column.width);
    return column;
}

void end_moderation_page(const Column& column) {
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui
