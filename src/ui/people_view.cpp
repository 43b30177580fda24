#include "ui/people_view.h"

#include "i18n/translator.h"
#include "protocol/text.h"
#include "ui/confirmation.h"
#include "ui/fonts.h"
#include "ui/form_rows.h"
#include "ui/layout.h"
#include "ui/markdown_document.h"
#include "ui/moderation_sections.h"
#include "ui/rewards_widgets.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>
#include <vector>

namespace orchard::ui {

using client::PersonAction;
using i18n::tr;
using i18n::tr_count;

namespace {

constexpr int kBanReasonMaxChars = 1000; // the server's bound, in characters here
constexpr int kNoteMaxChars = 4000;

std::string number_text(long long n) {
    return i18n::active().number(static_cast<double>(n));
}

// A message as one plain line (no Markdown marks, no line breaks), shortened.
std::string one_line(const std::string& text, std::size_t max_bytes) {
    return protocol::excerpt(markdown::plain_line(text), max_bytes);
}

// "Contributor", "Moderator", "Admin"; a frontend's user has no role of Orchard's.
const char* role_name(const std::optional<std::string>& role) {
    if (!role) return tr("people.role.frontend");
    if (*role == "admin") return tr("people.role.admin");
    if (*role == "moderator") return tr("people.role.moderator");
    return tr("people.role.contributor");
}

// The badges after a name: role, banned, hidden from the leaderboards, guest.
void person_badges(const protocol::Person& person) {
    const Palette& p = current_palette();
    badge(role_name(person.role), p.accent);
    if (!person.enabled) badge(tr("people.badge.banned"), p.danger);
    if (person.hidden_from_leaderboards) badge(tr("people.badge.hidden"), p.warning);
    if (person.guest) badge(tr("people.badge.guest"), p.text_muted);
    if (person.deleted) badge(tr("people.badge.deleted"), p.text_muted);
}

// "@ada · ada@example.org · joined 3 May 2026".
std::string identity_line(const protocol::Person& person) {
    std::vector<std::string> parts;
    if (!person.username.empty()) parts.push_back("@" + person.username);
    if (!person.email.empty()) parts.push_back(person.email);
    parts.push_back(tr("people.joined", {{"date", i18n::active().date(person.created_date)}}));
    std::string line;
    for (const auto& part : parts)
        line += (line.empty() ? "" : " · ") + part;
    return line;
}

void draw_search_row(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const char* search = tr("people.search.button");
    const float button_w = button_width(search);
    const auto field =
        text_field("people_search", app.forms().people.query, ImVec2(width - button_w - 10, 0),
                   {.kind = TextFieldKind::SingleLine,
                    .placeholder = tr("people.search.placeholder"),
                    .max_chars = 200,
                    .label = tr("people.search.placeholder")});
    ImGui::SameLine(0, 10);
    if (primary_button(search, "people_search_button", button_w) || field.submit)
        app.search_people(input.now);
}

void draw_person_card(client::App& app, double now, const protocol::Person& person, int index,
                      float width, bool compact) {
    const Palette& p = current_palette();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, compact ? 14 : 18);
    wrapped_text(fonts().strong, p.text, person.display_name.c_str());
    person_badges(person);
    const std::string line = identity_line(person);
    wrapped_text(fonts().small, p.text_muted, line.c_str());
    if (end_clickable_card("person_" + std::to_string(index), top, width, person.display_name))
        app.open_person(person.id, now);
}

// The all-time trollboard's worst few, each opening their page.
void draw_trollboard(const ScreenInput& input, const Column& column) {
    client::App& app = input.app;
    const auto& board = app.state().people.trollboard;
    if (board.empty()) return;
    move_to(column, 16);
    begin_card(column.width, input.compact ? 14 : 18);
    heading_text(tr("people.trollboard.title"));
    muted_text(tr("people.trollboard.explain"));
    int index = 0;
    for (const auto& row : board) {
        const auto& t = row.line;
        const std::string name = tr("people.trollboard.name",
                                    {{"rank", number_text(t.rank)}, {"name", row.display_name}});
        const std::string id = "troll_" + std::to_string(index++);
        if (link_button(name.c_str(), id.c_str())) app.open_person(row.user_id, input.now);
        const std::string counts =
            tr("people.trollboard.row", {{"score", i18n::active().number(t.troll_score)},
                                         {"flags", number_text(t.red_flags)},
                                         {"down", number_text(t.downvotes)},
                                         {"spam", number_text(t.spam_prompts)}});
        wrapped_text(fonts().small, current_palette().text_muted, counts.c_str());
    }
    end_card();
}

void draw_list(const ScreenInput& input, const Column& column) {
    client::App& app = input.app;
    const auto& people = app.state().people;
    draw_search_row(input, column.width);
    if (people.searched.empty()) draw_trollboard(input, column);
    move_to(column, 16);
    const std::string heading = people.searched.empty()
                                    ? std::string(tr("people.list.newest"))
                                    : tr("people.list.matching", {{"words", people.searched}});
    heading_text(heading.c_str());
    if (!people.loaded) {
        muted_text(tr("common.loading"));
        return;
    }
    if (people.items.empty()) muted_text(tr("people.list.none"));
    int index = 0;
    for (const auto& person : people.items) {
        move_to(column, 10);
        draw_person_card(app, input.now, person, index++, column.width, input.compact);
    }
    if (people.next) {
        move_to(column, 12);
        const bool pressed = disabled_if(people.loading, [&] {
            return secondary_button(tr("people.list.more"), "people_more");
        });
        if (pressed) app.load_more_people(input.now);
    }
}

// Who they are: name, badges, how they sign in, and the ban's reason while banned.
void draw_identity(const protocol::PersonPage& page, float width, float padding) {
    const Palette& p = current_palette();
    const auto& u = page.user;
    begin_card(width, padding);
    wrapped_text(fonts().heading, p.text, u.display_name.c_str());
    widgets().track("person_name", u.display_name);
    person_badges(u);
    const std::string line = identity_line(u);
    wrapped_text(fonts().body, p.text_muted, line.c_str());
    std::string methods;
    for (const auto& method : u.sign_in)
        methods += (methods.empty() ? "" : ", ") + method;
    if (methods.empty()) methods = u.guest ? tr("people.sign_in.guest") : u.auth_method;
    const std::string sign_in = tr("people.sign_in.line", {{"methods", methods}});
    wrapped_text(fonts().small, p.text_muted, sign_in.c_str());
    if (!u.enabled) {
        const std::string reason = tr("people.banned_because", {{"reason", u.disabled_reason}});
        wrapped_text(fonts().strong, p.danger, reason.c_str());
        widgets().track("person_ban_reason", reason);
    }
    end_card();
}

// What they did: counts, points and their trollboard line.
void draw_record(const protocol::PersonPage& page, float width, float padding) {
    const Palette& p = current_palette();
    const auto& c = page.counts;
    begin_card(width, padding);
    heading_text(tr("people.record.title"));
    const std::string work =
        tr("people.record.work",
           {{"messages", tr_count("people.record.messages", static_cast<double>(c.messages))},
            {"deleted", number_text(c.deleted_messages)},
            {"labels", tr_count("people.record.labels", static_cast<double>(c.labels))},
            {"reports", tr_count("people.record.reports", static_cast<double>(c.reports))},
            {"rankings", tr_count("people.record.rankings", static_cast<double>(c.rankings))}});
    wrapped_text(fonts().body, p.text, work.c_str());
    widgets().track("person_counts", work);
    if (page.stats) {
        const std::string points =
            tr("people.record.points", {{"total", points_text(page.stats->total.leader_score)},
                                        {"week", points_text(page.stats->week.leader_score)},
                                        {"level", number_text(page.stats->total.level)}});
        wrapped_text(fonts().body, p.text, points.c_str());
        widgets().track("person_points", points);
    }
    if (page.trollboard) {
        const auto& t = *page.trollboard;
        const std::string troll =
            tr("people.record.troll", {{"rank", number_text(t.rank)},
                                       {"score", i18n::active().number(t.troll_score)},
                                       {"flags", number_text(t.red_flags)},
                                       {"down", number_text(t.downvotes)},
                                       {"spam", number_text(t.spam_prompts)}});
        wrapped_text(fonts().body, p.warning, troll.c_str());
        widgets().track("person_troll", troll);
    } else {
        muted_text(tr("people.record.no_troll"));
    }
    end_card();
}

// What a purge would do, in sentences: the confirmation's question.
std::string purge_question(const protocol::PurgePlan& plan) {
    std::string text = tr_count("people.purge.messages", static_cast<double>(plan.messages.size()));
    if (plan.replies_under > 0)
        text += " " + tr_count("people.purge.replies", static_cast<double>(plan.replies_under));
    if (!plan.trees.empty())
        text += " " + tr_count("people.purge.trees", static_cast<double>(plan.trees.size()));
    const auto total = plan.scores.find("total");
    if (total != plan.scores.end() && total->second.first != total->second.second)
        text += " " + tr("people.purge.points", {{"before", points_text(total->second.first)},
                                                 {"after", points_text(total->second.second)}});
    return text + " " + tr("people.purge.undo");
}

// The question asked before a ban, a role change or a purge, in place of the actions.
void draw_confirmation_card(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const auto& people = app.state().people;
    const auto& u = people.person->user;
    std::string question;
    const char* risky = "";
    switch (people.confirm) {
    case PersonAction::Ban:
        question =
            tr("people.ban.question", {{"name", u.display_name},
                                       {"reason", protocol::trim(app.forms().people.ban_reason)}});
        risky = tr("people.ban.confirm");
        break;
    case PersonAction::Role:
        question = tr("people.role.question",
                      {{"name", u.display_name},
                       {"from", role_name(u.role)},
                       {"to", role_name(std::optional<std::string>(people.new_role))}});
        risky = tr("people.role.confirm");
        break;
    case PersonAction::Purge:
        if (!people.purge_plan) return;
        question = purge_question(*people.purge_plan);
        risky = people.purge_plan->messages.empty() ? "" : tr("people.purge.confirm");
        break;
    default:
        return;
    }
    bool cancel = false, confirm = false;
    if (*risky) {
        draw_confirmation(question.c_str(), tr("people.cancel"), "person_cancel", risky,
                          "person_confirm", width, cancel, confirm);
    } else {
        // Nothing to purge: only the way back.
        begin_card(width, 20);
        wrapped_text(fonts().strong, current_palette().text, question.c_str());
        widgets().track("confirmation", question);
        cancel = primary_button(tr("people.cancel"), "person_cancel");
        end_card();
    }
    // The messages that would go, so that the moderator sees exactly what.
    if (people.confirm == PersonAction::Purge && !people.purge_plan->messages.empty()) {
        ImGui::Dummy(ImVec2(0, 8));
        field_label(tr("people.purge.list"));
        int shown = 0;
        for (const auto& message : people.purge_plan->messages) {
            if (++shown > 20) break;
            const std::string line =
                tr(message.is_prompt ? "people.purge.prompt_line" : "people.purge.reply_line",
                   {{"date", i18n::active().date(message.created_date)},
                    {"text", one_line(message.text, 160)}});
            const text::LanguageScope language(message.lang);
            wrapped_text(fonts().small, current_palette().text_muted, line.c_str());
        }
    }
    if (confirm)
        app.confirm_person_action(input.now);
    else if (cancel)
        app.cancel_person_action();
}

// Ban or lift it, hide or show on the leaderboards, change the role, purge.
void draw_actions(const ScreenInput& input, float width, float padding) {
    client::App& app = input.app;
    const auto& people = app.state().people;
    const auto& u = people.person->user;
    const bool busy = people.busy != PersonAction::None;
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    heading_text(tr("people.actions.title"));
    if (u.enabled) {
        field_label(tr("people.ban.reason"));
        const bool ban =
            field_and_button("person_ban_reason_field", app.forms().people.ban_reason,
                             {.kind = TextFieldKind::SingleLine,
                              .placeholder = tr("people.ban.placeholder"),
                              .max_chars = kBanReasonMaxChars,
                              .label = tr("people.ban.reason")},
                             tr("people.ban.button"), "person_ban", !busy, inner, input.compact);
        if (ban) app.ask_ban();
    } else {
        const bool unban = disabled_if(
            busy, [&] { return secondary_button(tr("people.unban.button"), "person_unban"); });
        if (unban) app.unban_person(input.now);
    }
    ImGui::Dummy(ImVec2(0, 6));
    const char* visibility =
        u.hidden_from_leaderboards ? tr("people.unhide.button") : tr("people.hide.button");
    if (disabled_if(busy, [&] { return secondary_button(visibility, "person_visibility"); }))
        app.set_person_hidden(!u.hidden_from_leaderboards, input.now);
    if (client::is_admin(app.state()) && u.role) {
        ImGui::Dummy(ImVec2(0, 6));
        field_label(tr("people.role.label"));
        ChoiceRow roles(inner);
        for (const char* role : {"contributor", "moderator", "admin"}) {
            const std::string id = std::string("person_role_") + role;
            if (roles.add(role_name(std::optional<std::string>(role)), id.c_str(), *u.role == role))
                app.ask_role(role);
        }
    }
    ImGui::Dummy(ImVec2(0, 6));
    field_label(tr("people.purge.label"));
    muted_text(tr("people.purge.explain"));
    const char* purge =
        people.busy == PersonAction::Purge ? tr("common.loading") : tr("people.purge.button");
    if (disabled_if(busy,
                    [&] { return danger_button(purge, "person_purge", button_width(purge)); }))
        app.ask_purge(input.now);
    end_card();
}

// What moderators wrote about them, oldest first, and a field for the next note.
void draw_notes(const ScreenInput& input, float width, float padding) {
    client::App& app = input.app;
    const auto& people = app.state().people;
    const Palette& p = current_palette();
    begin_card(width, padding);
    heading_text(tr("people.notes.title"));
    muted_text(tr("people.notes.private"));
    int index = 0;
    for (const auto& note : people.person->notes) {
        const std::string by =
            tr("people.notes.by",
               {{"author", note.author_name}, {"date", i18n::active().date(note.created_date)}});
        wrapped_text(fonts().small, p.text_muted, by.c_str());
        wrapped_text(fonts().body, p.text, note.text.c_str());
        widgets().track("person_note_" + std::to_string(index++), note.text);
        ImGui::Dummy(ImVec2(0, 4));
    }
    const bool add = field_and_button("person_note_field", app.forms().people.note,
                                      {.kind = TextFieldKind::SingleLine,
                                       .placeholder = tr("people.notes.placeholder"),
                                       .max_chars = kNoteMaxChars,
                                       .label = tr("people.notes.placeholder")},
                                      tr("people.notes.add"), "person_note_add",
                                      people.busy == PersonAction::None &&
                                          !protocol::trim(app.forms().people.note).empty(),
                                      width - 2 * padding, input.compact);
    if (add) app.add_person_note(input.now);
    end_card();
}

// Their latest messages, the newest first.
void draw_messages(const ScreenInput& input, float width, float padding) {
    const auto& people = input.app.state().people;
    const Palette& p = current_palette();
    begin_card(width, padding);
    heading_text(tr("people.messages.title"));
    if (people.messages.empty()) muted_text(tr("people.messages.none"));
    for (const auto& message : people.messages) {
        const std::string what =
            tr("people.messages.line",
               {{"role", message.parent_id.empty()     ? tr("moderation.kind.prompt")
                         : message.role == "assistant" ? tr("moderation.kind.assistant_reply")
                                                       : tr("moderation.kind.user_reply")},
                {"date", i18n::active().date(message.created_date)},
                {"review", message.review_result == "accepted" ? tr("contributions.review.accepted")
                           : message.review_result == "rejected"
                               ? tr("contributions.review.rejected")
                               : tr("contributions.review.in_review")}});
        wrapped_text(fonts().small, p.text_muted, what.c_str());
        wrapped_text(fonts().body, p.text, one_line(message.text, 240).c_str());
        ImGui::Dummy(ImVec2(0, 4));
    }
    end_card();
}

void draw_person(const ScreenInput& input, const Column& column) {
    client::App& app = input.app;
    const auto& people = app.state().people;
    const float padding = input.compact ? 16 : 20;
    if (link_button(tr("people.back"), "people_back")) {
        app.close_person();
        return;
    }
    if (!people.problem.empty()) problem_text(people.problem.c_str());
    if (!people.notice.empty()) notice_text(people.notice.c_str());
    if (!people.person) {
        muted_text(tr("common.loading"));
        return;
    }
    move_to(column, 10);
    draw_identity(*people.person, column.width, padding);
    move_to(column, 12);
    draw_record(*people.person, column.width, padding);
    move_to(column, 12);
    if (people.confirm != PersonAction::None)
        draw_confirmation_card(input, column.width);
    else
        draw_actions(input, column.width, padding);
    move_to(column, 12);
    draw_notes(input, column.width, padding);
    move_to(column, 12);
    draw_messages(input, column.width, padding);
}

} // namespace

void draw_people(const ScreenInput& input) {
    const auto& people = input.app.state().people;
    const Column column = begin_moderation_page(input);
    if (people.opened.empty()) {
        muted_text(tr("people.intro"));
        if (!people.problem.empty()) problem_text(people.problem.c_str());
        draw_list(input, column);
    } else {
        draw_person(input, column);
    }
    end_moderation_page(column);
}

} // namespace orchard::ui
