// Who may do what beyond taking part (PROTOCOL.md §1, §3, §9). Three levels:
// - a caller: contributes, reads live (not deleted) messages, reacts, labels;
// - a moderator: halts and resumes trees, deletes, restores and edits messages, sees deleted
//   messages and the texts messages had before an edit, reads the trollboard and other users'
//   ledgers. Accounts with the role moderator or admin; trusted API keys;
// - an admin: changes the configuration and manages prizes (the /api/v1/admin routes).
//   Accounts with the role admin; trusted API keys.
// A trusted API key counts as an admin because in Open-Assistant the trusted client is the
// website's backend, which acts for that site's admins and checks their roles itself: the
// protocol has no finer grain for keys, and refusing it would lock out the admins who use it.
// Orchard's own accounts carry their role, so for them moderator and admin differ.
#pragma once

#include "server/api/caller.h"

namespace orchard::api {

enum class Needs { Caller, Moderator, Admin };

bool is_moderator(const ApiCaller& caller);
bool is_admin(const ApiCaller& caller);

// Throws DomainError 2 (HTTP 403) when the caller is below `needs`.
void require(const ApiCaller& caller, Needs needs);

// Orchard's own accounts accept Orchard's terms before they contribute anything: a task, a
// reaction, a report or a label (frontend clients show their own terms). Throws DomainError
// TermsNotAccepted (HTTP 403) saying `before_what` otherwise.
void require_accepted_terms(const ApiCaller& caller, const char* before_what);

} // namespace orchard::api
