#include "ui/report_form.h"

#include "i18n/translator.h"
#include "ui/text_field.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// The reasons offered when reporting a message; each is a report label of PROTOCOL.md §4, with
// the catalog key of its words.
struct ReportReason {
    const char* label;
    const char* text;
};
constexpr ReportReason kReportReasons[] = {
    {"spam", "report.reasons.spam"},
    {"pii", "report.reasons.pii"},
    {"hate_speech", "report.reasons.hate_speech"},
    {"sexual_content", "report.reasons.sexual_content"},
    {"not_appropriate", "report.reasons.not_appropriate"},
    {"political_content", "report.reasons.political_content"},
    {"moral_judgement", "report.reasons.moral_judgement"},
};

} // namespace

void draw_report_form(client::App& app, float width) {
    client::ReportForm& form = app.forms().report;
    if (form.message_id.empty()) return;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    begin_card(width, 20);
    heading_text(tr("report.title"));
    muted_text(tr("report.question"));
    // Chips flow in rows: the next one joins the row only when all of it fits before the card's
    // inner right edge (begin_card put the cursor at the inner left edge).
    const float inner_width = width - 40;
    const float inner_right = ImGui::GetCursorScreenPos().x + inner_width;
    constexpr float kGap = 8;
    int index = 0;
    for (const auto& reason : kReportReasons) {
        const bool selected = form.reason == index;
        const char* text = tr(reason.text);
        // A chip wider than the card (a long label on a narrow phone) is cut to the card.
        const float chip_w = std::min(choice_button_width(text, selected), inner_width);
        if (index > 0 && ImGui::GetItemRectMax().x + kGap + chip_w <= inner_right)
            ImGui::SameLine(0, kGap);
        const std::string id = std::string("report_reason_") + reason.label;
        if (choice_button(text, id.c_str(), selected, chip_w)) form.reason = index;
        ++index;
    }
    text_field("report_details", form.details, ImVec2(width - 40, 96),
               {.kind = TextFieldKind::MultiLine,
                .placeholder = tr("report.details_placeholder"),
                .max_chars = 1000,
                .label = tr("report.details_label")});
    const bool send = disabled_if(form.reason < 0,
                                  [] { return primary_button(tr("report.send"), "report_send"); });
    if (send && form.reason >= 0) {
        app.report(form.message_id, kReportReasons[form.reason].label, form.details);
        form = {};
    }
    ImGui::SameLine(0, 12);
    if (secondary_button(tr("report.cancel"), "report_cancel")) form = {};
    end_card();
    // The card's bounds: tests check that its chips stay inside.
    widgets().track_rect("report_form", origin,
                         ImVec2(origin.x + width, ImGui::GetItemRectMax().y));
}

} // namespace orchard::ui
