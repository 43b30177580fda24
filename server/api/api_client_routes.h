// Frontends' API keys, for admins (docs/moderation.md): list, create (the key is shown once),
// disable and enable, mark trusted, and rotate the key. Every change is written to the audit
// log, never the key. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::api_clients {

// GET /admin/api_clients: {items}, newest first.
http::Response list(Call& call);
// POST /admin/api_clients {description, trusted, frontend_type}: 201 {client, api_key}.
http::Response create(Call& call);
// PUT /admin/api_clients/{client_id} {description, enabled, trusted, frontend_type}: the client.
http::Response change(Call& call);
// POST /admin/api_clients/{client_id}/rotate: {client, api_key}; the old key stops working.
http::Response rotate(Call& call);

} // namespace orchard::api::api_clients
