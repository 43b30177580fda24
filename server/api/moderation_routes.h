// The moderators' queue of flagged messages and their decisions on it (docs/flag-moderation.md).
// Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::moderation {

// GET /moderation/flagged?state=open (default: not yet decided, or flagged again since) or all;
// sort=recent (default; max_count, before: the `next` of the previous page) or most_flagged.
http::Response flagged(Call& call);
// POST /moderation/flagged/{message_id}, body {decision: keep | remove | handled}: keep brings a
// hidden message back with what was hidden under it; remove deletes it (a prompt's tree ends as
// aborted_low_grade); handled marks it dealt with in another way.
http::Response decide(Call& call);

} // namespace orchard::api::moderation
