#include "server/domain/task_service.h"

#include "server/domain/rewards.h"

#include "protocol/text.h"
#include "server/domain/domain_error.h"
#include "server/domain/flag_moderation.h"
#include "server/domain/ids.h"
#include "server/domain/label_input.h"
#include "server/domain/labels.h"
#include "server/domain/language_tag.h"
#include "server/domain/message_json.h"
#include "server/domain/request_fields.h"
#include "server/domain/text_limits.h"
#include "server/domain/weighted_choice.h"

#include <algorithm>
#include <map>
#include <set>

namespace orchard::domain {

using protocol::ErrorCode;

namespace {

// A frontend's own id for a task or a message: stored, looked up and quoted back in errors. 200
// characters as in the Open-Assistant backend (frontend_message_id); refused beyond, since a cut
// id would name another message.
constexpr std::size_t kMaxFrontendIdCharacters = 200;
// A skip's reason is a word or a sentence ("skip", "too hard"), stored with the task.
constexpr int kMaxSkipReasonCharacters = 500;

void check_frontend_id(const std::string& id, const char* field) {
    if (protocol::character_count(id) > kMaxFrontendIdCharacters)
        throw DomainError(ErrorCode::InvalidFrontendMessageId,
                          std::string(field) + " must have at most " +
                              std::to_string(kMaxFrontendIdCharacters) + " characters.");
}

// Availability reports counts up to this many per type.
constexpr int kAvailabilityLimit = 1000;

TaskKind kind_of(const std::string& type) {
    if (type == "initial_prompt") return TaskKind::InitialPrompt;
    if (type == "assistant_reply" || type == "prompter_reply") return TaskKind::Reply;
    if (type == "label_initial_prompt") return TaskKind::LabelPrompt;
    if (type.starts_with("label_")) return TaskKind::LabelReply;
    return TaskKind::Ranking;
}

// A stored task's type; every stored type is one of protocol::kAllTaskTypes.
bool is_reply_type(const std::string& type) {
    const auto known = protocol::task_type_from(type);
    return known && protocol::is_writing(*known);
}
bool is_label_type(const std::string& type) {
    const auto known = protocol::task_type_from(type);
    return known && protocol::is_labeling(*known);
}
bool is_rank_type(const std::string& type) {
    const auto known = protocol::task_type_from(type);
    return known && protocol::is_ranking(*known);
}

nlohmann::json task_done(const std::string& id) {
    return {{"id", id}, {"type", "task_done"}};
}

// The refusal of anything sent to a tree that was stopped (PROTOCOL.md: 2010, tree in aborted
// state), saying which stop it was, so that a frontend can tell the person.
DomainError tree_stopped(const std::string& state, const std::string& what) {
    const std::string why = state == tree_state::kHaltedByModerator
                                ? "a moderator halted this conversation"
                                : "this conversation was closed (" + state + ")";
    return DomainError(ErrorCode::TreeInAbortedState,
                       "It no longer takes " + what + ": " + why + " while you worked on it.");
}

// Whether an answer to a task of `task_type` comes late for a tree in `state` (it moved on while
// the person worked); refused when the tree was stopped.
bool arrives_late(const std::string& task_type, const std::string& state, const std::string& what) {
    const Arrival arrival = arrival_of(task_type, state);
    if (arrival == Arrival::Refused) throw tree_stopped(state, what);
    return arrival == Arrival::Late;
}

std::vector<protocol::LabelDescription> label_descriptions(const std::vector<std::string>& names) {
    std::vector<protocol::LabelDescription> labels;
    for (const auto& name : names)
        if (const LabelDefinition* definition = find_label(name))
            labels.push_back({definition->name, definition->widget, definition->display_text,
                              definition->help_text});
    return labels;
}

} // namespace

struct TaskService::Candidates {
    bool initial_prompt = false;
    std::vector<store::TreeStore::ReplyCandidate> reply_parents; // role of the parent
    std::vector<std::string> label_initial_prompt;
    std::vector<store::TreeStore::ReplyCandidate> label_replies; // role of the reply
    std::vector<store::TreeStore::ReplyCandidate> rank_parents;  // role of the parent

    bool has(TaskKind kind) const {
        switch (kind) {
        case TaskKind::Ranking:
            return !rank_parents.empty();
        case TaskKind::LabelReply:
            return !label_replies.empty();
        case TaskKind::LabelPrompt:
            return !label_initial_prompt.empty();
        case TaskKind::Reply:
            return !reply_parents.empty();
        case TaskKind::InitialPrompt:
            return initial_prompt;
        }
        return false;
    }

    std::vector<std::string> of_type(const std::string& type) const {
        std::vector<std::string> ids;
        auto add = [&](const auto& list, const char* role) {
            for (const auto& c : list)
                if (c.role == role) ids.push_back(c.message_id);
        };
        if (type == "assistant_reply") add(reply_parents, "prompter");
        if (type == "prompter_reply") add(reply_parents, "assistant");
        if (type == "label_assistant_reply") add(label_replies, "assistant");
        if (type == "label_prompter_reply") add(label_replies, "prompter");
        if (type == "rank_assistant_replies") add(rank_parents, "prompter");
        if (type == "rank_prompter_replies") add(rank_parents, "assistant");
        if (type == "label_initial_prompt") ids = label_initial_prompt;
        return ids;
    }
};

TaskService::Candidates TaskService::find_candidates(const Caller& caller, const std::string& lang,
                                                     int limit, std::optional<TaskKind> only,
                                                     bool oldest_first) {
    Candidates c;
    const std::string& user = caller.user.id;
    auto wanted = [&](TaskKind kind) { return !only || *only == kind; };
    if (wanted(TaskKind::InitialPrompt))
        c.initial_prompt = store_.count_trees(tree_state::kInitialPromptReview, lang) <
                               config_.max_initial_prompt_review &&
                           store_.count_trees(tree_state::kPromptLotteryWaiting, lang) <
                               config_.max_prompt_lottery_waiting;
    const std::int64_t open_since = now_ms_ - std::int64_t{config_.recent_tasks_span_sec} * 1000;
    if (wanted(TaskKind::Reply))
        c.reply_parents = store_.reply_candidates(
            lang, user, open_since, config_.num_prompter_replies, limit, oldest_first);
    // A review or ranking task the person still holds (not yet expired) keeps its message from
    // them: holding several on one message, they could review or rank it several times.
    if (wanted(TaskKind::LabelPrompt))
        c.label_initial_prompt = store_.prompt_review_candidates(
            lang, user, now_ms_, config_.num_reviews_initial_prompt, limit, oldest_first);
    if (wanted(TaskKind::LabelReply))
        c.label_replies = store_.reply_review_candidates(
            lang, user, now_ms_, config_.num_reviews_reply, limit, oldest_first);
    if (wanted(TaskKind::Ranking))
        c.rank_parents = store_.ranking_candidates(
            lang, user, now_ms_, config_.num_required_rankings, limit, oldest_first);
    return c;
}

std::string TaskService::pick(const std::vector<std::string>& ids) {
    std::uniform_int_distribution<size_t> index(0, ids.size() - 1);
    return ids[index(rng_)];
}

nlohmann::json TaskService::availability(const Caller& caller, const std::string& lang) {
    // Empty: as before, the language of no tree (nothing is stored by it).
    if (!lang.empty()) check_language_tag(lang, "lang");
    const Candidates c =
        find_candidates(caller, lang, kAvailabilityLimit, std::nullopt, /*oldest_first=*/false);
    nlohmann::json counts = nlohmann::json::object();
    long total = 0;
    for (const protocol::TaskType known : protocol::kAllTaskTypes) {
        const std::string type = protocol::to_string(known);
        const long n = type == "initial_prompt" ? (c.initial_prompt ? 1 : 0)
                                                : static_cast<long>(c.of_type(type).size());
        counts[type] = n;
        total += n;
    }
    counts["random"] = total;
    return counts;
}

nlohmann::json TaskService::request_task(const Caller& caller, const std::string& type,
                                         const std::string& lang, bool collective) {
    if (!lang.empty()) check_language_tag(lang, "lang");
    if (type != "random" && !protocol::task_type_from(type))
        throw DomainError(ErrorCode::InvalidTaskType, "Unknown task type '" + type + "'.");
    const std::int64_t since = now_ms_ - std::int64_t{config_.recent_tasks_span_sec} * 1000;
    if (store_.count_open_tasks(caller.user.id, since) >= config_.max_pending_tasks_per_user)
        throw DomainError(ErrorCode::TooManyPendingTasks,
                          "You have too many open tasks. Finish or skip one first.");
    std::string chosen = type;
    Candidates candidates;
    if (type != "random") {
        candidates = find_candidates(caller, lang, kCandidateLimit, kind_of(type));
    } else {
        // A kind drawn by the weights of PROTOCOL.md §5 among the kinds that have candidates.
        // Drawing first and dropping a kind whose candidates turn out empty gives exactly that
        // distribution, and usually asks the database about one kind instead of all five.
        std::map<TaskKind, long> open = {{TaskKind::Ranking, 1},
                                         {TaskKind::LabelReply, 1},
                                         {TaskKind::LabelPrompt, 1},
                                         {TaskKind::Reply, 1},
                                         {TaskKind::InitialPrompt, 1}};
        std::optional<TaskKind> kind;
        while ((kind = choose_task_kind(open, KindWeights{}, rng_))) {
            candidates = find_candidates(caller, lang, kCandidateLimit, *kind);
            if (candidates.has(*kind)) break;
            open[*kind] = 0;
        }
        if (!kind)
            throw DomainError(ErrorCode::TaskTypeNotAvailable,
                              "No task is available for you in this language right now.");
        // Within a kind, the candidate decides the exact type (an assistant or a user reply).
        auto role_of = [&](const auto& list) {
            std::uniform_int_distribution<size_t> index(0, list.size() - 1);
            return list[index(rng_)].role;
        };
        switch (*kind) {
        case TaskKind::Ranking:
            chosen = role_of(candidates.rank_parents) == "prompter" ? "rank_assistant_replies"
                                                                    : "rank_prompter_replies";
            break;
        case TaskKind::LabelReply:
            chosen = role_of(candidates.label_replies) == "assistant" ? "label_assistant_reply"
                                                                      : "label_prompter_reply";
            break;
        case TaskKind::LabelPrompt:
            chosen = "label_initial_prompt";
            break;
        case TaskKind::Reply:
            chosen = role_of(candidates.reply_parents) == "prompter" ? "assistant_reply"
                                                                     : "prompter_reply";
            break;
        case TaskKind::InitialPrompt:
            chosen = "initial_prompt";
            break;
        }
    }
    return make_task(caller, chosen, lang, collective, candidates);
}

nlohmann::json TaskService::make_task(const Caller& caller, const std::string& type,
                                      const std::string& lang, bool collective,
                                      Candidates& candidates) {
    store::TaskRecord task;
    task.id = new_uuid();
    task.type = type;
    task.user_id = caller.user.id;
    task.api_client_id = caller.api_client_id;
    task.lang = lang;
    task.collective = collective;
    task.created_ms = now_ms_;
    task.expiry_ms = now_ms_ + std::int64_t{config_.task_expiry_sec} * 1000;

    protocol::Task sent;
    sent.id = task.id;
    sent.type = *protocol::task_type_from(type); // checked by request_task
    const std::string& viewer = caller.user.id;
    auto unavailable = [&] {
        return DomainError(ErrorCode::TaskTypeNotAvailable,
                           "No " + type + " task is available for you in this language right now.");
    };

    if (type == "initial_prompt") {
        if (!candidates.initial_prompt) throw unavailable();
    } else if (type == "assistant_reply" || type == "prompter_reply") {
        auto ids = candidates.of_type(type);
        if (ids.empty()) throw unavailable();
        // Prefer parents with few replies ("lonely") so that trees get siblings to rank.
        std::vector<std::string> lonely;
        for (const auto& c : candidates.reply_parents)
            if (c.children_count > 0 && c.children_count < config_.lonely_children_count &&
                std::find(ids.begin(), ids.end(), c.message_id) != ids.end())
                lonely.push_back(c.message_id);
        std::bernoulli_distribution prefer_lonely(config_.p_lonely_child_extension);
        const std::string parent =
            !lonely.empty() && prefer_lonely(rng_) ? pick(lonely) : pick(ids);
        const auto conversation = store_.conversation(parent);
        sent.conversation = shown_conversation(conversation, viewer);
        task.parent_message_id = parent;
        task.tree_id = conversation.front().tree_id;
    } else if (is_label_type(type)) {
        auto ids = candidates.of_type(type);
        if (ids.empty()) throw unavailable();
        const std::string message_id = pick(ids);
        const auto conversation = store_.conversation(message_id);
        const auto& message = conversation.back();
        const LabeledRole role = type == "label_initial_prompt"    ? LabeledRole::InitialPrompt
                                 : type == "label_assistant_reply" ? LabeledRole::AssistantReply
                                                                   : LabeledRole::PrompterReply;
        const double p_full =
            role == LabeledRole::InitialPrompt    ? config_.p_full_labeling_review_prompt
            : role == LabeledRole::AssistantReply ? config_.p_full_labeling_review_reply_assistant
                                                  : config_.p_full_labeling_review_reply_prompter;
        const LabelMode mode =
            std::bernoulli_distribution(p_full)(rng_) ? LabelMode::Full : LabelMode::Simple;
        sent.message_id = message_id;
        sent.valid_labels = valid_labels(role, mode);
        sent.mandatory_labels = mandatory_labels(role, mode);
        sent.full_mode = mode == LabelMode::Full;
        sent.labels = label_descriptions(sent.valid_labels);
        sent.conversation = shown_conversation(conversation, viewer);
        task.parent_message_id = message_id;
        task.tree_id = message.tree_id;
    } else if (is_rank_type(type)) {
        auto ids = candidates.of_type(type);
        if (ids.empty()) throw unavailable();
        const std::string parent = pick(ids);
        std::vector<store::MessageRecord> replies;
        for (auto& child : store_.children(parent))
            if (child.review_result == std::optional(true) && !child.arrived_after_growing)
                replies.push_back(std::move(child)); // late replies are not ranked
        std::shuffle(replies.begin(), replies.end(), rng_);
        const bool all_synthetic =
            std::all_of(replies.begin(), replies.end(), [](const auto& r) { return r.synthetic; });
        for (const auto& reply : replies) {
            auto message = conversation_message(reply, viewer);
            if (!all_synthetic) message.synthetic = false; // hidden unless all are synthetic
            sent.reply_messages.push_back(std::move(message));
        }
        const auto conversation = store_.conversation(parent);
        sent.conversation = shown_conversation(conversation, viewer);
        sent.message_tree_id = conversation.front().tree_id;
        sent.ranking_parent_id = parent;
        sent.reveal_synthetic = all_synthetic;
        task.parent_message_id = parent;
        task.tree_id = conversation.front().tree_id;
    }
    nlohmann::json json = protocol::to_json(sent);
    store_.insert_task(task, json.dump());
    return json;
}

store::TaskRecord TaskService::find_owned_task(const Caller& caller, const std::string& task_id) {
    auto task = store_.find_task(task_id);
    if (!task) throw DomainError(ErrorCode::TaskNotFound, "Task " + task_id + " does not exist.");
    if (task->user_id != caller.user.id)
        throw DomainError(ErrorCode::TaskNotAssignedToUser, "This task belongs to someone else.");
    return *task;
}

store::TaskRecord TaskService::find_owned_task_by_frontend_id(const Caller& caller,
                                                              const std::string& frontend_id) {
    auto task = store_.find_task_by_frontend_id(caller.api_client_id, frontend_id);
    if (!task)
        throw DomainError(ErrorCode::TaskNotFound,
                          "No acknowledged task has message_id '" + frontend_id + "'.");
    if (task->user_id != caller.user.id)
        throw DomainError(ErrorCode::TaskNotAssignedToUser, "This task belongs to someone else.");
    return *task;
}

void TaskService::ack(const Caller& caller, const std::string& task_id,
                      const std::string& frontend_message_id) {
    const auto task = find_owned_task(caller, task_id);
    if (frontend_message_id.empty())
        throw DomainError(ErrorCode::InvalidFrontendMessageId, "message_id must not be empty.");
    check_frontend_id(frontend_message_id, "message_id");
    if (task.acked) {
        if (task.frontend_message_id == frontend_message_id) return; // the same ack again
        throw DomainError(ErrorCode::TaskAlreadyUpdated,
                          "This task was already acknowledged with another message id.");
    }
    if (task.done || task.skipped)
        throw DomainError(ErrorCode::TaskAlreadyUpdated, "This task is already finished.");
    if (task.expiry_ms < now_ms_) throw DomainError(ErrorCode::TaskExpired, "This task expired.");
    if (store_.find_task_by_frontend_id(caller.api_client_id, frontend_message_id))
        throw DomainError(ErrorCode::InvalidFrontendMessageId,
                          "message_id " + frontend_message_id +
                              " is already used by another task.");
    store_.set_task_acked(task.id, frontend_message_id);
}

void TaskService::nack(const Caller& caller, const std::string& task_id,
                       const std::string& reason) {
    const auto task = find_owned_task(caller, task_id);
    if (task.skipped) return; // the same skip again
    if (task.done) throw DomainError(ErrorCode::TaskAlreadyDone, "This task is already done.");
    check_text_length(reason, kMaxSkipReasonCharacters, "The reason");
    store_.set_task_skipped(task.id, reason);
    if (!task.parent_message_id) return;
    const std::string& message = *task.parent_message_id;
    if (task.type == "assistant_reply" || task.type == "prompter_reply") {
        store_.add_reaction(message, caller.user.id, "_skip_reply", now_ms_);
        trees_.reply_skipped(message);
    } else if (is_label_type(task.type)) {
        store_.add_reaction(message, caller.user.id, "_skip_labeling", now_ms_);
    } else if (is_rank_type(task.type)) {
        store_.add_reaction(message, caller.user.id, "_skip_ranking", now_ms_);
    }
}

nlohmann::json TaskService::close(const Caller& caller, const std::string& frontend_message_id) {
    const auto task = find_owned_task_by_frontend_id(caller, frontend_message_id);
    if (!task.done) store_.set_task_done(task.id, task.id);
    return task_done(task.id);
}

void TaskService::check_task_usable(const Caller& caller, const store::TaskRecord& task) {
    if (task.user_id != caller.user.id)
        throw DomainError(ErrorCode::TaskNotAssignedToUser, "This task belongs to someone else.");
    if (task.skipped) throw DomainError(ErrorCode::TaskAlreadyDone, "This task was skipped.");
    if (task.expiry_ms < now_ms_) throw DomainError(ErrorCode::TaskExpired, "This task expired.");
    if (!task.acked)
        throw DomainError(ErrorCode::TaskNotAcknowledged, "This task was not acknowledged.");
}

nlohmann::json TaskService::interaction(const Caller& caller,
                                        const protocol::Interaction& interaction) {
    if (const auto* reply = std::get_if<protocol::TextReply>(&interaction))
        return text_reply(caller, *reply);
    if (const auto* ranked = std::get_if<protocol::MessageRanking>(&interaction))
        return ranking(caller, *ranked);
    if (const auto* labeled = std::get_if<protocol::TextLabels>(&interaction))
        return labels(caller, *labeled);
    return rating(caller, std::get<protocol::MessageRating>(interaction));
}

protocol::Task TaskService::sent_task(const std::string& task_id) {
    // The task as it was sent: answers are checked against its own fields (labels, replies),
    // and the conversation, most of its text, is skipped while parsing.
    const auto fields = nlohmann::json::parse(
        store_.task_payload(task_id),
        [](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            return !(depth == 1 && event == nlohmann::json::parse_event_t::key &&
                     parsed == "conversation");
        });
    auto sent = protocol::task_from_json(fields, protocol::Conversation::Optional);
    if (!sent) throw std::runtime_error("The stored task " + task_id + " cannot be read.");
    return std::move(*sent);
}

nlohmann::json TaskService::rating(const Caller& caller, const protocol::MessageRating& rating) {
    // Legacy (before label tasks existed): kept as a free label row so nothing sent is lost;
    // it takes no part in reviews, which count only task-based labels.
    const std::string& frontend_id = rating.message_id;
    auto message = store_.find_message_by_frontend_id(caller.api_client_id, frontend_id);
    if (!message)
        throw DomainError(ErrorCode::MessageNotFound,
                          "No message has message_id '" + frontend_id + "'.");
    const std::string id = new_uuid();
    store_.insert_labels(id, message->id, caller.user.id, std::nullopt,
                         nlohmann::json{{"rating", rating.rating}}.dump(), std::nullopt, false,
                         now_ms_);
    return task_done(id);
}

nlohmann::json TaskService::text_reply(const Caller& caller, const protocol::TextReply& reply) {
    const std::string& frontend_id = reply.message_id;
    const std::string& user_message_id = reply.user_message_id;
    const store::TaskRecord task = find_owned_task_by_frontend_id(caller, frontend_id);
    if (task.done) {
        // A retry of the same reply answers as the first time did, and stores nothing new.
        auto stored = task.result_id ? store_.find_message(*task.result_id) : std::nullopt;
        if (stored && stored->frontend_message_id == user_message_id) return task_done(stored->id);
        throw DomainError(ErrorCode::TaskAlreadyDone, "This task is already done.");
    }
    if (!is_reply_type(task.type))
        throw DomainError(ErrorCode::PayloadTypeMismatch,
                          "A " + task.type + " task is not answered with a text reply.");
    check_task_usable(caller, task);
    if (user_message_id.empty())
        throw DomainError(ErrorCode::InvalidFrontendMessageId,
                          "user_message_id must not be empty.");
    check_frontend_id(user_message_id, "user_message_id");
    if (store_.find_message_by_frontend_id(caller.api_client_id, user_message_id))
        throw DomainError(ErrorCode::InvalidFrontendMessageId,
                          "user_message_id " + user_message_id + " is already used.");

    const std::string text = protocol::trim(reply.text);
    if (text.empty()) throw DomainError(ErrorCode::MessageTextEmpty, "The message is empty.");
    check_text_length(text, config_.message_size_limit, "The message");
    const std::int64_t window = std::int64_t{config_.duplicate_message_window_min} * 60 * 1000;
    if (store_.user_wrote_text_since(caller.user.id, text, now_ms_ - window))
        throw DomainError(ErrorCode::MessageDuplicated,
                          "You sent exactly this text a short while ago.");

    store::MessageRecord message;
    message.id = new_uuid();
    message.text = text;
    message.user_id = caller.user.id;
    message.api_client_id = caller.api_client_id;
    message.frontend_message_id = user_message_id;
    message.created_ms = now_ms_;
    const std::string& lang = reply.lang;
    if (!lang.empty()) check_language_tag(lang, "lang"); // empty: the task's language
    message.lang = !lang.empty() ? lang : task.lang.value_or("en");
    message.role = task.type == "assistant_reply" ? "assistant" : "prompter";

    if (task.type == "initial_prompt") {
        message.tree_id = message.id;
        message.depth = 0;
        store_.insert_message(message);
        trees_.start_tree(message);
    } else {
        auto parent = store_.find_message(task.parent_message_id.value_or(""));
        auto tree = parent ? store_.find_tree(parent->tree_id) : std::nullopt;
        if (!parent || !tree)
            throw DomainError(ErrorCode::MessageNotFound, "The message to answer is gone.");
        if (parent->deleted)
            throw DomainError(ErrorCode::MessageNotFound,
                              "The message to answer was deleted by moderation.");
        // A tree that stopped growing while this person wrote (others' reviews completed it)
        // still takes the reply, marked late; only a stopped tree refuses it.
        message.arrived_after_growing = arrives_late(task.type, tree->state, "replies");
        if (store_.user_replied_under(caller.user.id, parent->id))
            throw DomainError(ErrorCode::DuplicateReply, "You already replied to this message.");
        message.tree_id = parent->tree_id;
        message.parent_id = parent->id;
        message.depth = parent->depth + 1;
        message.lang = parent->lang;
        store_.insert_message(message);
        trees_.reply_added(message);
    }
    Rewards(store_.statements(), config_, now_ms_).message_written(message);
    store_.set_task_done(task.id, message.id);
    return task_done(message.id);
}

nlohmann::json TaskService::ranking(const Caller& caller, const protocol::MessageRanking& answer) {
    const store::TaskRecord task = find_owned_task_by_frontend_id(caller, answer.message_id);
    if (task.done) return task_done(task.result_id.value_or(task.id)); // a retry
    if (!is_rank_type(task.type))
        throw DomainError(ErrorCode::PayloadTypeMismatch,
                          "A " + task.type + " task is not answered with a ranking.");
    check_task_usable(caller, task);

    const auto sent = sent_task(task.id);
    std::vector<std::string> reply_ids;
    for (const auto& reply : sent.reply_messages)
        reply_ids.push_back(reply.id);
    const bool not_rankable = answer.not_rankable;
    std::vector<std::string> ranked;
    if (!answer.ranking.empty()) {
        std::vector<bool> seen(reply_ids.size(), false);
        for (const std::int64_t index : answer.ranking) {
            if (index < 0 || index >= static_cast<std::int64_t>(reply_ids.size()) ||
                seen[static_cast<size_t>(index)])
                throw DomainError(ErrorCode::InvalidRankingValue,
                                  "The ranking must list each reply's index exactly once.");
            seen[static_cast<size_t>(index)] = true;
            ranked.push_back(reply_ids[static_cast<size_t>(index)]);
        }
        if (ranked.size() != reply_ids.size())
            throw DomainError(ErrorCode::InvalidRankingValue,
                              "The ranking must list each reply's index exactly once.");
    } else if (!not_rankable) {
        throw DomainError(ErrorCode::InvalidRankingValue,
                          "A ranking needs the replies' order, or not_rankable.");
    }
    // A ranking that arrives after the tree left ranking (others' rankings completed it) is
    // stored and marked late; only a stopped tree or a deleted parent refuses it.
    auto parent = store_.find_message(*task.parent_message_id);
    auto tree = parent ? store_.find_tree(parent->tree_id) : std::nullopt;
    if (!parent || !tree || parent->deleted)
        throw DomainError(ErrorCode::MessageNotFound,
                          "The message whose replies were ranked was deleted.");
    // One ranking per person and parent (a second task on it could be held from before).
    if (store_.user_ranked(*task.parent_message_id, caller.user.id))
        throw DomainError(ErrorCode::NoSelfLabelingOrDuplicateTaskReply,
                          "You already ranked the replies to this message.");
    const bool late = arrives_late(task.type, tree->state, "rankings");
    const std::string ranking_id = new_uuid();
    store_.insert_ranking(ranking_id, *task.parent_message_id, caller.user.id, task.id,
                          nlohmann::json(ranked).dump(), not_rankable, now_ms_, late);
    Rewards(store_.statements(), config_, now_ms_)
        .ranking_done(caller.user.id, *task.parent_message_id, ranked);
    if (late)
        trees_.late_ranking_added(*task.parent_message_id);
    else
        trees_.ranking_added(*task.parent_message_id);
    store_.set_task_done(task.id, ranking_id);
    return task_done(ranking_id);
}

nlohmann::json TaskService::labels(const Caller& caller, const protocol::TextLabels& answer) {
    const std::string& message_id = answer.message_id;
    const auto task = find_owned_task(caller, answer.task_id);
    if (task.done) {
        if (task.parent_message_id == message_id) return task_done(task.result_id.value_or(""));
        throw DomainError(ErrorCode::TaskAlreadyDone, "This task is already done.");
    }
    if (!is_label_type(task.type))
        throw DomainError(ErrorCode::PayloadTypeMismatch,
                          "A " + task.type + " task is not answered with labels.");
    check_task_usable(caller, task);
    if (task.parent_message_id != message_id)
        throw DomainError(ErrorCode::TextLabelsWrongMessageId,
                          "These labels are for another message than the task's.");
    auto message = store_.find_message(message_id);
    auto tree = message ? store_.find_tree(message->tree_id) : std::nullopt;
    if (!message || !tree) throw DomainError(ErrorCode::MessageNotFound, "The message is gone.");
    if (message->deleted)
        throw DomainError(ErrorCode::MessageNotFound,
                          "The message to label was deleted by moderation.");
    if (message->user_id == caller.user.id)
        throw DomainError(ErrorCode::NoSelfLabelingOrDuplicateTaskReply,
                          "You cannot label your own message.");
    // One review per person and message, as in Open-Assistant (a second task on it could be
    // held from before): it would count twice towards the message's acceptance, and earn twice.
    if (store_.user_labeled(message_id, caller.user.id))
        throw DomainError(ErrorCode::NoSelfLabelingOrDuplicateTaskReply,
                          "You already reviewed this message.");
    // Labels that arrive after the review round closed (others' reviews decided it and the tree
    // moved on) are stored and marked late; only a stopped tree refuses them.
    const bool late = arrives_late(task.type, tree->state, "labels");

    const auto sent = sent_task(task.id);
    check_label_values(answer.labels, sent.valid_labels, sent.mandatory_labels);

    const std::string labels_id = new_uuid();
    const std::string& text = answer.text;
    check_text_length(text, config_.message_size_limit, "The comment");
    store_.insert_labels(
        labels_id, message_id, caller.user.id, task.id, nlohmann::json(answer.labels).dump(),
        text.empty() ? std::nullopt : std::optional(text), answer.is_report, now_ms_, late);
    Rewards(store_.statements(), config_, now_ms_)
        .labels_done(caller.user.id, message_id, sent.full_mode);
    FlagModeration(store_, config_, now_ms_).on_labels(message_id, answer.labels, answer.is_report);
    if (late)
        trees_.late_review_added(message_id);
    else
        trees_.review_added(message_id);
    store_.set_task_done(task.id, labels_id);
    return task_done(labels_id);
}

} // namespace orchard::domain
