// The tree manager's configuration as stored: the defaults of PROTOCOL.md §5 with the admin's
// changes (PUT /api/v1/admin/config) applied.
#pragma once

#include "server/domain/config.h"
#include "server/store/tree_store.h"

namespace orchard::api {

domain::TreeManagerConfig load_config(store::TreeStore& store);

} // namespace orchard::api
