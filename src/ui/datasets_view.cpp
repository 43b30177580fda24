#include "ui/datasets_view.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

// A download format: its name for the server, and the keys of its title and of what it is for.
struct FormatText {
    const char* name;
    const char* title;
    const char* use;
};

constexpr FormatText kFormatTexts[] = {
    {"oasst", "datasets.format.oasst.title", "datasets.format.oasst.use"},
    {"sft", "datasets.format.sft.title", "datasets.format.sft.use"},
    {"preference", "datasets.format.preference.title", "datasets.format.preference.use"},
    {"labels", "datasets.format.labels.title", "datasets.format.labels.use"},
    {"messages", "datasets.format.messages.title", "datasets.format.messages.use"},
};

// "Name ........ 12 trees · 80 messages" as two columns.
void count_line(const std::string& id, const std::string& name, const protocol::TreeTally& tally,
                float width) {
    const Palette& p = current_palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string counts =
        tr("datasets.counts",
           {{"trees", tr_count("datasets.trees", static_cast<double>(tally.trees))},
            {"messages", tr_count("datasets.messages", static_cast<double>(tally.messages))}});
    ImGui::PushFont(fonts().body);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text::draw(draw, at, to_u32(p.text), name.c_str());
    const float counts_w = text::width(counts.c_str());
    text::draw(draw, ImVec2(at.x + width - counts_w, at.y), to_u32(p.text_muted), counts.c_str());
    const float h = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + 2));
    widgets().track_rect(id, at, ImVec2(at.x + width, at.y + h),
                         tr("datasets.count_line", {{"name", name}, {"counts", counts}}));
}

} // namespace

void draw_datasets(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& d = app.state().datasets;
    const Column column = content_column(input.compact, 820);
    const float padding = input.compact ? 16 : 20;
    const float inner = column.width - 2 * padding;

    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    if (link_button(tr("datasets.back"), "datasets_back"))
        app.show_screen(client::Screen::Explore, input.now);
    page_title(tr("datasets.title"), input.compact);
    muted_text(tr("datasets.intro"));
    if (!d.problem.empty()) problem_text(d.problem.c_str());
    if (!d.notice.empty()) notice_text(d.notice.c_str());
    if (!d.counts) {
        muted_text(tr("common.loading"));
    } else {
        move_to(column, 12);
        begin_card(column.width, padding);
        heading_text(tr("datasets.ready.title"));
        if (d.counts->ready_for_export.empty()) muted_text(tr("datasets.ready.empty"));
        for (const auto& [lang, tally] : d.counts->ready_for_export)
            count_line("ready_" + lang, tr("datasets.ready.language", {{"lang", lang}}), tally,
                       inner);
        end_card();

        move_to(column, 12);
        begin_card(column.width, padding);
        heading_text(tr("datasets.downloads.title"));
        muted_text(tr("datasets.downloads.intro"));
        for (const auto& format : kFormatTexts) {
            if (std::find(d.counts->formats.begin(), d.counts->formats.end(), format.name) ==
                d.counts->formats.end())
                continue;
            ImGui::Dummy(ImVec2(0, 6));
            wrapped_text(fonts().strong, current_palette().text, tr(format.title));
            wrapped_text(fonts().small, current_palette().text_muted, tr(format.use));
            const std::string id = std::string("download_") + format.name;
            const bool preparing = d.preparing == format.name;
            const bool pressed = disabled_if(!d.preparing.empty(), [&] {
                return secondary_button(preparing ? tr("datasets.downloads.preparing")
                                                  : tr("datasets.downloads.download"),
                                        id.c_str());
            });
            if (pressed) app.download_dataset(format.name, input.now);
        }
        end_card();

        move_to(column, 12);
        begin_card(column.width, padding);
        // Each count with its own plural forms (the English says "trees" even of one).
        const std::string all =
            tr("datasets.totals.heading",
               {{"trees", tr_count("datasets.totals.trees", static_cast<double>(d.counts->trees))},
                {"messages",
                 tr_count("datasets.totals.messages", static_cast<double>(d.counts->messages))}});
        heading_text(all.c_str());
        for (const auto& [state, tally] : d.counts->states)
            count_line("state_" + state, client::tree_state_name(state), tally, inner);
        end_card();
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui
