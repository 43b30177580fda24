#include "ui/moderation_view.h"

#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "ui/animation.h"
#include "ui/confirmation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/markdown_view.h"
#include "ui/moderation_sections.h"
#include "ui/rewards_widgets.h"
#include "ui/root_view.h"
#include "ui/shortcuts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

// "Prompt", "Assistant reply" or "User reply".
const char* kind_of(const protocol::FlagQueueItem& item) {
    if (!item.parent_id) return tr("moderation.kind.prompt");
    return item.message.is_assistant ? tr("moderation.kind.assistant_reply")
                                     : tr("moderation.kind.user_reply");
}

// What brought the message in: "3 red flags (weighing 2.25) · 1 report · Spam 2".
std::string reasons_line(const protocol::FlagQueueItem& item) {
    std::vector<std::string> parts;
    if (item.red_flags > 0)
        parts.push_back(tr("moderation.reasons.red_flags",
                           {{"flags", tr_count("moderation.reasons.flag_count",
                                               static_cast<double>(item.red_flags))},
                            {"weight", i18n::active().number(item.flag_weight)}}));
    if (item.reports > 0)
        parts.push_back(tr_count("moderation.reasons.reports", static_cast<double>(item.reports)));
    for (const auto& [name, count] : item.labels)
        parts.push_back(tr("moderation.reasons.label",
                           {{"label", client::label_name(name)},
                            {"count", i18n::active().number(static_cast<double>(count))}}));
    std::string line;
    for (const auto& part : parts)
        line += (line.empty() ? "" : tr("moderation.reasons.separator")) + part;
    return line;
}

const char* decision_text(const std::string& decision) {
    if (decision == "keep") return tr("moderation.decided.keep");
    if (decision == "remove") return tr("moderation.decided.remove");
    return tr("moderation.decided.handled");
}

// The three decisions on one item, side by side where they fit; the keys are shown on the
// selected item only, where they act.
void draw_decisions(client::App& app, const protocol::FlagQueueItem& item, bool selected, bool busy,
                    float width, double now) {
    const std::string& id = item.message.id;
    const bool narrow = width < 520;
    const char* keep = tr("moderation.action.keep");
    const char* handled = tr("moderation.action.handled");
    const char* remove = tr("moderation.action.remove");
    const char* keep_key = selected ? "K" : nullptr;
    const char* handled_key = selected ? "H" : nullptr;
    const char* remove_key = selected ? "X" : nullptr;
    const float keep_w = narrow ? width : button_width(keep, keep_key);
    const float handled_w = narrow ? width : button_width(handled, handled_key);
    const float remove_w = narrow ? width : button_width(remove, remove_key);
    std::string decision;
    disabled_if(busy, [&] {
        if (secondary_button(keep, keep_key, ("keep_" + id).c_str(), keep_w)) decision = "keep";
        if (!narrow) ImGui::SameLine(0, 10);
        // A message hidden by flags needs keep or remove: "handled" would leave it hidden.
        disabled_if(item.hidden, [&] {
            if (secondary_button(handled, handled_key, ("handled_" + id).c_str(), handled_w))
                decision = "handled";
            return false;
        });
        if (!narrow) ImGui::SameLine(0, 10);
        if (secondary_button(remove, remove_key, ("remove_" + id).c_str(), remove_w))
            decision = "remove";
        return false;
    });
    if (!decision.empty()) app.decide_flagged(id, decision, now);
}

void draw_item(client::App& app, ViewState& view, const protocol::FlagQueueItem& item, float width,
               float padding, double now) {
    const auto& m = app.state().moderation;
    const Palette& p = current_palette();
    const std::string& id = item.message.id;
    const bool selected = m.selected == id;
    const float inner = width - 2 * padding;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    begin_card(width, padding);

    const std::string by =
        tr("moderation.item.by",
           {{"kind", kind_of(item)},
            {"author", item.author_name.empty() ? tr("moderation.item.unknown_author")
                                                : item.author_name.c_str()},
            {"date", i18n::active().date(item.last_flag_date)}});
    wrapped_text(fonts().small, p.text_muted, by.c_str());
    if (item.hidden) badge(tr("moderation.item.hidden"), p.warning);
    if (item.handled && item.decision) badge(decision_text(*item.decision), p.success);
    const std::string reasons = reasons_line(item);
    wrapped_text(fonts().strong, p.danger, reasons.c_str());
    widgets().track("reasons_" + id, reasons);
    for (const auto& report : item.latest_reports) {
        if (report.text.empty()) continue;
        const std::string quoted = tr("moderation.item.report_quote", {{"text", report.text}});
        wrapped_text(fonts().body, p.text_muted, quoted.c_str());
    }
    ImGui::Dummy(ImVec2(0, 4));
    // The text being judged, in its own language, kept from the browser's translator.
    draw_markdown(("flagged_" + id).c_str(), item.message.text, inner,
                  {.lang = item.message.lang, .translate = false});
    ImGui::Dummy(ImVec2(0, 6));

    const bool confirming = m.confirm_remove == id;
    if (!confirming && (!item.handled || !m.open_only))
        draw_decisions(app, item, selected, m.busy == id, inner, now);
    // The author's page, to ban them or read their other messages; the message in its tree, to
    // edit it or halt the tree.
    if (!item.author_id.empty() &&
        link_button(tr("moderation.item.author_page"), ("author_" + id).c_str()))
        app.open_author(item.author_id, now);
    if (!item.author_id.empty() && width >= 520) ImGui::SameLine(0, 24);
    if (link_button(tr("moderation.item.in_tree"), ("in_tree_" + id).c_str()))
        app.open_in_explorer(id, now);
    end_card();
    const float bottom = ImGui::GetItemRectMax().y; // the card's own bottom, before any spacing
    if (confirming) {
        // Under the card (a card cannot hold another), in place of its decisions.
        ImGui::Dummy(ImVec2(0, 2));
        bool keep_listed = false;
        bool remove = false;
        draw_confirmation(
            item.parent_id ? tr("moderation.confirm.reply") : tr("moderation.confirm.prompt"),
            tr("moderation.confirm.cancel"), "cancel_remove", tr("moderation.confirm.remove"),
            "confirm_remove", width, keep_listed, remove);
        if (remove)
            app.confirm_remove_flagged(now);
        else if (keep_listed)
            app.cancel_remove_flagged();
    }
    const float end_y = ImGui::GetItemRectMax().y; // with the question, when there is one
    // The item the keys act on: outlined, and scrolled into view (just enough, as a web page
    // would) when the keys chose it or a removal asks under it.
    if (selected) {
        ImGui::GetWindowDrawList()->AddRect(origin, ImVec2(origin.x + width, bottom),
                                            to_u32(p.accent), 14, 0, 2.5f);
        const std::string shown = id + "|" + m.confirm_remove;
        if (view.moderation_revealed != shown) {
            view.moderation_revealed = shown;
            const float room = ImGui::GetWindowHeight() - 24;
            // Its question when there is one, else its top part.
            const float top = confirming ? std::max(origin.y, end_y - room) : origin.y;
            const ImRect card(ImVec2(origin.x, top - 12),
                              ImVec2(origin.x + width, std::min(end_y, top + room) + 12));
            ImGui::ScrollToRect(ImGui::GetCurrentWindow(), card, ImGuiScrollFlags_KeepVisibleEdgeY);
            keep_animating();
        }
    }
    widgets().track_rect("flagged_item_" + id, origin, ImVec2(origin.x + width, bottom),
                         selected ? reasons + " (selected)" : reasons);
}

// The keys of the queue: Up and Down choose, K keeps, H marks handled, X removes (asking first).
void handle_keys(client::App& app, double now) {
    const auto& m = app.state().moderation;
    if (page_covered() || !m.confirm_remove.empty() || m.selected.empty()) return;
    bool acted = false;
    if (shortcut_pressed(kKeyDown)) app.select_next_flagged(+1), acted = true;
    if (shortcut_pressed(kKeyUp)) app.select_next_flagged(-1), acted = true;
    const std::string selected = m.selected;
    const protocol::FlagQueueItem* item = nullptr;
    for (const auto& listed : m.items)
        if (listed.message.id == selected) item = &listed;
    if (item && !(item->handled && m.open_only)) {
        std::string decision;
        if (shortcut_pressed('K')) decision = "keep";
        if (shortcut_pressed('H') && !item->hidden) decision = "handled";
        if (shortcut_pressed('X')) decision = "remove";
        if (!decision.empty()) app.decide_flagged(selected, decision, now), acted = true;
    }
    // The next frame shows what the key did (and scrolls to it), without waiting for more input.
    if (acted) keep_animating();
}

} // namespace

void draw_moderation(const ScreenInput& input) {
    client::App& app = input.app;
    // Before drawing: the frame of a key press shows what the key did.
    handle_keys(app, input.now);
    const auto& m = app.state().moderation;
    const float padding = input.compact ? 16 : 20;
    const Column column = begin_moderation_page(input);
    muted_text(tr("moderation.intro"));
    ImGui::Dummy(ImVec2(0, 4));
    ChoiceRow view(column.width);
    if (view.add(tr("moderation.view.open"), "moderation_open", m.open_only) && !m.open_only)
        app.set_moderation_view(true, m.most_flagged, input.now);
    if (view.add(tr("moderation.view.all"), "moderation_all", !m.open_only) && m.open_only)
        app.set_moderation_view(false, m.most_flagged, input.now);
    if (view.add(tr("moderation.sort.recent"), "moderation_recent", !m.most_flagged) &&
        m.most_flagged)
        app.set_moderation_view(m.open_only, false, input.now);
    if (view.add(tr("moderation.sort.most_flagged"), "moderation_most", m.most_flagged) &&
        !m.most_flagged)
        app.set_moderation_view(m.open_only, true, input.now);
    if (!input.compact) muted_text(tr("moderation.keys"));
    if (!m.problem.empty()) problem_text(m.problem.c_str());
    if (!m.notice.empty()) notice_text(m.notice.c_str());

    if (!m.loaded) {
        muted_text(tr("common.loading"));
    } else if (m.items.empty()) {
        move_to(column, 12);
        begin_card(column.width, padding);
        heading_text(m.open_only ? tr("moderation.empty.open_title")
                                 : tr("moderation.empty.all_title"));
        muted_text(tr("moderation.empty.text"));
        end_card();
    }
    for (const auto& item : m.items) {
        move_to(column, 12);
        draw_item(app, input.view, item, column.width, padding, input.now);
    }
    if (m.next) {
        move_to(column, 12);
        const bool pressed = disabled_if(
            m.loading, [&] { return secondary_button(tr("moderation.more"), "moderation_more"); });
        if (pressed) app.load_more_moderation(input.now);
    }
    end_moderation_page(column);
}

} // namespace orchard::ui
