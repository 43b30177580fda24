#include "ui/audit_view.h"

#include "i18n/translator.h"
#include "protocol/text.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/moderation_sections.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// The kinds of action the log can be narrowed to (docs/moderation.md's table).
struct ActionKind {
    const char* filter; // "" for all
    const char* key;
};
constexpr ActionKind kKinds[] = {
    {"", "audit.kind.all"},
    {"message.*", "audit.kind.message"},
    {"flag.*", "audit.kind.flag"},
    {"tree.*", "audit.kind.tree"},
    {"user.*", "audit.kind.user"},
    {"config.*", "audit.kind.config"},
    {"prize.*", "audit.kind.prize"},
    {"export.*", "audit.kind.export"},
    {"api_client.*", "audit.kind.api_client"},
};

void draw_chain(const client::AuditState& audit, float width, float padding) {
    const Palette& p = current_palette();
    begin_card(width, padding);
    if (!audit.check) {
        muted_text(tr("common.loading"));
    } else if (audit.check->intact) {
        const std::string holds =
            i18n::tr_count("audit.chain.intact", static_cast<double>(audit.check->rows));
        wrapped_text(fonts().strong, p.success, holds.c_str());
        widgets().track("audit_chain", holds);
        const std::string head = tr("audit.chain.head", {{"hash", audit.check->head}});
        wrapped_text(fonts().small, p.text_muted, head.c_str());
    } else {
        const std::string broken = tr("audit.chain.broken", {{"problem", audit.check->problem}});
        wrapped_text(fonts().strong, p.danger, broken.c_str());
        widgets().track("audit_chain", broken);
    }
    end_card();
}

// One row: the action and when, who and on what, then before → after.
void draw_row(const protocol::AuditRow& row, float width, float padding) {
    const Palette& p = current_palette();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, padding);
    // The time too, in UTC as stored: the order of actions within a day matters here.
    const std::string time =
        row.created_date.size() >= 19 ? row.created_date.substr(11, 8) + " UTC" : "";
    const std::string when = tr("audit.row.when", {{"action", row.action},
                                                   {"date", i18n::active().date(row.created_date)},
                                                   {"time", time},
                                                   {"id", std::to_string(row.id)}});
    wrapped_text(fonts().strong, p.text, when.c_str());
    const std::string actor =
        row.actor_name.empty() ? std::string(tr("audit.row.system")) : row.actor_name;
    const std::string who = tr(
        "audit.row.who", {{"actor", actor}, {"kind", row.target_kind}, {"target", row.target_id}});
    wrapped_text(fonts().small, p.text_muted, who.c_str());
    // Before and after as their JSON, shortened: a whole message's text can be in them.
    // A row that made something (a note, a prize) has nothing before: the new thing alone.
    const std::string change =
        row.before == "null"
            ? protocol::excerpt(row.after, 300)
            : tr("audit.row.change", {{"before", protocol::excerpt(row.before, 300)},
                                      {"after", protocol::excerpt(row.after, 300)}});
    wrapped_text(fonts().small, p.text, change.c_str());
    end_card();
    widgets().track_rect("audit_row_" + std::to_string(row.id), top, ImGui::GetItemRectMax(),
                         row.action + " " + row.target_id);
}

} // namespace

void draw_audit_log(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& audit = app.state().audit;
    const float padding = input.compact ? 14 : 18;
    const Column column = begin_moderation_page(input);
    muted_text(tr("audit.intro"));
    move_to(column, 10);
    draw_chain(audit, column.width, padding);
    move_to(column, 12);
    ChoiceRow kinds(column.width);
    for (const auto& kind : kKinds) {
        const std::string id = std::string("audit_kind_") + (*kind.filter ? kind.filter : "all");
        if (kinds.add(tr(kind.key), id.c_str(), audit.kind == kind.filter) &&
            audit.kind != kind.filter)
            app.set_audit_kind(kind.filter, input.now);
    }
    if (!audit.problem.empty()) problem_text(audit.problem.c_str());
    if (!audit.loaded)
        muted_text(tr("common.loading"));
    else if (audit.rows.empty())
        muted_text(tr("audit.none"));
    for (const auto& row : audit.rows) {
        move_to(column, 10);
        draw_row(row, column.width, padding);
    }
    if (audit.next) {
        move_to(column, 12);
        const bool pressed = disabled_if(
            audit.loading, [&] { return secondary_button(tr("audit.more"), "audit_more"); });
        if (pressed) app.load_more_audit(input.now);
    }
    end_moderation_page(column);
}

} // namespace orchard::ui
