#include "ui/datasets_view.h"

#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

namespace {

struct FormatText {
    const char* name;
    const char* title;
    const char* use;
};

constexpr FormatText kFormatTexts[] = {
    {"oasst", "Conversation trees (oasst)",
     "One tree per line, as the oasst1 and oasst2 releases."},
    {"sft", "Conversations for fine-tuning (sft)",
     "One conversation per line in chat form, along the best-ranked replies."},
    {"preference", "Preference pairs (preference)",
     "Chosen and rejected replies from the rankings, for reward models and DPO."},
    {"labels", "Labeled messages (labels)",
     "One message per line with its labels' means, for text classifiers."},
    {"messages", "Messages (messages)", "Every exported message on a line of its own."},
};

std::string state_title(std::string state) {
    std::replace(state.begin(), state.end(), '_', ' ');
    if (!state.empty())
        state[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(state[0])));
    return state;
}

// "Name ........ 12 trees · 80 messages" as two columns.
void count_line(const std::string& id, const std::string& name, const protocol::TreeTally& tally,
                float width) {
    const Palette& p = current_palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string counts =
        std::to_string(tally.trees) + (tally.trees == 1 ? " tree · " : " trees · ") +
        std::to_string(tally.messages) + (tally.messages == 1 ? " message" : " messages");
    ImGui::PushFont(fonts().body);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text::draw(draw, at, to_u32(p.text), name.c_str());
    const float counts_w = text::width(counts.c_str());
    text::draw(draw, ImVec2(at.x + width - counts_w, at.y), to_u32(p.text_muted), counts.c_str());
    const float h = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + 2));
    widgets().track_rect(id, at, ImVec2(at.x + width, at.y + h), name + ": " + counts);
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
    if (link_button("Back to Explore", "datasets_back"))
        app.show_screen(client::Screen::Explore, input.now);
    ImGui::PushFont(input.compact ? fonts().heading : fonts().title);
    text::wrapped("Datasets");
    ImGui::PopFont();
    muted_text("What the trees hold now, and the finished ones as files a trainer can use. The "
               "same files come from `orchard export` on the server.");
    if (!d.problem.empty()) problem_text(d.problem.c_str());
    if (!d.notice.empty()) notice_text(d.notice.c_str());
    if (!d.counts) {
        muted_text("Loading…");
    } else {
        move_to(column, 12);
        begin_card(column.width, padding);
        heading_text("Ready for export");
        if (d.counts->ready_for_export.empty())
            muted_text("No tree is finished yet: downloads are empty until one is.");
        for (const auto& [lang, tally] : d.counts->ready_for_export)
            count_line("ready_" + lang, "Language " + lang, tally, inner);
        end_card();

        move_to(column, 12);
        begin_card(column.width, padding);
        heading_text("Downloads");
        muted_text("Gzip-compressed JSON Lines of the trees ready for export.");
        for (const auto& format : kFormatTexts) {
            if (std::find(d.counts->formats.begin(), d.counts->formats.end(), format.name) ==
                d.counts->formats.end())
                continue;
            ImGui::Dummy(ImVec2(0, 6));
            wrapped_text(fonts().strong, current_palette().text, format.title);
            wrapped_text(fonts().small, current_palette().text_muted, format.use);
            const std::string id = std::string("download_") + format.name;
            const bool preparing = d.preparing == format.name;
            const bool pressed = disabled_if(!d.preparing.empty(), [&] {
                return secondary_button(preparing ? "Preparing…" : "Download", id.c_str());
            });
            if (pressed) app.download_dataset(format.name, input.now);
        }
        end_card();

        move_to(column, 12);
        begin_card(column.width, padding);
        const std::string all = "All trees: " + std::to_string(d.counts->trees) + " trees, " +
                                std::to_string(d.counts->messages) + " messages";
        heading_text(all.c_str());
        for (const auto& [state, tally] : d.counts->states)
            count_line("state_" + state, state_title(state), tally, inner);
        end_card();
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui
