#include "ui/api_keys_view.h"

#include "i18n/translator.h"
#include "ui/confirmation.h"
#include "ui/fonts.h"
#include "ui/form_rows.h"
#include "ui/layout.h"
#include "ui/moderation_sections.h"
#include "ui/rewards_widgets.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

constexpr int kDescriptionMaxChars = 200;

// The key just issued, in a card of its own, to be copied now: it is never shown again.
void draw_issued(const ScreenInput& input, float width, float padding) {
    client::App& app = input.app;
    const auto& issued = *app.state().api_keys.issued;
    const Palette& p = current_palette();
    begin_card(width, padding);
    const std::string title = tr("api_keys.issued.title", {{"client", issued.client.description}});
    wrapped_text(fonts().strong, p.success, title.c_str());
    muted_text(tr("api_keys.issued.once"));
    wrapped_text(fonts().mono, p.text, issued.api_key.c_str());
    widgets().track("issued_key", issued.client.id); // the client, never the key
    const bool copied = input.view.api_key_copied;
    if (secondary_button(copied ? tr("api_keys.issued.copied") : tr("api_keys.issued.copy"),
                         "copy_api_key")) {
        ImGui::SetClipboardText(issued.api_key.c_str());
        input.view.api_key_copied = true;
    }
    ImGui::SameLine(0, 10);
    if (secondary_button(tr("api_keys.issued.done"), "dismiss_api_key")) {
        input.view.api_key_copied = false;
        app.dismiss_issued_api_key();
    }
    end_card();
}

void draw_new_client(const ScreenInput& input, float width, float padding) {
    client::App& app = input.app;
    const auto& k = app.state().api_keys;
    auto& form = app.forms().api_key;
    begin_card(width, padding);
    heading_text(tr("api_keys.new.title"));
    field_label(tr("api_keys.new.description"));
    const bool create = field_and_button("api_key_description", form.description,
                                         {.kind = TextFieldKind::SingleLine,
                                          .placeholder = tr("api_keys.new.placeholder"),
                                          .max_chars = kDescriptionMaxChars,
                                          .label = tr("api_keys.new.description")},
                                         tr("api_keys.new.create"), "api_key_create",
                                         k.busy.empty(), width - 2 * padding, input.compact);
    if (choice_button(tr("api_keys.new.trusted"), "api_key_new_trusted", form.trusted))
        form.trusted = !form.trusted;
    muted_text(tr("api_keys.trusted_explain"));
    if (create) app.create_api_key(input.now);
    end_card();
}

void draw_client(const ScreenInput& input, const protocol::ApiClientInfo& client, float width,
                 float padding) {
    client::App& app = input.app;
    const auto& k = app.state().api_keys;
    const Palette& p = current_palette();
    const bool busy = !k.busy.empty();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, padding);
    wrapped_text(fonts().strong, p.text, client.description.c_str());
    badge(client.enabled ? tr("api_keys.badge.enabled") : tr("api_keys.badge.disabled"),
          client.enabled ? p.success : p.danger);
    if (client.trusted) badge(tr("api_keys.badge.trusted"), p.accent);
    const std::string line = tr(
        "api_keys.line", {{"users", tr_count("api_keys.users", static_cast<double>(client.users))},
                          {"date", i18n::active().date(client.created_date)}});
    wrapped_text(fonts().small, p.text_muted, line.c_str());
    wrapped_text(fonts().small, p.text_muted, client.id.c_str());
    ImGui::Dummy(ImVec2(0, 4));
    if (k.confirm_rotate == client.id) {
        end_card();
        ImGui::Dummy(ImVec2(0, 2));
        bool keep = false, rotate = false;
        draw_confirmation(tr("api_keys.rotate.question"), tr("api_keys.rotate.cancel"),
                          "rotate_cancel", tr("api_keys.rotate.confirm"), "rotate_confirm", width,
                          keep, rotate);
        if (rotate)
            app.confirm_rotate_api_key(input.now);
        else if (keep)
            app.cancel_rotate_api_key();
        return;
    }
    ChoiceRow actions(width - 2 * padding);
    const std::string id = client.id.substr(0, 8);
    disabled_if(busy, [&] {
        if (actions.add(client.enabled ? tr("api_keys.disable") : tr("api_keys.enable"),
                        ("api_key_enabled_" + id).c_str(), false))
            app.set_api_key_enabled(client.id, !client.enabled, input.now);
        if (actions.add(client.trusted ? tr("api_keys.untrust") : tr("api_keys.trust"),
                        ("api_key_trusted_" + id).c_str(), false))
            app.set_api_key_trusted(client.id, !client.trusted, input.now);
        if (actions.add(tr("api_keys.rotate.button"), ("api_key_rotate_" + id).c_str(), false))
            app.ask_rotate_api_key(client.id);
        return false;
    });
    end_card();
    widgets().track_rect("api_client_" + id, top, ImGui::GetItemRectMax(), client.description);
}

} // namespace

void draw_api_keys(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& k = app.state().api_keys;
    const float padding = input.compact ? 16 : 20;
    const Column column = begin_moderation_page(input);
    muted_text(tr("api_keys.intro"));
    if (!k.problem.empty()) problem_text(k.problem.c_str());
    if (!k.notice.empty()) notice_text(k.notice.c_str());
    if (k.issued) {
        move_to(column, 10);
        draw_issued(input, column.width, padding);
    }
    move_to(column, 12);
    draw_new_client(input, column.width, padding);
    if (!k.loaded) muted_text(tr("common.loading"));
    for (const auto& client : k.clients) {
        move_to(column, 12);
        draw_client(input, client, column.width, padding);
    }
    end_moderation_page(column);
}

} // namespace orchard::ui
