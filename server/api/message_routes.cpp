#include "server/api/message_routes.h"

#include "server/api/permissions.h"
#include "server/api/query_params.h"
#include "server/domain/labels.h"
#include "server/domain/message_service.h"
#include "server/domain/request_fields.h"

#include <string>
#include <vector>

namespace orchard::api::messages {

using domain::MessageService;
using store::MessageRecord;

namespace {

// Who reads: the named user if any (x-oasst-user), else nobody in particular.
std::string viewer_of(const ApiCaller& caller) {
    return user_id_of(caller).value_or("");
}

// Deleted messages, and the texts a message had before an edit, are for moderators and trusted
// clients only (PROTOCOL.md §3: deleting and editing are moderation): to everyone else a deleted
// message is answered as one that never existed, and is left out of trees and conversations.
bool sees_deleted(const ApiCaller& caller) {
    return is_moderator(caller);
}

MessageService message_service(Call& call) {
    return MessageService(call.store(), call.config(), call.now);
}

nlohmann::json message_list(MessageService& messages, const std::vector<MessageRecord>& list,
                            const ApiCaller& caller) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& message : list)
        if (!message.deleted || sees_deleted(caller))
            items.push_back(messages.to_json(message, viewer_of(caller), is_moderator(caller)));
    return items;
}

// The message a read route names, by Orchard's id or by the frontend's own.
enum class IdKind { Orchard, Frontend };

MessageRecord named_message(Call& call, MessageService& messages, IdKind kind) {
    if (kind == IdKind::Orchard)
        return messages.get(call.param("message_id"), sees_deleted(call.caller));
    return messages.get_by_frontend_id(frontend_id_scope(call.caller),
                                       call.param("frontend_message_id"),
                                       sees_deleted(call.caller));
}

enum class Part { Message, Conversation, Tree, Children };

http::Response read_message(Call& call, IdKind kind, Part part) {
    MessageService messages = message_service(call);
    const MessageRecord message = named_message(call, messages, kind);
    store::TreeStore& store = call.store();
    switch (part) {
    case Part::Message:
        return http::Response::json(
            200, messages.to_json(message, viewer_of(call.caller), is_moderator(call.caller)));
    case Part::Conversation:
        return http::Response::json(
            200, nlohmann::json{{"messages", message_list(messages, store.conversation(message.id),
                                                          call.caller)}});
    case Part::Tree:
        return http::Response::json(
            200,
            nlohmann::json{{"id", message.tree_id},
                           {"messages", message_list(messages, store.tree_messages(message.tree_id),
                                                     call.caller)}});
    case Part::Children:
        return http::Response::json(
            200, message_list(messages, store.children(message.id), call.caller));
    }
    return http::Response::json(200, nullptr);
}

nlohmann::json label_list(const std::vector<std::string>& names) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& name : names)
        if (const auto* label = domain::find_label(name))
            list.push_back(protocol::to_json(protocol::LabelDescription{
                label->name, label->widget, label->display_text, label->help_text}));
    return nlohmann::json{{"valid_labels", list}};
}

} // namespace

http::Response search(Call& call) {
    MessageService messages = message_service(call);
    const auto max_count = int_query(call.request, "max_count", 10, 1, 1000);
    return http::Response::json(
        200, messages.search(text_query(call.request, "search_query").value_or(""),
                             static_cast<int>(max_count), text_query(call.request, "before"),
                             viewer_of(call.caller), is_moderator(call.caller)));
}

http::Response get(Call& call) {
    return read_message(call, IdKind::Orchard, Part::Message);
}
http::Response conversation(Call& call) {
    return read_message(call, IdKind::Orchard, Part::Conversation);
}
http::Response tree(Call& call) {
    return read_message(call, IdKind::Orchard, Part::Tree);
}
http::Response children(Call& call) {
    return read_message(call, IdKind::Orchard, Part::Children);
}
http::Response get_by_frontend_id(Call& call) {
    return read_message(call, IdKind::Frontend, Part::Message);
}
http::Response conversation_by_frontend_id(Call& call) {
    return read_message(call, IdKind::Frontend, Part::Conversation);
}
http::Response tree_by_frontend_id(Call& call) {
    return read_message(call, IdKind::Frontend, Part::Tree);
}
http::Response children_by_frontend_id(Call& call) {
    return read_message(call, IdKind::Frontend, Part::Children);
}

http::Response tree_state(Call& call) {
    MessageService messages = message_service(call);
    const auto message = messages.get(call.param("message_id"), sees_deleted(call.caller));
    return http::Response::json(200, messages.tree_state_json(message.tree_id));
}

http::Response set_tree_state(Call& call) {
    MessageService messages = message_service(call);
    const bool halt = bool_query(call.request, "halt", true);
    const auto message = messages.get(call.param("message_id"));
    const auto before = messages.tree_state_json(message.tree_id);
    messages.set_halted(message.id, halt);
    auto after = messages.tree_state_json(message.tree_id);
    call.audit({halt ? "tree.halt" : "tree.resume", "tree", message.tree_id, before, after});
    return http::Response::json(200, after);
}

http::Response remove(Call& call) {
    MessageService messages = message_service(call);
    const auto before = messages.get(call.param("message_id"));
    messages.delete_message(before.id, user_id_of(call.caller));
    call.audit({"message.delete", "message", before.id, domain::message_removal_state(before),
                domain::message_removal_state(messages.get(before.id))});
    return no_content();
}

http::Response undelete(Call& call) {
    MessageService messages = message_service(call);
    const auto before = messages.get(call.param("message_id"));
    messages.undelete_message(before.id, user_id_of(call.caller));
    call.audit({"message.undelete", "message", before.id, domain::message_removal_state(before),
                domain::message_removal_state(messages.get(before.id))});
    return no_content();
}

http::Response edit(Call& call) {
    MessageService messages = message_service(call);
    const auto before = messages.get(call.param("message_id"));
    messages.edit(before.id, domain::RequestFields(call.body).string_or("new_content"),
                  call.user().user.id);
    call.audit({"message.edit",
                "message",
                before.id,
                {{"text", before.text}},
                {{"text", messages.get(before.id).text}}});
    return no_content();
}

// The texts before an edit: an edit may have removed what nobody else should read.
http::Response history(Call& call) {
    return http::Response::json(200, message_service(call).history(call.param("message_id")));
}

http::Response react(Call& call) {
    MessageService messages = message_service(call);
    const auto reaction = domain::accepted(protocol::parse_emoji_reaction(call.body));
    // The answer is the message: nobody but a moderator reaches a deleted one.
    (void)messages.get(call.param("message_id"), sees_deleted(call.caller));
    return http::Response::json(
        200, messages.react(call.user(), call.param("message_id"), reaction.op, reaction.emoji));
}

http::Response add_labels(Call& call) {
    message_service(call).free_labels(call.user(),
                                      domain::accepted(protocol::parse_text_labels(call.body)),
                                      sees_deleted(call.caller));
    return no_content();
}

http::Response valid_labels(Call& call) {
    MessageService messages = message_service(call);
    auto id = text_query(call.request, "message_id");
    if (!id) {
        std::vector<std::string> all;
        for (const auto& label : domain::all_labels())
            all.push_back(label.name);
        return http::Response::json(200, label_list(all));
    }
    const auto message = messages.get(*id, sees_deleted(call.caller));
    const auto role = !message.parent_id            ? domain::LabeledRole::InitialPrompt
                      : message.role == "assistant" ? domain::LabeledRole::AssistantReply
                                                    : domain::LabeledRole::PrompterReply;
    return http::Response::json(200,
                                label_list(domain::valid_labels(role, domain::LabelMode::Full)));
}

http::Response report_labels(Call&) {
    return http::Response::json(200, label_list(domain::report_labels()));
}

} // namespace orchard::api::messages
