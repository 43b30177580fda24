#include "ui/trees_view.h"

#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/moderation_sections.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <map>
#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

constexpr std::size_t kActiveShown = 30; // growing trees listed; the counts cover them all

std::string number_text(double n) {
    return i18n::active().number(n);
}

// "Growing: 12 trees (en 8, de 4)" for each state, in the order the server lists them.
void draw_counts(const protocol::TreeStatus& status, float width, float padding) {
    const Palette& p = current_palette();
    begin_card(width, padding);
    heading_text(tr("trees.counts.title"));
    std::vector<std::string> states;
    std::map<std::string, std::pair<long long, std::string>> by_state; // trees, "en 8, de 4"
    for (const auto& c : status.counts) {
        auto& [trees, langs] = by_state[c.state];
        if (trees == 0 && langs.empty()) states.push_back(c.state);
        trees += c.trees;
        langs +=
            (langs.empty() ? "" : ", ") + c.lang + " " + number_text(static_cast<double>(c.trees));
    }
    if (states.empty()) muted_text(tr("trees.counts.none"));
    for (const auto& state : states) {
        const auto& [trees, langs] = by_state[state];
        const std::string line =
            tr("trees.counts.line",
               {{"state", client::tree_state_name(state)},
                {"trees", tr_count("trees.counts.trees", static_cast<double>(trees))},
                {"languages", langs}});
        wrapped_text(fonts().body, p.text, line.c_str());
        widgets().track("tree_state_" + state, line);
    }
    end_card();
}

void draw_active(const protocol::TreeStatus& status, float width, float padding) {
    const Palette& p = current_palette();
    begin_card(width, padding);
    heading_text(tr("trees.active.title"));
    if (status.active.empty()) muted_text(tr("trees.active.none"));
    for (std::size_t i = 0; i < std::min(status.active.size(), kActiveShown); ++i) {
        const auto& tree = status.active[i];
        const std::string line = tr(
            "trees.active.line", {{"lang", tree.lang},
                                  {"state", client::tree_state_name(tree.state)},
                                  {"messages", number_text(static_cast<double>(tree.messages))},
                                  {"goal", number_text(static_cast<double>(tree.goal_tree_size))},
                                  {"date", i18n::active().date(tree.created_date)}});
        wrapped_text(fonts().body, p.text, line.c_str());
        wrapped_text(fonts().small, p.text_muted, tree.id.c_str());
    }
    if (status.active.size() > kActiveShown)
        muted_text(
            tr_count("trees.active.more", static_cast<double>(status.active.size() - kActiveShown))
                .c_str());
    end_card();
}

// "en: 3 × Write a prompt · 5 × Reply as the assistant …" per working language.
void draw_available(const protocol::TreeStatus& status, float width, float padding) {
    const Palette& p = current_palette();
    begin_card(width, padding);
    heading_text(tr("trees.available.title"));
    muted_text(tr("trees.available.explain"));
    if (status.available.empty()) muted_text(tr("trees.available.none"));
    for (const auto& [lang, tasks] : status.available) {
        std::string line;
        for (const auto& [type, count] : tasks) {
            if (count <= 0) continue;
            const auto* kind = client::task_kind(type);
            const std::string name = kind ? tr(kind->title) : client::spelled_out(type);
            line += (line.empty() ? "" : " · ") +
                    tr("trees.available.task",
                       {{"count", number_text(static_cast<double>(count))}, {"task", name}});
        }
        if (line.empty()) line = tr("trees.available.nothing");
        const std::string row = lang + ": " + line;
        wrapped_text(fonts().body, p.text, row.c_str());
        widgets().track("available_" + lang, row);
    }
    end_card();
}

// Every setting: its field, its default and its last change; one button saves what changed.
void draw_config(const ScreenInput& input, float width, float padding) {
    client::App& app = input.app;
    const auto& t = app.state().trees;
    const Palette& p = current_palette();
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    heading_text(tr("trees.config.title"));
    muted_text(tr("trees.config.explain"));
    const float field_w = input.compact ? inner : std::min(inner, 220.0f);
    bool enter = false;
    for (const auto& item : t.config) {
        ImGui::Dummy(ImVec2(0, 6));
        field_label(item.key.c_str());
        std::string& text = app.forms().config.values[item.key];
        const std::string id = "config_" + item.key;
        enter |=
            text_field(
                id.c_str(), text, ImVec2(field_w, 0),
                {.kind = TextFieldKind::SingleLine, .max_chars = 40, .label = item.key.c_str()})
                .submit;
        std::string about =
            tr("trees.config.default", {{"value", number_text(item.default_value)}});
        if (item.last_change)
            about += " · " + tr("trees.config.changed",
                                {{"actor", item.last_change->actor_name},
                                 {"date", i18n::active().date(item.last_change->date)},
                                 {"before", item.last_change->before},
                                 {"after", item.last_change->after}});
        wrapped_text(fonts().small, p.text_muted, about.c_str());
    }
    ImGui::Dummy(ImVec2(0, 8));
    const bool save = disabled_if(t.saving, [&] {
        return primary_button(t.saving ? tr("trees.config.saving") : tr("trees.config.save"),
                              "config_save");
    });
    if (save || enter) app.save_config(input.now);
    end_card();
}

} // namespace

void draw_trees(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& t = app.state().trees;
    const float padding = input.compact ? 16 : 20;
    const Column column = begin_moderation_page(input);
    muted_text(tr("trees.intro"));
    if (!t.problem.empty()) problem_text(t.problem.c_str());
    if (!t.notice.empty()) notice_text(t.notice.c_str());
    if (!t.status) {
        muted_text(tr("common.loading"));
    } else {
        move_to(column, 10);
        draw_counts(*t.status, column.width, padding);
        move_to(column, 12);
        draw_available(*t.status, column.width, padding);
        move_to(column, 12);
        draw_active(*t.status, column.width, padding);
    }
    if (!t.config.empty()) {
        move_to(column, 12);
        draw_config(input, column.width, padding);
    }
    end_moderation_page(column);
}

} // namespace orchard::ui
