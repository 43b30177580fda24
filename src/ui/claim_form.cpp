#include "ui/claim_form.h"

#include "i18n/translator.h"
#include "ui/account_fields.h"
#include "ui/text_field.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

void draw_claim_form(client::App& app, ClaimFormPlace place, float width, float padding,
                     bool compact) {
    client::ClaimForm& f = app.forms().claim;
    const auto& dashboard = app.state().dashboard;
    const bool settings = place == ClaimFormPlace::Settings;
    const std::string prefix = settings ? "settings_" : "";
    const std::string username_id = prefix + "claim_username";
    const std::string password_id = prefix + "claim_password";
    const std::string submit_id = prefix + "claim_submit";
    const std::string problem_id = prefix + "claim_problem";
    const float inner = width - 2 * padding;
    // Settings stack labelled fields; the dashboard's card puts the two side by side.
    const float field_w = compact ? inner : settings ? std::min(inner, 440.0f) : (inner - 12) / 2;
    const std::string password_hint =
        tr_count("claim.password_placeholder", static_cast<double>(protocol::kPasswordMinLength));

    begin_card(width, padding);
    heading_text(tr("claim.title"));
    muted_text(tr("claim.intro"));
    if (settings) {
        ImGui::Dummy(ImVec2(0, 2));
        field_label(tr("claim.username"));
    }
    text_field(
        username_id.c_str(), f.username, ImVec2(field_w, 0),
        {.kind = TextFieldKind::SingleLine,
         .placeholder = settings ? tr("claim.username_hint") : tr("claim.username_placeholder"),
         .max_chars = kUsernameMaxChars,
         .autocomplete = "username",
         .label = tr("claim.username")});
    if (settings)
        field_label(tr("claim.password"));
    else if (!compact)
        ImGui::SameLine(0, 12);
    const bool enter =
        text_field(password_id.c_str(), f.password, ImVec2(field_w, 0),
                   {.kind = TextFieldKind::Password,
                    .placeholder = settings ? new_password_hint() : password_hint.c_str(),
                    .max_chars = kPasswordMaxChars,
                    .autocomplete = "new-password",
                    .label = tr("claim.password")})
            .submit;
    if (settings) ImGui::Dummy(ImVec2(0, 4));
    const bool ready = !f.username.empty() && !f.password.empty() && !dashboard.claim_busy;
    const char* label = dashboard.claim_busy ? tr("claim.saving") : tr("claim.save");
    const bool pressed = disabled_if(!ready, [&] {
        if (!settings) return secondary_button(label, submit_id.c_str());
        return primary_button(label, submit_id.c_str(),
                              compact ? inner : button_width(tr("claim.save")) + 24);
    });
    if ((pressed || enter) && ready) app.claim_account(f.username, f.password);
    if (!dashboard.claim_problem.empty()) {
        problem_text(dashboard.claim_problem.c_str());
        widgets().track(problem_id, dashboard.claim_problem);
    }
    end_card();
}

} // namespace orchard::ui
