// Datasets from the server (docs/datasets.md): what `orchard export` writes, for admins, over
// HTTP. API clients send their admin credentials with GET /admin/export; the browser client asks
// for a short-lived signed link (download_links.h) and lets the browser follow it, so that the
// session token never goes into a URL. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

#include <filesystem>

namespace orchard::api::exports {

// GET /admin/datasets: trees and messages by state and language, and the formats there are.
http::Response datasets(Call& call);
// GET /admin/export?format=oasst|messages|sft|preference|rm|labels&lang=&state=&...: the file,
// gzip-compressed JSON Lines, as `orchard export --format ... --out x.jsonl.gz` writes it.
http::Response export_file(Call& call);
// POST /admin/export/links {format, lang, state, ...: the parameters of GET /admin/export}:
// {url, file_name, expires_at}, a link to the file that works for a few minutes without a token.
http::Response create_link(Call& call);
// GET /export/download?link=: the file a link stands for, while it is valid and its admin still
// is one.
http::Response download(Call& call);

// Removes the files of exports a killed server left in `dir` (export-*.jsonl.gz an hour old or
// more: a younger one may be another server's export in progress). At start-up.
void remove_stale_exports(const std::filesystem::path& dir);

} // namespace orchard::api::exports
