// Messages, their trees, reactions and labels outside tasks (PROTOCOL.md §3). The reads exist
// twice: by Orchard's id (/messages/{message_id}) and by the frontend's own id
// (/frontend_messages/{frontend_message_id}). Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::messages {

http::Response search(Call& call); // GET /messages/cursor

http::Response get(Call& call);          // GET /messages/{message_id}
http::Response conversation(Call& call); // GET /messages/{message_id}/conversation
http::Response tree(Call& call);         // GET /messages/{message_id}/tree
http::Response children(Call& call);     // GET /messages/{message_id}/children

http::Response get_by_frontend_id(Call& call);          // GET /frontend_messages/{id}
http::Response conversation_by_frontend_id(Call& call); // .../conversation
http::Response tree_by_frontend_id(Call& call);         // .../tree
http::Response children_by_frontend_id(Call& call);     // .../children

http::Response tree_state(Call& call);     // GET /messages/{message_id}/tree/state
http::Response set_tree_state(Call& call); // PUT /messages/{message_id}/tree/state?halt=
http::Response remove(Call& call);         // DELETE /messages/{message_id}
http::Response undelete(Call& call);       // PUT /messages/{message_id}/undelete
http::Response edit(Call& call);           // POST /messages/{message_id}/edit
http::Response history(Call& call);        // GET /messages/{message_id}/history
http::Response react(Call& call);          // POST /messages/{message_id}/emoji

http::Response add_labels(Call& call);    // POST /text_labels
http::Response valid_labels(Call& call);  // GET /text_labels/valid_labels
http::Response report_labels(Call& call); // GET /text_labels/report_labels

} // namespace orchard::api::messages
