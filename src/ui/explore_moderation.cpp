#include "ui/explore_moderation.h"

#include "i18n/translator.h"
#include "ui/confirmation.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// The texts it had, oldest first: the author's, then each moderator's edit.
void draw_history(const client::ExploreState& e, float width) {
    const Palette& p = current_palette();
    if (e.history_of != e.chosen_id || e.history.size() < 2) return;
    ImGui::Dummy(ImVec2(0, 6));
    field_label(tr("explore_moderation.history.title"));
    for (std::size_t i = 0; i < e.history.size(); ++i) {
        const auto& revision = e.history[i];
        const std::string when =
            tr(i == 0 ? "explore_moderation.history.original" : "explore_moderation.history.edit",
               {{"date", i18n::active().date(revision.created_date)}});
        wrapped_text(fonts().small, p.text_muted, when.c_str());
        wrapped_text(fonts().body, p.text, revision.text.c_str());
        widgets().track("revision_" + std::to_string(i), revision.text);
    }
    (void)width;
}

} // namespace

void draw_explore_moderation(const ScreenInput& input, const protocol::TreeMessage& message,
                             float width) {
    client::App& app = input.app;
    const auto& e = app.state().explore;
    const bool busy = !e.moderating.empty();
    const float padding = input.compact ? 14 : 18;
    const float inner = width - 2 * padding;
    if (e.confirm_delete) {
        bool keep = false, remove = false;
        draw_confirmation(
            message.parent_id ? tr("moderation.confirm.reply") : tr("moderation.confirm.prompt"),
            tr("moderation.confirm.cancel"), "explore_delete_cancel",
            tr("moderation.confirm.remove"), "explore_delete_confirm", width, keep, remove);
        if (remove)
            app.confirm_delete_explored(input.now);
        else if (keep)
            app.cancel_delete_explored();
        return;
    }
    begin_card(width, padding);
    heading_text(tr("explore_moderation.title"));
    if (message.deleted) {
        wrapped_text(fonts().strong, current_palette().danger, tr("explore_moderation.deleted"));
        widgets().track("explore_deleted", tr("explore_moderation.deleted"));
    }
    if (e.editing) {
        text_field("explore_edit_text", app.forms().explore.edit, ImVec2(inner, 0),
                   {.kind = TextFieldKind::MultiLine,
                    .max_chars = static_cast<int>(app.state().max_reply_characters),
                    .label = tr("explore_moderation.edit.label")});
        ImGui::Dummy(ImVec2(0, 4));
        if (disabled_if(busy, [&] {
                return primary_button(tr("explore_moderation.edit.save"), "explore_edit_save");
            }))
            app.save_edit_explored(input.now);
        ImGui::SameLine(0, 10);
        if (secondary_button(tr("explore_moderation.edit.cancel"), "explore_edit_cancel"))
            app.cancel_edit_explored();
    } else {
        const bool halted = e.details && e.details->message_id == message.message.id &&
                            e.details->tree_state == "halted_by_moderator";
        ChoiceRow actions(inner);
        disabled_if(busy, [&] {
            if (message.deleted) {
                if (actions.add(tr("explore_moderation.undelete"), "explore_undelete", false))
                    app.undelete_explored(input.now);
            } else {
                if (actions.add(tr("explore_moderation.edit.button"), "explore_edit", false))
                    app.start_edit_explored();
                if (actions.add(tr("explore_moderation.delete"), "explore_delete", false))
                    app.ask_delete_explored();
            }
            if (actions.add(halted ? tr("explore_moderation.resume")
                                   : tr("explore_moderation.halt"),
                            "explore_halt", false))
                app.set_explored_tree_halted(!halted, input.now);
            return false;
        });
    }
    draw_history(e, inner);
    end_card();
}

} // namespace orchard::ui
