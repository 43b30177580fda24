#include "client/screen_snapshots.h"

#include "client/app.h"
#include "client/explore_tree.h"
#include "client/screens.h"

namespace orchard::client {

namespace {

using nlohmann::json;

json score_rows(const std::vector<protocol::UserScore>& rows) {
    json out = json::array();
    for (const auto& row : rows)
        out.push_back({{"rank", row.rank ? json(*row.rank) : json()},
                       {"user_id", row.user_id},
                       {"display_name", row.display_name},
                       {"score", row.leader_score},
                       {"highlighted", row.highlighted}});
    return out;
}

json rewards_snapshot(const AppState& state) {
    if (!state.rewards.stats) return nullptr;
    const auto& total = state.rewards.stats->total;
    json rewards = {{"total", total.leader_score},
                    {"day", state.rewards.stats->day.leader_score},
                    {"level", total.level},
                    {"streak_days", total.streak_days}};
    if (state.rewards.last_earned) rewards["last_earned"] = *state.rewards.last_earned;
    return rewards;
}

} // namespace

json task_snapshot(const AppState& state) {
    const auto& t = state.task;
    json task = {{"phase", to_string(t.phase)}, {"kind", t.kind},       {"reviewing", t.reviewing},
                 {"completed", t.completed},    {"problem", t.problem}, {"notice", t.notice}};
    if (t.task) {
        task["id"] = t.task->id;
        task["type"] = protocol::to_string(t.task->type);
        task["mode"] = t.task->full_mode ? "full" : "simple";
        task["replies"] = t.task->reply_messages.size();
        task["order"] = t.ranking.order();
        task["text"] = t.draft.text;
    }
    return task;
}

json dashboard_snapshot(const AppState& state) {
    const auto& d = state.dashboard;
    return {{"top_today", d.top_today ? score_rows(d.top_today->rows) : json()},
            {"news", d.news.size()}};
}

json leaderboard_snapshot(const AppState& state) {
    const auto& b = state.leaderboard;
    return {{"frame", protocol::to_string(b.frame)},
            {"offset", b.offset},
            {"around_me", b.around_me},
            {"loading", b.loading},
            {"problem", b.problem},
            {"rows", b.page ? score_rows(b.page->rows) : json()},
            {"total_count", b.page ? b.page->total_count : 0}};
}

json profile_snapshot(const AppState& state) {
    const auto& pr = state.profile;
    json ledger = json::array();
    for (const auto& entry : pr.ledger)
        ledger.push_back({{"kind", entry.kind}, {"points", entry.points}});
    return {{"loaded", pr.loaded},
            {"problem", pr.problem},
            {"ledger", ledger},
            {"activity_days", pr.activity.size()}};
}

json contributions_snapshot(const AppState& state) {
    return state.contributions.items.size();
}

json prizes_snapshot(const AppState& state) {
    if (!state.prizes.prizes) return nullptr;
    return {{"current", state.prizes.prizes->current.size()},
            {"past", state.prizes.prizes->past.size()}};
}

json explore_snapshot(const AppState& state) {
    const auto& e = state.explore;
    json list = json::array();
    for (const auto& card : e.trees)
        list.push_back({{"tree", card.message_tree_id}, {"state", card.state}});
    json hits = json::array();
    for (const auto& hit : e.hits) {
        json marked = json::array();
        for (const auto& segment : hit.excerpt)
            if (segment.hit) marked.push_back(segment.text);
        hits.push_back({{"message", hit.message_id},
                        {"tree", hit.message_tree_id},
                        {"marked", std::move(marked)}});
    }
    json tree = nullptr;
    if (e.tree) {
        json rows = json::array();
        for (const auto& row : tree_rows(*e.tree, e.chosen_id, e.collapsed))
            rows.push_back({{"id", e.tree->messages[row.index].message.id},
                            {"depth", row.depth},
                            {"replies", row.replies},
                            {"collapsed", row.collapsed},
                            {"on_path", row.on_path}});
        tree = {{"id", e.tree->message_tree_id},
                {"chosen", e.chosen_id},
                {"path", path_to(*e.tree, e.chosen_id)},
                {"rows", std::move(rows)}};
    }
    json details = nullptr;
    if (e.details) {
        json label_counts = json::object();
        for (const auto& [name, summary] : e.details->labels)
            label_counts[name] = summary.count;
        details = {
            {"message", e.details->message_id},        {"author", e.details->author_display_name},
            {"labels_shown", e.details->labels_shown}, {"labels", std::move(label_counts)},
            {"user_emojis", e.details->user_emojis},   {"tree_state", e.details->tree_state}};
    }
    return {{"searched", e.searched},
            {"loaded", e.loaded},
            {"loading", e.loading},
            {"trees", std::move(list)},
            {"hits", std::move(hits)},
            {"more", e.next.has_value()},
            {"tree", std::move(tree)},
            {"details", std::move(details)},
            {"problem", e.problem},
            {"notice", e.notice},
            {"labeling", e.labeling ? json(e.labeling->values()) : json(nullptr)},
            {"editing", e.editing},
            {"confirm_delete", e.confirm_delete},
            {"moderating", e.moderating},
            {"revisions", e.history_of == e.chosen_id ? e.history.size() : 0}};
}

json datasets_snapshot(const AppState& state) {
    const auto& d = state.datasets;
    json counts = nullptr;
    if (d.counts) counts = protocol::to_json(*d.counts);
    return {{"counts", std::move(counts)},
            {"preparing", d.preparing},
            {"problem", d.problem},
            {"notice", d.notice}};
}

json moderation_snapshot(const AppState& state) {
    const auto& m = state.moderation;
    json items = json::array();
    for (const auto& item : m.items)
        items.push_back({{"id", item.message.id},
                         {"text", item.message.text},
                         {"author", item.author_name},
                         {"red_flags", item.red_flags},
                         {"reports", item.reports},
                         {"labels", item.labels},
                         {"hidden", item.hidden},
                         {"handled", item.handled},
                         {"decision", item.decision ? json(*item.decision) : json(nullptr)}});
    return {{"open_only", m.open_only},
            {"most_flagged", m.most_flagged},
            {"items", std::move(items)},
            {"selected", m.selected},
            {"loaded", m.loaded},
            {"busy", m.busy},
            {"confirm_remove", m.confirm_remove},
            {"has_more", m.next.has_value()},
            {"problem", m.problem},
            {"notice", m.notice}};
}

json people_snapshot(const AppState& state) {
    const auto& p = state.people;
    json items = json::array();
    for (const auto& person : p.items)
        items.push_back({{"id", person.id},
                         {"display_name", person.display_name},
                         {"username", person.username},
                         {"role", person.role ? json(*person.role) : json(nullptr)},
                         {"enabled", person.enabled}});
    json person = nullptr;
    if (p.person) {
        const auto& u = p.person->user;
        json notes = json::array();
        for (const auto& note : p.person->notes)
            notes.push_back({{"text", note.text}, {"author", note.author_name}});
        person = {{"id", u.id},
                  {"display_name", u.display_name},
                  {"role", u.role ? json(*u.role) : json(nullptr)},
                  {"enabled", u.enabled},
                  {"disabled_reason", u.disabled_reason},
                  {"hidden_from_leaderboards", u.hidden_from_leaderboards},
                  {"messages", p.person->counts.messages},
                  {"deleted_messages", p.person->counts.deleted_messages},
                  {"notes", std::move(notes)}};
    }
    json plan = nullptr;
    if (p.purge_plan)
        plan = {{"messages", p.purge_plan->messages.size()},
                {"replies_under", p.purge_plan->replies_under},
                {"trees", p.purge_plan->trees.size()}};
    json trolls = json::array();
    for (const auto& row : p.trollboard)
        trolls.push_back({{"user_id", row.user_id}, {"rank", row.line.rank}});
    return {{"searched", p.searched},
            {"items", std::move(items)},
            {"trollboard", std::move(trolls)},
            {"loaded", p.loaded},
            {"opened", p.opened},
            {"person", std::move(person)},
            {"latest_messages", p.messages.size()},
            {"busy", to_string(p.busy)},
            {"confirm", to_string(p.confirm)},
            {"purge_plan", std::move(plan)},
            {"problem", p.problem},
            {"notice", p.notice}};
}

json audit_snapshot(const AppState& state) {
    const auto& a = state.audit;
    json rows = json::array();
    for (const auto& row : a.rows)
        rows.push_back({{"id", row.id},
                        {"action", row.action},
                        {"actor", row.actor_name},
                        {"target", row.target_id}});
    return {{"kind", a.kind},
            {"rows", std::move(rows)},
            {"loaded", a.loaded},
            {"intact", a.check ? json(a.check->intact) : json(nullptr)},
            {"chain_rows", a.check ? json(a.check->rows) : json(nullptr)},
            {"problem", a.problem}};
}

json trees_snapshot(const AppState& state) {
    const auto& t = state.trees;
    json counts = json::array();
    if (t.status)
        for (const auto& c : t.status->counts)
            counts.push_back({{"state", c.state}, {"lang", c.lang}, {"trees", c.trees}});
    json config = json::object();
    for (const auto& item : t.config)
        config[item.key] = item.value;
    return {{"loaded", t.loaded},
            {"counts", std::move(counts)},
            {"active", t.status ? t.status->active.size() : 0},
            {"languages", t.status ? t.status->available.size() : 0},
            {"config", std::move(config)},
            {"saving", t.saving},
            {"problem", t.problem},
            {"notice", t.notice}};
}

json api_keys_snapshot(const AppState& state) {
    const auto& k = state.api_keys;
    json clients = json::array();
    for (const auto& c : k.clients)
        clients.push_back({{"id", c.id},
                           {"description", c.description},
                           {"enabled", c.enabled},
                           {"trusted", c.trusted}});
    // Whether a key is shown, never the key itself.
    return {{"loaded", k.loaded},
            {"clients", std::move(clients)},
            {"busy", k.busy},
            {"confirm_rotate", k.confirm_rotate},
            {"issued_for", k.issued ? json(k.issued->client.id) : json(nullptr)},
            {"problem", k.problem},
            {"notice", k.notice}};
}

json settings_snapshot(const AppState& state) {
    if (!state.account) return nullptr;
    const auto& s = state.settings;
    return {{"busy", to_string(s.busy)},
            {"outcome", to_string(s.outcome)},
            {"notice", s.notice},
            {"problem", s.problem},
            {"display_name", state.account->display_name},
            {"show_on_leaderboard", state.account->show_on_leaderboard},
            {"guest", state.account->guest}};
}

json automation_snapshot(const AppState& state) {
    json out = {{"screen", to_string(state.screen)},
                {"sign_in_notice", state.sign_in.notice},
                {"sign_in_mode", to_string(state.sign_in.mode)},
                {"signed_in_as", state.account ? json(state.account->id) : json()},
                {"rewards", rewards_snapshot(state)},
                {"lang", state.lang},
                {"interface_language", state.interface_language},
                {"dashboard_loaded", state.dashboard.loaded},
                {"theme", to_string(state.theme)},
                {"connection", to_string(state.connection)},
                {"server_version", state.server_version},
                {"embedded", state.embedded}};
    for (const auto& row : screen_rows())
        if (row.snapshot) out[row.name] = state.screen == row.screen ? row.snapshot(state) : json();
    return out;
}

} // namespace orchard::client
