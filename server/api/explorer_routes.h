// The data explorer (docs/explorer.md): everyone signed in browses the trees, searches their
// texts and reads a message's details. Registered by the route table (route_table.cpp); a tree's
// messages come from GET /messages/{id}/tree, reactions and labels from their own routes.
#pragma once

#include "server/api/route.h"

namespace orchard::api::explorer {

// GET /explorer/trees?lang=&max_count=&before=: the newest trees, of one language or all.
http::Response trees(Call& call);
// GET /explorer/search?q=&lang=&max_count=&before=: messages with the words of q, newest
// written first, each with an excerpt whose matched words are marked.
http::Response search(Call& call);
// GET /explorer/messages/{message_id}: who wrote it, its rank, review, reactions and labels.
http::Response details(Call& call);

} // namespace orchard::api::explorer
