#include "server/api/message_routes.h"

#include "server/api/query_params.h"
#include "server/api/request_runner.h"
#include "server/domain/labels.h"
#include "server/domain/message_service.h"
#include "server/domain/request_fields.h"
#include "server/domain/tree_manager.h"

#include <memory>

namespace orchard::api {

using domain::MessageService;
using store::MessageRecord;

namespace {

// Who reads: the named user if any (x-oasst-user), else nobody in particular.
std::string viewer_of(const ApiCaller& caller) {
    return caller.user ? caller.user->user.id : "";
}

// Deleted messages, and the texts a message had before an edit, are for moderators and trusted
// clients only (PROTOCOL.md §3: deleting and editing are moderation): to everyone else a deleted
// message is answered as one that never existed, and is left out of trees and conversations.
bool sees_deleted(const ApiCaller& caller) {
    return is_moderator(caller);
}

nlohmann::json message_list(MessageService& messages, const std::vector<MessageRecord>& list,
                            const ApiCaller& caller) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& message : list)
        if (!message.deleted || sees_deleted(caller))
            items.push_back(messages.to_json(message, viewer_of(caller), is_moderator(caller)));
    return items;
}

// The read endpoints exist twice: by Orchard's id and by the frontend's own id.
using Lookup = std::function<MessageRecord(MessageService&, const ApiCaller&, const std::string&)>;

void add_read_routes(http::Router& router, std::shared_ptr<ApiContext> context,
                     const std::string& prefix, const std::string& param, Lookup lookup) {
    auto read = [context, param, lookup](auto produce) {
        return [context, param, lookup, produce](const http::Request& request,
                                                 const http::PathParams& params) {
            return run(*context, request, false,
                       [&](store::TreeStore& store, const ApiCaller& caller,
                           const domain::TreeManagerConfig& config, const nlohmann::json&,
                           std::int64_t now) {
                           MessageService messages(store, config, now);
                           const MessageRecord message = lookup(messages, caller, params.at(param));
                           return http::Response::json(200,
                                                       produce(store, messages, caller, message));
                       });
        };
    };
    const std::string base = prefix + "/{" + param + "}";
    router.add("GET", base,
               read([](store::TreeStore&, MessageService& messages, const ApiCaller& caller,
                       const MessageRecord& message) {
                   return messages.to_json(message, viewer_of(caller), is_moderator(caller));
               }));
    router.add(
        "GET", base + "/conversation",
        read([](store::TreeStore& store, MessageService& messages, const ApiCaller& caller,
                const MessageRecord& message) {
            return nlohmann::json{
                {"messages", message_list(messages, store.conversation(message.id), caller)}};
        }));
    router.add(
        "GET", base + "/tree",
        read([](store::TreeStore& store, MessageService& messages, const ApiCaller& caller,
                const MessageRecord& message) {
            return nlohmann::json{
                {"id", message.tree_id},
                {"messages", message_list(messages, store.tree_messages(message.tree_id), caller)}};
        }));
    router.add("GET", base + "/children",
               read([](store::TreeStore& store, MessageService& messages, const ApiCaller& caller,
                       const MessageRecord& message) {
                   return message_list(messages, store.children(message.id), caller);
               }));
}

} // namespace

void add_message_routes(http::Router& router, store::Database& database) {
    auto context = std::make_shared<ApiContext>(ApiContext{database, std::mt19937_64(1)});
    // Registered before /messages/{message_id} so that "cursor" is not taken for an id.
    router.add("GET", "/api/v1/messages/cursor",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(
                       *context, request, false,
                       [&](store::TreeStore& store, const ApiCaller& caller,
                           const domain::TreeManagerConfig& config, const nlohmann::json&,
                           std::int64_t now) {
                           MessageService messages(store, config, now);
                           const auto max_count = int_query(request, "max_count", 10, 1, 1000);
                           return http::Response::json(
                               200, messages.search(
                                        text_query(request, "search_query").value_or(""),
                                        static_cast<int>(max_count), text_query(request, "before"),
                                        viewer_of(caller), is_moderator(caller)));
                       });
               });
    add_read_routes(router, context, "/api/v1/messages", "message_id",
                    [](MessageService& messages, const ApiCaller& caller, const std::string& id) {
                        return messages.get(id, sees_deleted(caller));
                    });
    add_read_routes(router, context, "/api/v1/frontend_messages", "frontend_message_id",
                    [](MessageService& messages, const ApiCaller& caller, const std::string& id) {
                        return messages.get_by_frontend_id(frontend_id_scope(caller), id,
                                                           sees_deleted(caller));
                    });

    // Below: moderation (a moderator or a trusted client), reactions and labels.
    auto write = [context](bool user_required, bool moderators_only, auto act) {
        return [context, user_required, moderators_only, act](const http::Request& request,
                                                              const http::PathParams& params) {
            return run(*context, request, user_required,
                       [&](store::TreeStore& store, const ApiCaller& caller,
                           const domain::TreeManagerConfig& config, const nlohmann::json& body,
                           std::int64_t now) {
                           if (moderators_only) require(caller, Needs::Moderator);
                           MessageService messages(store, config, now);
                           return act(messages, caller, params, body, request);
                       });
        };
    };

    router.add(
        "GET", "/api/v1/messages/{message_id}/tree/state",
        write(false, false,
              [](MessageService& messages, const ApiCaller& caller, const http::PathParams& p,
                 const nlohmann::json&, const http::Request&) {
                  const auto message = messages.get(p.at("message_id"), sees_deleted(caller));
                  return http::Response::json(200, messages.tree_state_json(message.tree_id));
              }));
    router.add("PUT", "/api/v1/messages/{message_id}/tree/state",
               write(false, true,
                     [](MessageService& messages, const ApiCaller&, const http::PathParams& p,
                        const nlohmann::json&, const http::Request& request) {
                         const bool halt = bool_query(request, "halt", true);
                         messages.set_halted(p.at("message_id"), halt);
                         const auto message = messages.get(p.at("message_id"));
                         return http::Response::json(200,
                                                     messages.tree_state_json(message.tree_id));
                     }));
    router.add("DELETE", "/api/v1/messages/{message_id}",
               write(false, true,
                     [](MessageService& messages, const ApiCaller& caller,
                        const http::PathParams& p, const nlohmann::json&, const http::Request&) {
                         messages.delete_message(p.at("message_id"), user_id_of(caller));
                         return no_content();
                     }));
    router.add("PUT", "/api/v1/messages/{message_id}/undelete",
               write(false, true,
                     [](MessageService& messages, const ApiCaller& caller,
                        const http::PathParams& p, const nlohmann::json&, const http::Request&) {
                         messages.undelete_message(p.at("message_id"), user_id_of(caller));
                         return no_content();
                     }));
    router.add(
        "POST", "/api/v1/messages/{message_id}/edit",
        write(true, true,
              [](MessageService& messages, const ApiCaller& caller, const http::PathParams& p,
                 const nlohmann::json& body, const http::Request&) {
                  messages.edit(p.at("message_id"),
                                domain::RequestFields(body).string_or("new_content"),
                                caller.user->user.id);
                  return no_content();
              }));
    // The texts before an edit: an edit may have removed what nobody else should read.
    router.add("GET", "/api/v1/messages/{message_id}/history",
               write(false, true,
                     [](MessageService& messages, const ApiCaller&, const http::PathParams& p,
                        const nlohmann::json&, const http::Request&) {
                         return http::Response::json(200, messages.history(p.at("message_id")));
                     }));
    router.add(
        "POST", "/api/v1/messages/{message_id}/emoji",
        write(true, false,
              [](MessageService& messages, const ApiCaller& caller, const http::PathParams& p,
                 const nlohmann::json& body, const http::Request&) {
                  // A throw-away account's flag must at least cost reading the terms.
                  require_accepted_terms(caller, "before reacting to messages");
                  const domain::RequestFields fields(body);
                  // The answer is the message: nobody but a moderator reaches a deleted one.
                  (void)messages.get(p.at("message_id"), sees_deleted(caller));
                  return http::Response::json(200, messages.react(*caller.user, p.at("message_id"),
                                                                  fields.string_or("op", "toggle"),
                                                                  fields.string_or("emoji")));
              }));
    router.add("POST", "/api/v1/text_labels",
               write(true, false,
                     [](MessageService& messages, const ApiCaller& caller, const http::PathParams&,
                        const nlohmann::json& body, const http::Request&) {
                         require_accepted_terms(caller, "before labeling or reporting messages");
                         messages.free_labels(*caller.user, body, sees_deleted(caller));
                         return no_content();
                     }));
    auto label_list = [](const std::vector<std::string>& names) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& name : names)
            if (const auto* label = domain::find_label(name))
                list.push_back({{"name", label->name},
                                {"display_text", label->display_text},
                                {"help_text", label->help_text}});
        return nlohmann::json{{"valid_labels", list}};
    };
    router.add("GET", "/api/v1/text_labels/valid_labels",
               write(false, false,
                     [label_list](MessageService& messages, const ApiCaller& caller,
                                  const http::PathParams&, const nlohmann::json&,
                                  const http::Request& request) {
                         auto id = text_query(request, "message_id");
                         if (!id) {
                             std::vector<std::string> all;
                             for (const auto& label : domain::all_labels())
                                 all.push_back(label.name);
                             return http::Response::json(200, label_list(all));
                         }
                         const auto message = messages.get(*id, sees_deleted(caller));
                         const auto role = !message.parent_id ? domain::LabeledRole::InitialPrompt
                                           : message.role == "assistant"
                                               ? domain::LabeledRole::AssistantReply
                                               : domain::LabeledRole::PrompterReply;
                         return http::Response::json(
                             200, label_list(domain::valid_labels(role, domain::LabelMode::Full)));
                     }));
    router.add("GET", "/api/v1/text_labels/report_labels",
               write(false, false,
                     [label_list](MessageService&, const ApiCaller&, const http::PathParams&,
                                  const nlohmann::json&, const http::Request&) {
                         return http::Response::json(200, label_list(domain::report_labels()));
                     }));
}

} // namespace orchard::api
