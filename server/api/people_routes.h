// People, for moderators and admins (docs/moderation.md): search, a person's page, bans with a
// reason, hiding from the leaderboards, roles (admins only) and notes. Every change is written
// to the audit log. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::people {

// GET /moderation/users?search=&max_count=&before=: newest first, {items, next}.
http::Response search(Call& call);
// GET /moderation/users/{user_id}: {user, counts, stats, trollboard, notes}.
http::Response page(Call& call);
// PUT /moderation/users/{user_id} {enabled, disabled_reason, hidden_from_leaderboards, role}:
// the person as they are now.
http::Response change(Call& call);
// POST /moderation/users/{user_id}/notes {text}: the note (201).
http::Response add_note(Call& call);
// GET /moderation/users/{user_id}/purge: what purging the person's messages would change.
http::Response purge_preview(Call& call);
// POST /moderation/users/{user_id}/purge {expect_messages}: purges; refused with 409 when the
// number of messages is no longer the one the preview showed.
http::Response purge(Call& call);

} // namespace orchard::api::people
